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

  /** One price as written in the file, kept for messages, and its exact value. */
  private record Cell(String name, String text, BigDecimal value) {}

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
    int decimals = 0;
    for (Cell cell : new Cell[] {open, high, low, close}) {
      decimals = Math.max(decimals, decimals(cell.value()));
    }
    return new ParsedRow(
        time, open.value(), high.value(), low.value(), close.value(), volume, decimals);
  }

  /**
   * Fails unless {@code lower <= upper}, naming {@code subject} first, e.g. "high 9 is below low
   * 10".
   */
  private static void requireOrder(Cell lower, Cell upper, String relation, Cell subject)
      throws RowProblem {
    if (lower.value().compareTo(upper.value()) > 0) {
      Cell other = subject == upper ? lower : upper;
      throw new RowProblem(
          subject.name() + " " + subject.text() + relation + other.name() + " " + other.text());
    }
  }

  private static Cell price(String name, String text) throws RowProblem {
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
    return new Cell(name, text, value);
  }

  private static double volume(String text) throws RowProblem {
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

  /** Decimals as written, unless only trailing zeros take them past the limit. */
  static int decimals(BigDecimal value) {
    int written = Math.max(value.scale(), 0);
    return written <= MAX_DECIMALS ? written : Math.max(value.stripTrailingZeros().scale(), 0);
  }
}
