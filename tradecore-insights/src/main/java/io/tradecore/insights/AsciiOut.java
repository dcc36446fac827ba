package io.tradecore.insights;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered ASCII writer with hand-rolled number formatting, for writing large CSV files without a
 * String per value.
 */
final class AsciiOut implements AutoCloseable {
  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private final byte[] digits = new byte[20];
  private int pos;
  private long written;

  AsciiOut(OutputStream out) {
    this.out = out;
  }

  /** Bytes written so far, including those still buffered. */
  long written() {
    return written + pos;
  }

  AsciiOut put(byte b) throws IOException {
    if (pos == buf.length) {
      drain();
    }
    buf[pos++] = b;
    return this;
  }

  AsciiOut put(byte[] bytes) throws IOException {
    if (pos + bytes.length > buf.length) {
      drain();
    }
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
    return this;
  }

  /** Writes {@code v} in decimal. */
  AsciiOut putLong(long v) throws IOException {
    if (pos + 21 > buf.length) {
      drain();
    }
    if (v == Long.MIN_VALUE) {
      return put("-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    while (n > 0) {
      buf[pos++] = digits[--n];
    }
    return this;
  }

  /**
   * Writes {@code v} rounded half-up to {@code decimals} (0..9) places, e.g. {@code 101.25}; the
   * magnitude must stay below about 9e9 at 9 places. Non-finite values are written as nan, inf or
   * -inf.
   */
  AsciiOut putFixed(double v, int decimals) throws IOException {
    if (!Double.isFinite(v)) {
      return put(
          (Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    long scale = POW10[decimals];
    long scaled = Math.round(Math.abs(v) * scale);
    if (v < 0 && scaled != 0) {
      put((byte) '-');
    }
    putLong(scaled / scale);
    if (decimals > 0) {
      if (pos + decimals + 1 > buf.length) {
        drain();
      }
      buf[pos++] = '.';
      long frac = scaled % scale;
      for (int i = decimals - 1; i >= 0; i--) {
        buf[pos + i] = (byte) ('0' + (frac % 10));
        frac /= 10;
      }
      pos += decimals;
    }
    return this;
  }

  private void drain() throws IOException {
    out.write(buf, 0, pos);
    written += pos;
    pos = 0;
  }

  @Override
  public void close() throws IOException {
    try (out) {
      drain();
    }
  }
}
