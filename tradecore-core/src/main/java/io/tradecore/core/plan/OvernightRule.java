package io.tradecore.core.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a portfolio protects open plans over the break between sessions: their stops and targets are
 * widened by a percent of the level or by a multiple of the instrument's ATR while the next
 * session's first bar is checked, then put back. Immutable and thread-safe.
 *
 * @param widen percent of the level for {@link Mode#PERCENT}, ATR multiple for {@link Mode#ATR}
 * @param atrPeriod the bars in the ATR of {@link Mode#ATR}
 */
public record OvernightRule(Mode mode, BigDecimal widen, int atrPeriod) {
  /** Stops and targets stay where they are. */
  public static final OvernightRule NONE = new OvernightRule(Mode.NONE, BigDecimal.ZERO, 14);

  /** How far levels widen. */
  public enum Mode {
    NONE,
    PERCENT,
    ATR
  }

  public OvernightRule {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(widen, "widen");
    if (widen.signum() < 0) {
      throw new IllegalArgumentException(
          "overnight widening must be 0 or more but was " + widen.toPlainString());
    }
    if (atrPeriod < 1) {
      throw new IllegalArgumentException("ATR period must be at least 1 but was " + atrPeriod);
    }
  }

  public boolean enabled() {
    return mode != Mode.NONE && widen.signum() > 0;
  }

  /**
   * How far a level moves, in price units: {@code widen} percent of it, or {@code widen} times
   * {@code atr} (the instrument's ATR in price units, 0 when not known yet).
   */
  public long distance(long level, double atr) {
    if (mode == Mode.PERCENT) {
      return BigDecimal.valueOf(level)
          .multiply(widen)
          .movePointLeft(2)
          .setScale(0, RoundingMode.HALF_UP)
          .longValue();
    }
    return Math.round(atr * widen.doubleValue());
  }
}
