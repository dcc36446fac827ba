package io.tradecore.alpaca;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar size as the market-data API names it: {@code 1-59Min}, {@code 1-23Hour}, {@code 1Day},
 * {@code 1Week} or {@code 1/2/3/4/6/12Month}. Immutable; {@code toString} round-trips through
 * {@link #parse}.
 */
public record BarTimeframe(int amount, Unit unit) {
  /** The unit of a timeframe. */
  public enum Unit {
    MIN,
    HOUR,
    DAY,
    WEEK,
    MONTH
  }

  private static final Pattern FORMAT =
      Pattern.compile("(\\d{1,2})(Min|T|Hour|H|Day|D|Week|W|Month|M)");

  /** One-minute bars, the stream's size. */
  public static final BarTimeframe MINUTE = new BarTimeframe(1, Unit.MIN);

  /** Daily bars. */
  public static final BarTimeframe DAY = new BarTimeframe(1, Unit.DAY);

  public BarTimeframe {
    boolean valid =
        switch (unit) {
          case MIN -> amount >= 1 && amount <= 59;
          case HOUR -> amount >= 1 && amount <= 23;
          case DAY, WEEK -> amount == 1;
          case MONTH ->
              amount == 1
                  || amount == 2
                  || amount == 3
                  || amount == 4
                  || amount == 6
                  || amount == 12;
        };
    if (!valid) {
      throw new IllegalArgumentException(
          "timeframe " + amount + " " + unit + " is not one Alpaca offers");
    }
  }

  /** Parses {@code 1Min}, {@code 15Min}, {@code 1Hour}, {@code 1Day}, ... */
  public static BarTimeframe parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "timeframe '" + text + "' is not one of 1-59Min, 1-23Hour, 1Day, 1Week, 1-12Month");
    }
    Unit unit =
        switch (m.group(2)) {
          case "Min", "T" -> Unit.MIN;
          case "Hour", "H" -> Unit.HOUR;
          case "Day", "D" -> Unit.DAY;
          case "Week", "W" -> Unit.WEEK;
          default -> Unit.MONTH;
        };
    return new BarTimeframe(Integer.parseInt(m.group(1)), unit);
  }

  /** True for bars of a day or longer, which stand for whole sessions. */
  public boolean isDailyOrLonger() {
    return unit == Unit.DAY || unit == Unit.WEEK || unit == Unit.MONTH;
  }

  @Override
  public String toString() {
    return amount
        + switch (unit) {
          case MIN -> "Min";
          case HOUR -> "Hour";
          case DAY -> "Day";
          case WEEK -> "Week";
          case MONTH -> "Month";
        };
  }
}
