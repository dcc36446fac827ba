package io.tradecore.marketdata;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a file's columns are, worked out from its first line for one {@link CsvFormat}. */
record CsvLayout(
    CsvFormat format,
    int columns,
    int time,
    int open,
    int high,
    int low,
    int close,
    int volume,
    boolean firstLineIsData) {

  private static final List<String> YAHOO_COLUMNS =
      List.of("date", "open", "high", "low", "close", "adj close", "volume");
  private static final List<String> TIME_COLUMNS = List.of("timestamp", "datetime", "date", "time");
  private static final int BINANCE_COLUMNS = 12;

  /** The layout of a file whose first line is {@code firstLine}, if it fits {@code format}. */
  static Optional<CsvLayout> of(CsvFormat format, String firstLine) {
    String[] fields = fields(firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine);
    List<String> names = Arrays.stream(fields).map(f -> f.toLowerCase(Locale.ROOT)).toList();
    return switch (format) {
      case YAHOO ->
          names.size() == YAHOO_COLUMNS.size() && names.containsAll(YAHOO_COLUMNS)
              ? Optional.of(named(format, names, names.indexOf("date")))
              : Optional.empty();
      case GENERIC ->
          TIME_COLUMNS.stream()
              .filter(names::contains)
              .findFirst()
              .filter(t -> hasPrices(names))
              .map(t -> named(format, names, names.indexOf(t)));
      case BINANCE -> binance(names);
    };
  }

  /** The trimmed, unquoted fields of one CSV line; prices and times never contain commas. */
  static String[] fields(String line) {
    int count = 1;
    for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
      count++;
    }
    String[] fields = new String[count]; // as line.split(",", -1), without its list
    for (int i = 0, from = 0; i < count; i++) {
      int to = i == count - 1 ? line.length() : line.indexOf(',', from);
      fields[i] = line.substring(from, to);
      from = to + 1;
    }
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i].strip();
      if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
        field = field.substring(1, field.length() - 1).strip();
      }
      fields[i] = field;
    }
    return fields;
  }

  private static Optional<CsvLayout> binance(List<String> names) {
    if (names.size() == BINANCE_COLUMNS && names.get(0).matches("\\d+")) {
      return Optional.of(new CsvLayout(CsvFormat.BINANCE, BINANCE_COLUMNS, 0, 1, 2, 3, 4, 5, true));
    }
    if (names.contains("open_time") && hasPrices(names)) {
      return Optional.of(named(CsvFormat.BINANCE, names, names.indexOf("open_time")));
    }
    return Optional.empty();
  }

  private static boolean hasPrices(List<String> names) {
    return names.containsAll(List.of("open", "high", "low", "close", "volume"));
  }

  private static CsvLayout named(CsvFormat format, List<String> names, int time) {
    return new CsvLayout(
        format,
        names.size(),
        time,
        names.indexOf("open"),
        names.indexOf("high"),
        names.indexOf("low"),
        names.indexOf("close"),
        names.indexOf("volume"),
        false);
  }
}
