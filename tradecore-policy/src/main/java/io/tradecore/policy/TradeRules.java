package io.tradecore.policy;

/**
 * When a policy's target becomes a trade: the position is changed only when the target differs from
 * the current fraction of equity by more than {@code rebalanceThreshold} (entering, flipping and
 * going flat always trade); a new position gets a stop and a target {@code stopAtr} and {@code
 * targetAtr} ATRs of {@code atrPeriod} bars from the latest close (NaN: none). Immutable and
 * thread-safe.
 */
public record TradeRules(
    double rebalanceThreshold, double stopAtr, double targetAtr, int atrPeriod) {
  public static final int DEFAULT_ATR_PERIOD = 14;

  /** Every change of the target trades; no stop, no target. */
  public static final TradeRules NONE =
      new TradeRules(0, Double.NaN, Double.NaN, DEFAULT_ATR_PERIOD);

  /** True when new positions get a stop or a target, so the ATR must be computed. */
  public boolean needsAtr() {
    return !Double.isNaN(stopAtr) || !Double.isNaN(targetAtr);
  }

  /** Bars the window must hold to compute the ATR (0 when not needed). */
  public int barsNeeded() {
    return needsAtr() ? atrPeriod + 1 : 0;
  }
}
