package io.tradecore.app.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A CSV file being written: a header, then rows of cells, quoted only when a cell needs it. Cells
 * are formatted straight into a byte buffer: a decimal as {@link BigDecimal#toPlainString()} would
 * write it, an instant as {@link Instant#toString()} would, anything else as its {@code toString},
 * null as an empty cell; the bytes are exactly those of the strings, without making them.
 */
final class Csv implements Closeable {
  private static final int BUFFER = 1 << 16;
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  // Instants from 1000-01-01 to 9999-12-31 are written here; Instant.toString writes the others.
  private static final long FIRST_FAST_SECOND = LocalDate.of(1000, 1, 1).toEpochDay() * 86_400;
  private static final long END_FAST_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER];
  private int used;
  private boolean closed;
  private final int columns;
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] cachedDate = new byte[10];

  Csv(Path file, String header) throws IOException {
    this.out = Files.newOutputStream(file);
    this.columns = header.split(",", -1).length;
    text(header);
    write('\n');
  }

  void row(Object... cells) throws IOException {
    if (cells.length != columns) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
    }
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        write(',');
      }
      cell(cells[i]);
    }
    write('\n');
  }

  private void cell(Object cell) throws IOException {
    switch (cell) {
      case null -> {}
      case BigDecimal d -> decimal(d);
      case Instant t -> instant(t);
      case Integer n -> number(n);
      case Long n -> number(n);
      default -> escaped(cell.toString());
    }
  }

  /** Plainly and exactly (never 1E+3), as {@link BigDecimal#toPlainString()}. */
  private void decimal(BigDecimal d) throws IOException {
    int scale = d.scale();
    if (scale < 0 || scale > 18 || d.precision() > 18) {
      text(d.toPlainString());
      return;
    }
    // At most 18 digits: the unscaled value is a long, had without a BigInteger.
    long units = d.movePointRight(scale).longValueExact();
    if (units < 0) {
      write('-');
      units = -units;
    }
    if (scale == 0) {
      number(units);
      return;
    }
    number(units / POWERS_OF_TEN[scale]);
    write('.');
    room(scale);
    digits(units % POWERS_OF_TEN[scale], scale);
  }

  /** As {@link Instant#toString()}: {@code 2024-01-02T09:30:00Z}, with 3, 6 or 9 decimals. */
  private void instant(Instant t) throws IOException {
    long seconds = t.getEpochSecond();
    if (seconds < FIRST_FAST_SECOND || seconds >= END_FAST_SECOND) {
      text(t.toString());
      return;
    }
    long day = Math.floorDiv(seconds, 86_400);
    int second = Math.floorMod(seconds, 86_400);
    if (day != cachedDay) {
      byte[] date = LocalDate.ofEpochDay(day).toString().getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(date, 0, cachedDate, 0, 10);
      cachedDay = day;
    }
    room(32);
    System.arraycopy(cachedDate, 0, buffer, used, 10);
    used += 10;
    buffer[used++] = 'T';
    two(second / 3_600);
    buffer[used++] = ':';
    two(second / 60 % 60);
    buffer[used++] = ':';
    two(second % 60);
    int nanos = t.getNano();
    if (nanos > 0) {
      buffer[used++] = '.';
      int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
      digits(nanos / POWERS_OF_TEN[9 - digits], digits);
    }
    buffer[used++] = 'Z';
  }

  private void two(int value) {
    buffer[used++] = (byte) ('0' + value / 10);
    buffer[used++] = (byte) ('0' + value % 10);
  }

  private void number(long value) throws IOException {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        text(Long.toString(value));
        return;
      }
      write('-');
      value = -value;
    }
    room(19);
    int digits = 1;
    while (digits < 19 && value >= POWERS_OF_TEN[digits]) {
      digits++;
    }
    digits(value, digits);
  }

  /** The last {@code digits} decimal digits of {@code value} (not negative), zeros in front. */
  private void digits(long value, int digits) {
    int i = used + digits;
    while (value >= 100 && i - used >= 2) {
      int pair = (int) (value % 100);
      value /= 100;
      buffer[--i] = (byte) ('0' + pair % 10);
      buffer[--i] = (byte) ('0' + pair / 10);
    }
    while (i > used) {
      buffer[--i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    used += digits;
  }

  private void escaped(String cell) throws IOException {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      text(cell);
    } else {
      text('"' + cell.replace("\"", "\"\"") + '"');
    }
  }

  private void text(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > BUFFER) {
      flush();
      out.write(bytes);
      return;
    }
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  private void write(char c) throws IOException {
    room(1);
    buffer[used++] = (byte) c;
  }

  private void room(int bytes) throws IOException {
    if (used + bytes > BUFFER) {
      flush();
    }
  }

  private void flush() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      flush();
    }
  }
}
