package io.tradecore.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample rows of a CSV trace whose whole cache is not built yet, found by scanning its text:
 * every line's step and env are read (in parallel over byte ranges), the lines that can be sample
 * rows are kept (those at the spread steps, and those that sort first by step and env), and DuckDB
 * converts just those lines as the cache would and picks the sample rows with {@link SampleRows},
 * so the rows are the ones a query of the whole cache returns. Files that are not plain enough for
 * this (quoted fields, a step or env that is not a plain integer, a header that is not the one
 * DuckDB read) are left to the whole cache: {@link #run} returns null.
 */
final class CsvSamples {
  /** The most lines kept before giving up (a trace with many rows at one step). */
  static final int MAX_LINES = 20_000;

  private static final int BUFFER = 4 << 20;
  private static final byte[] DELIMITERS = {',', '\t', ';', '|'};

  private static final Logger LOG = LoggerFactory.getLogger(CsvSamples.class);

  private CsvSamples() {}

  /** Thrown inside the scan when a line is not plain enough. */
  private static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  /** Where the key columns are and how fields are separated. */
  private record Layout(byte delimiter, int step, int env) {}

  /** The lines of one byte range that can be sample rows, by their offset in the file. */
  private static final class Kept {
    final Map<Long, byte[]> spread = new TreeMap<>();
    final TreeMap<long[], List<Long>> first = new TreeMap<>(CsvSamples::compareKeys);
    final Map<Long, byte[]> firstLines = new TreeMap<>();

    void addFirst(long step, long env, long offset, byte[] line) {
      first.computeIfAbsent(new long[] {step, env}, k -> new ArrayList<>()).add(offset);
      firstLines.put(offset, line);
      // Keep the fewest smallest keys that hold SampleRows.FIRST lines, with all their lines.
      while (firstLines.size() - first.lastEntry().getValue().size() >= SampleRows.FIRST) {
        first.pollLastEntry().getValue().forEach(firstLines::remove);
      }
    }

    void addAll(Kept other) {
      spread.putAll(other.spread);
      for (Map.Entry<long[], List<Long>> e : other.first.entrySet()) {
        for (Long offset : e.getValue()) {
          addFirst(e.getKey()[0], e.getKey()[1], offset, other.firstLines.get(offset));
        }
      }
    }

    int size() {
      return spread.size() + firstLines.size();
    }

    /** Keeps a line at a spread step, or among the first ones if it sorts early enough. */
    void keep(long step, long env, long offset, byte[] line, boolean atSpread) {
      if (atSpread) {
        spread.put(offset, line);
      }
      if (mayBeFirst(step, env)) {
        addFirst(step, env, offset, line);
      }
    }

    /** Whether a line of this key would be kept among the first ones. */
    boolean mayBeFirst(long step, long env) {
      if (firstLines.size() < SampleRows.FIRST) {
        return true;
      }
      long[] last = first.lastKey();
      return step < last[0] || (step == last[0] && env <= last[1]);
    }
  }

  private static int compareKeys(long[] a, long[] b) {
    int c = Long.compare(a[0], b[0]);
    return c != 0 ? c : Long.compare(a[1], b[1]);
  }

  /**
   * The sample rows of the selection (env, or all when null; steps lo..hi) with {@code spread}
   * steps, or null when the file must be read through its whole cache instead.
   */
  static List<Map<String, Object>> run(
      Connection c,
      Path csv,
      CsvToParquet.Plan plan,
      Path tmpDir,
      Long env,
      long lo,
      long hi,
      List<Long> spread,
      int threads)
      throws SQLException {
    long started = System.nanoTime();
    try (FileChannel ch = FileChannel.open(csv)) {
      long size = ch.size();
      byte[] header = firstLine(ch);
      Layout layout = layout(new String(header, StandardCharsets.UTF_8), plan);
      if (layout == null) {
        return null;
      }
      long dataStart = Math.min(size, header.length + 1L);
      long[] steps = spread.stream().mapToLong(Long::longValue).sorted().toArray();
      int parts = Math.max(1, threads);
      long chunk = Math.max(1, (size - dataStart) / parts);
      List<CompletableFuture<Kept>> running = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        long from = dataStart + i * chunk;
        long to = i == parts - 1 ? size : dataStart + (i + 1) * chunk;
        running.add(
            CompletableFuture.supplyAsync(
                () -> scan(csv, from, to, layout, env, lo, hi, steps),
                r -> Thread.ofPlatform().name("insights-sample-scan").start(r)));
      }
      Kept all = new Kept();
      for (CompletableFuture<Kept> f : running) {
        all.addAll(f.join());
      }
      if (all.size() > MAX_LINES) {
        return null;
      }
      long scanned = System.nanoTime();
      List<Map<String, Object>> rows =
          pick(c, plan, tmpDir, header, layout, all, env, lo, hi, spread);
      LOG.debug(
          "insights: scanned {} for sample rows in {} ms, {} lines kept, read as rows in {} ms",
          csv.getFileName(),
          (scanned - started) / 1_000_000,
          all.size(),
          (System.nanoTime() - scanned) / 1_000_000);
      return rows;
    } catch (CompletionException e) {
      if (e.getCause() instanceof NotPlain) {
        return null;
      }
      throw e;
    } catch (IOException e) {
      throw new TraceReadException("cannot read " + csv.getFileName() + ": " + e, e);
    }
  }

  private static List<Map<String, Object>> pick(
      Connection c,
      CsvToParquet.Plan plan,
      Path tmpDir,
      byte[] header,
      Layout layout,
      Kept kept,
      Long env,
      long lo,
      long hi,
      List<Long> spread)
      throws SQLException, IOException {
    Map<Long, byte[]> lines = new TreeMap<>(kept.spread);
    lines.putAll(kept.firstLines);
    Files.createDirectories(tmpDir);
    Path tmp = tmpDir.resolve("sample-" + UUID.randomUUID() + ".csv");
    try {
      try (var out = Files.newOutputStream(tmp)) {
        out.write(header);
        out.write('\n');
        for (byte[] line : lines.values()) {
          out.write(line);
          out.write('\n');
        }
      }
      String from = "(" + plan.select(tmp, null, (char) layout.delimiter()) + ")";
      return SampleRows.run(c, from, env, lo, hi, spread);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The first line of the file, without its line break. */
  private static byte[] firstLine(FileChannel ch) throws IOException {
    ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 20));
    ch.read(head, 0);
    byte[] b = head.array();
    int n = 0;
    while (n < head.position() && b[n] != '\n') {
      n++;
    }
    int end = n > 0 && b[n - 1] == '\r' ? n - 1 : n;
    return Arrays.copyOf(b, end);
  }

  /**
   * The delimiter whose split of the header gives the column names DuckDB read (the plan's, less an
   * env it added), and where step and env are; null when none does.
   */
  private static Layout layout(String header, CsvToParquet.Plan plan) {
    List<String> expected = new ArrayList<>();
    for (CsvToParquet.Item item : plan.items()) {
      if (item.inCsv()) {
        expected.add(item.column().name());
      }
    }
    if (header.indexOf('"') >= 0) {
      return null;
    }
    for (byte d : DELIMITERS) {
      String[] names = header.split(Pattern.quote(String.valueOf((char) d)), -1);
      if (names.length != expected.size()) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < names.length; i++) {
        String name = names[i];
        String want = expected.get(i);
        boolean key = want.equals(TraceColumns.STEP) || want.equals(TraceColumns.ENV);
        same &= key ? name.equalsIgnoreCase(want) : name.equals(want);
      }
      if (same) {
        List<String> lower = Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        return new Layout(d, lower.indexOf(TraceColumns.STEP), lower.indexOf(TraceColumns.ENV));
      }
    }
    return null;
  }

  /**
   * The kept lines of those that start in [from, to) (a line started before from belongs to the
   * range before). Reads through a heap buffer, so the file's pages never count as this process's
   * memory; the per-line work is one loop in this method, which the JIT compiles at once.
   */
  private static Kept scan(
      Path csv, long from, long to, Layout layout, Long env, long lo, long hi, long[] spread) {
    Kept kept = new Kept();
    long envFilter = env == null ? Long.MIN_VALUE : env;
    byte delimiter = layout.delimiter();
    int stepField = layout.step();
    int envField = layout.env();
    int needed = Math.max(stepField, envField);
    byte[] b = new byte[BUFFER];
    try (FileChannel ch = FileChannel.open(csv)) {
      long pos = from; // the file offset of b[0]
      int n = 0; // bytes in b
      int i = 0; // where the next line starts in b
      boolean lineStart = from == 0 || byteAt(ch, from - 1) == '\n';
      while (true) {
        if (i > 0) {
          System.arraycopy(b, i, b, 0, n - i);
          pos += i;
          n -= i;
          i = 0;
        }
        int r = ch.read(ByteBuffer.wrap(b, n, b.length - n), pos + n);
        boolean eof = r <= 0;
        n += Math.max(r, 0);
        if (!lineStart) {
          while (i < n && b[i] != '\n') {
            i++;
          }
          if (i == n && !eof) {
            continue;
          }
          i++;
          lineStart = true;
        }
        // Line breaks and quotes are found by String.indexOf, which the JVM runs as vector code.
        String text = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        if (text.indexOf('"') >= 0) {
          throw new NotPlain();
        }
        while (pos + i < to && i < n) {
          int start = i;
          int lineBreak = text.indexOf('\n', start);
          if (lineBreak < 0) {
            if (!eof) {
              if (start == 0 && n == b.length) {
                throw new NotPlain(); // a line longer than the buffer
              }
              break; // the line continues past the buffer: read on
            }
            lineBreak = n;
          }
          i = lineBreak + 1;
          int end = lineBreak > start && b[lineBreak - 1] == '\r' ? lineBreak - 1 : lineBreak;
          if (end == start) {
            continue; // a blank line is no row
          }
          long step = Long.MIN_VALUE;
          long envId = envField < 0 ? 0 : Long.MIN_VALUE;
          int fields = 0;
          int fieldStart = start;
          for (int j = start; j <= end && fields <= needed; j++) {
            if (j == end || b[j] == delimiter) {
              if (fields == stepField) {
                step = integer(b, fieldStart, j);
              } else if (fields == envField) {
                envId = integer(b, fieldStart, j);
              }
              fields++;
              fieldStart = j + 1;
            }
          }
          if (step == Long.MIN_VALUE) {
            continue; // an empty or missing step is no row of any selection
          }
          if (envId == Long.MIN_VALUE) {
            throw new NotPlain(); // an empty or missing env: left to DuckDB
          }
          if (step < lo || step > hi || (envFilter != Long.MIN_VALUE && envId != envFilter)) {
            continue;
          }
          boolean atSpread = Arrays.binarySearch(spread, step) >= 0;
          if (atSpread || kept.mayBeFirst(step, envId)) {
            kept.keep(step, envId, pos + start, Arrays.copyOfRange(b, start, end), atSpread);
            if (kept.size() > MAX_LINES) {
              return kept;
            }
          }
        }
        if (eof || pos + i >= to) {
          return kept;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte byteAt(FileChannel ch, long at) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, at);
    return one.get(0);
  }

  /**
   * A plain decimal integer (an optional minus sign and up to 18 digits); Long.MIN_VALUE for an
   * empty field. Anything else is not plain.
   */
  private static long integer(byte[] b, int start, int end) {
    if (start == end) {
      return Long.MIN_VALUE;
    }
    boolean negative = b[start] == '-';
    int i = negative ? start + 1 : start;
    if (i == end || end - i > 18) {
      throw new NotPlain();
    }
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new NotPlain();
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }
}
