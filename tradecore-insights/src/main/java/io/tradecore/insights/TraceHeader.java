package io.tradecore.insights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A cheap look at a trace for the run list, reading at most its first 64 KB: a CSV must have a
 * header with a step column, a Parquet file its magic bytes. Returns a problem text or null.
 */
final class TraceHeader {
  private static final int LIMIT = 64 * 1024;
  private static final String MAGIC = "PAR1";

  private TraceHeader() {}

  /** A Parquet file starts and ends with "PAR1". */
  private static boolean parquetMagic(Path trace, byte[] head) {
    if (head.length < 12 || !ascii(head, 0).equals(MAGIC)) {
      return false;
    }
    try (SeekableByteChannel ch = Files.newByteChannel(trace)) {
      ByteBuffer tail = ByteBuffer.allocate(4);
      ch.position(ch.size() - 4);
      while (tail.hasRemaining() && ch.read(tail) >= 0) {
        // read the last four bytes
      }
      return ascii(tail.array(), 0).equals(MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  private static String ascii(byte[] bytes, int from) {
    return new String(bytes, from, 4, StandardCharsets.US_ASCII);
  }

  static String problem(Path trace) {
    String name = trace.getFileName().toString();
    byte[] head;
    try (InputStream in = Files.newInputStream(trace)) {
      head = in.readNBytes(LIMIT);
    } catch (IOException e) {
      return name + ": unreadable trace: " + e;
    }
    if (head.length == 0) {
      return name + ": empty trace";
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return parquetMagic(trace, head) ? null : name + ": unreadable trace: not a Parquet file";
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
