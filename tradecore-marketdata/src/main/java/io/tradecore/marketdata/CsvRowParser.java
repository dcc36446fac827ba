package io.tradecore.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns the rows of one file into {@link ParsedRow}s, rejecting each malformed row with a reason.
 */
final class CsvRowParser {
  static final int MAX_DECIMALS = 8;
  static final int MAX_NUMBER = 40;
  // Keeps every price below Long.MAX_VALUE units at MAX_DECIMALS.
  private static final BigDecimal MAX_PRICE = BigDecimal.TEN.pow(10);
  // Market data from before 1900 or after 2099 is a typo or a unit mix-up (seconds read as
  // micros); a runner would otherwise log every day up to it.
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** 10^MAX_DECIMALS: a price's units at {@link #MAX_DECIMALS} decimals per unit of price. */
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /**
   * One price as written in the file, kept for messages, its exact value in units of 10^-{@link
   * #MAX_DECIMALS} and its decimals (as {@link #decimals(BigDecimal)} counts them).
   */
  private record Cell(String name, String text, long units, int decimals) {}

  private final CsvLayout layout;
  private Instant previous;

  CsvRowParser(CsvLayout layout) {
    this.layout = layout;
  }

  /** The row {@code line}, which must come strictly after the last row this parser accepted. */
  ParsedRow parse(String line) throws RowProblem {
    String[] f = CsvLayout.fields(line);
    if (f.length != layout.columns()) {
      throw new RowProblem("expected " + layout.columns() + " columns but found " + f.length);
    }
    Instant time = Timestamps.parse(layout.format(), f[layout.time()]);
    if (time.isBefore(EARLIEST) || !time.isBefore(LATEST)) {
      throw new RowProblem(
          "time " + time + " is not a plausible market time (allowed: years 1900 to 2099)");
    }
    Cell open = price("open", f[layout.open()]);
    Cell high = price("high", f[layout.high()]);
    Cell low = price("low", f[layout.low()]);
    Cell close = price("close", f[layout.close()]);
    double volume = volume(f[layout.volume()]);
    requireOrder(low, high, " is below ", high);
    requireOrder(open, high, " is below ", high);
    requireOrder(close, high, " is below ", high);
    requireOrder(low, open, " is above ", low);
    requireOrder(low, close, " is above ", low);
    if (previous != null && !time.isAfter(previous)) {
      throw new RowProblem(
          time.equals(previous)
              ? "duplicate time " + time + " (same as the previous row)"
              : "time " + time + " is before the previous row's " + previous);
    }
    previous = time;
    int decimals =
        Math.max(
            Math.max(open.decimals(), high.decimals()), Math.max(low.decimals(), close.decimals()));
    return new ParsedRow(
        time, open.units(), high.units(), low.units(), close.units(), volume, decimals);
  }

  /**
   * Fails unless {@code lower <= upper}, naming {@code subject} first, e.g. "high 9 is below low
   * 10".
   */
  private static void requireOrder(Cell lower, Cell upper, String relation, Cell subject)
      throws RowProblem {
    if (lower.units() > upper.units()) {
      Cell other = subject == upper ? lower : upper;
      throw new RowProblem(
          subject.name() + " " + subject.text() + relation + other.name() + " " + other.text());
    }
  }

  private static Cell price(String name, String text) throws RowProblem {
    Cell plain = plainPrice(name, text);
    if (plain != null) {
      return plain;
    }
    BigDecimal value = number(name, text);
    if (value.signum() <= 0) {
      throw new RowProblem(name + " " + text + " is not positive");
    }
    if (decimals(value) > MAX_DECIMALS) {
      throw new RowProblem(name + " " + text + " has more than " + MAX_DECIMALS + " decimals");
    }
    if (value.compareTo(MAX_PRICE) >= 0) {
      throw new RowProblem(name + " " + text + " is too large (limit 1e10)");
    }
    return new Cell(
        name, text, value.setScale(MAX_DECIMALS).unscaledValue().longValueExact(), decimals(value));
  }

  /**
   * A price written plainly, digits with at most one point, positive and within the limits, read
   * without a BigDecimal; null for anything else, which {@link #number} then reads or rejects with
   * its reason. Gives the same units and decimals as the BigDecimal path.
   */
  private static Cell plainPrice(String name, String text) {
    int length = text.length();
    if (length == 0 || length > 18) {
      return null;
    }
    long digits = 0;
    int point = -1;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '.' && point < 0) {
        point = i;
      } else if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
      } else {
        return null;
      }
    }
    int written = point < 0 ? 0 : length - point - 1;
    if (written > MAX_DECIMALS || length == (point < 0 ? 0 : 1) || digits == 0) {
      return null; // too many decimals, a lone point or not positive: the slow path explains
    }
    if (digits >= POWERS_OF_TEN[10 + written]) {
      return null; // 1e10 or more
    }
    return new Cell(name, text, digits * POWERS_OF_TEN[MAX_DECIMALS - written], written);
  }

  /** Units at {@link #MAX_DECIMALS} decimals as units at {@code scale} (exact for a price read). */
  static long rescale(long units, int scale) {
    return units / POWERS_OF_TEN[MAX_DECIMALS - scale];
  }

  private static double volume(String text) throws RowProblem {
    if (!text.isEmpty() && text.length() <= 15 && isDigits(text)) {
      return Long.parseLong(text); // exact, as BigDecimal's doubleValue of it
    }
    BigDecimal value = number("volume", text);
    if (value.signum() < 0) {
      throw new RowProblem("volume " + text + " is negative");
    }
    double volume = value.doubleValue();
    if (Double.isInfinite(volume)) {
      throw new RowProblem("volume " + text + " is too large");
    }
    return volume;
  }

  private static BigDecimal number(String name, String text) throws RowProblem {
    if (text.isEmpty()) {
      throw new RowProblem(name + " is empty");
    }
    // Parsing a number of a million digits takes seconds; no price or volume has 40.
    if (text.length() > MAX_NUMBER) {
      throw new RowProblem(
          name + " has " + text.length() + " characters (a number has at most " + MAX_NUMBER + ")");
    }
    for (int i = 0; i < text.length(); i++) {
      // BigDecimal takes any script's digits (full-width ones, say); a file of bars has ASCII.
      if (text.charAt(i) > 127) {
        throw new RowProblem(name + " '" + text + "' is not a number (ASCII digits only)");
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("null")) {
      throw new RowProblem(name + " is null");
    }
    String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
    if (unsigned.startsWith("nan") || unsigned.startsWith("inf")) {
      throw new RowProblem(name + " " + text + " is not a finite number");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new RowProblem(name + " '" + text + "' is not a number");
    }
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Decimals as written, unless only trailing zeros take them past the limit. */
  static int decimals(BigDecimal value) {
    int written = Math.max(value.scale(), 0);
    return written <= MAX_DECIMALS ? written : Math.max(value.stripTrailingZeros().scale(), 0);
  }
}
