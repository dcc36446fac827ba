package io.tradecore.insights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A cheap look at a trace for the run list, reading at most its first 64 KB (and a Parquet file's
 * last four bytes) through {@link RunFileAccess}: a CSV must have a header with a step column, a
 * Parquet file its magic bytes. Returns a problem text or null.
 */
final class TraceHeader {
  private static final int LIMIT = 64 * 1024;
  private static final String MAGIC = "PAR1";

  private TraceHeader() {}

  private static String ascii(byte[] bytes, int from) {
    return new String(bytes, from, 4, StandardCharsets.US_ASCII);
  }

  /** A Parquet file ends with "PAR1" too. */
  private static boolean endsWithMagic(SeekableByteChannel ch) throws IOException {
    ByteBuffer tail = ByteBuffer.allocate(4);
    ch.position(ch.size() - 4);
    while (tail.hasRemaining() && ch.read(tail) >= 0) {
      // read the last four bytes
    }
    return ascii(tail.array(), 0).equals(MAGIC);
  }

  /** The problem of the trace {@code trace} of a run under {@code root}, or null. */
  static String problem(Path root, Path trace) {
    String name = trace.getFileName().toString();
    byte[] head;
    boolean parquetTail;
    try (SeekableByteChannel ch = RunFileAccess.open(root, trace)) {
      head = Channels.newInputStream(ch).readNBytes(LIMIT);
      parquetTail = head.length >= 12 && ascii(head, 0).equals(MAGIC) && endsWithMagic(ch);
    } catch (RunFileAccess.Refused e) {
      return e.getMessage();
    } catch (IOException e) {
      return name + ": unreadable trace (" + e.getClass().getSimpleName() + ")";
    }
    if (head.length == 0) {
      return name + ": empty trace";
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return parquetTail ? null : name + ": unreadable trace: not a Parquet file";
    }
    int end = 0;
    while (end < head.length && head[end] != '\n' && head[end] != '\r') {
      end++;
    }
    if (end == head.length && head.length == LIMIT) {
      return name + ": unreadable trace: no header line in the first 64 KB";
    }
    String header = new String(head, 0, end, StandardCharsets.UTF_8);
    if (header.indexOf('\0') >= 0) {
      return name + ": unreadable trace: not a text file";
    }
    boolean step =
        Arrays.stream(header.split("[,;\t|]"))
            .map(s -> s.strip().replace("\"", "").toLowerCase(Locale.ROOT))
            .anyMatch(s -> s.equals(TraceColumns.STEP));
    return step ? null : name + ": unreadable trace: no step column in its header";
  }
}
