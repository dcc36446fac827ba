package io.tradecore.runner.config;

import io.tradecore.core.plan.OvernightRule;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The overnight policy of a portfolio: the mode, how far to widen (percent of price for {@code
 * PERCENT}, ATR multiple for {@code ATR}) and the ATR period; immutable.
 */
public record OvernightSettings(OvernightMode mode, BigDecimal widen, int atrPeriod) {
  public static final OvernightSettings NONE =
      new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14);

  /** Validates that the widening is not negative and the ATR period is positive. */
  public OvernightSettings {
    Objects.requireNonNull(mode, "mode");
    Values.checkDecimal(Objects.requireNonNull(widen, "widen"), false);
    Values.checkRange(atrPeriod, 1, Integer.MAX_VALUE);
  }

  /** The engine's rule for these settings. */
  public OvernightRule toRule() {
    return new OvernightRule(OvernightRule.Mode.valueOf(mode.name()), widen, atrPeriod);
  }
}
