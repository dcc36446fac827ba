package io.tradecore.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads an action trace CSV one row at a time, keeping one line in memory: the header names the
 * columns, and {@link #next} parses the chosen ones into a reused array. Numbers as Python writes
 * them: {@code nan}, {@code inf}, {@code -inf} and empty fields are NaN or infinite.
 */
final class TraceReader implements AutoCloseable {
  private final Path file;
  private final BufferedReader in;
  private final List<String> header;
  private final String[] fields;
  private int[] columns = new int[0];
  private long line = 1;

  /**
   * Opens {@code file} and reads its header.
   *
   * @throws InvalidPolicyException when the file is empty
   */
  TraceReader(Path file) throws IOException {
    this.file = file;
    this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      String first = in.readLine();
      if (first == null || first.isBlank()) {
        throw new InvalidPolicyException(file, "empty trace: no header line");
      }
      if (first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      header = new ArrayList<>(Arrays.asList(first.split(",", -1)));
      header.replaceAll(TraceReader::unquote);
      fields = new String[header.size()];
    } catch (RuntimeException | IOException e) {
      in.close();
      throw e;
    }
  }

  List<String> header() {
    return List.copyOf(header);
  }

  /** Chooses the columns {@link #next} reads, in this order; each must be in the header. */
  void select(List<String> wanted) {
    columns = new int[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      columns[i] = header.indexOf(wanted.get(i));
      if (columns[i] < 0) {
        throw new IllegalArgumentException("no column " + wanted.get(i));
      }
    }
  }

  /** The line number of the row {@link #next} read last (the header is line 1). */
  long line() {
    return line;
  }

  /** The raw text of a column of the row read last, or "" when it has no such column. */
  String field(String column) {
    int i = header.indexOf(column);
    return i < 0 ? "" : fields[i];
  }

  /**
   * Reads the next row's wanted columns into {@code out}; false at the end of the file. Blank lines
   * are skipped.
   *
   * @throws InvalidPolicyException on a row with the wrong number of fields or a field that is not
   *     a number
   */
  boolean next(double[] out) throws IOException {
    String text;
    do {
      text = in.readLine();
      line++;
      if (text == null) {
        return false;
      }
    } while (text.isBlank());
    int count = split(text);
    if (count != header.size()) {
      throw new InvalidPolicyException(
          file, "line " + line + " has " + count + " fields but the header has " + header.size());
    }
    for (int i = 0; i < columns.length; i++) {
      out[i] = number(fields[columns[i]], columns[i]);
    }
    return true;
  }

  private int split(String text) {
    int count = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ',') {
        if (count < fields.length) {
          fields[count] = text.substring(start, i);
        }
        count++;
        start = i + 1;
      }
    }
    return count;
  }

  private double number(String text, int column) {
    String t = unquote(text);
    switch (t.toLowerCase(Locale.ROOT)) {
      case "", "nan", "-nan" -> {
        return Double.NaN;
      }
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw new InvalidPolicyException(
              file,
              "line "
                  + line
                  + ": column '"
                  + header.get(column)
                  + "' is not a number: '"
                  + t
                  + "'");
        }
      }
    }
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
