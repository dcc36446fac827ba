package io.tradecore.backtest;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Side;
import io.tradecore.core.plan.ExitReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The fills of one plan, summed exactly, from which its round trip or open position is built. */
final class PlanFills {
  private final String planId;
  private final String symbol;
  private final Side side;
  private final int priceScale;
  private BigDecimal entryQuantity = BigDecimal.ZERO;
  private BigDecimal entryNotional = BigDecimal.ZERO;
  private BigDecimal exitQuantity = BigDecimal.ZERO;
  private BigDecimal exitNotional = BigDecimal.ZERO;
  private BigDecimal fees = BigDecimal.ZERO;
  private Instant entryTime;
  private Instant exitTime;

  PlanFills(String planId, String symbol, Side side, int priceScale) {
    this.planId = planId;
    this.symbol = symbol;
    this.side = side;
    this.priceScale = priceScale;
  }

  void add(Fill fill) {
    fees = fees.add(fill.fee());
    if (fill.side() == side) {
      entryQuantity = entryQuantity.add(fill.quantity().toBigDecimal());
      entryNotional = entryNotional.add(fill.notional());
      if (entryTime == null) {
        entryTime = fill.time();
      }
    } else {
      exitQuantity = exitQuantity.add(fill.quantity().toBigDecimal());
      exitNotional = exitNotional.add(fill.notional());
      exitTime = fill.time();
    }
  }

  String symbol() {
    return symbol;
  }

  boolean holds() {
    return entryQuantity.compareTo(exitQuantity) > 0;
  }

  RoundTrip roundTrip(ExitReason reason) {
    return new RoundTrip(
        planId,
        symbol,
        side,
        entryTime,
        average(entryNotional, entryQuantity),
        exitTime,
        average(exitNotional, exitQuantity),
        entryQuantity,
        pnl(exitNotional),
        fees,
        reason);
  }

  OpenPosition openPosition(BigDecimal mark) {
    BigDecimal open = entryQuantity.subtract(exitQuantity);
    return new OpenPosition(
        planId,
        symbol,
        side,
        entryTime,
        average(entryNotional, entryQuantity),
        open,
        mark,
        pnl(exitNotional.add(open.multiply(mark))),
        fees);
  }

  /** Exit value minus entry value minus fees, mirrored for a short plan. */
  private BigDecimal pnl(BigDecimal exitValue) {
    BigDecimal gross = exitValue.subtract(entryNotional);
    return (side == Side.BUY ? gross : gross.negate()).subtract(fees);
  }

  /**
   * The average price, exact when the division terminates within six decimals beyond the price
   * scale and rounded half-even there otherwise, never shown with fewer decimals than a price.
   */
  private BigDecimal average(BigDecimal notional, BigDecimal quantity) {
    if (quantity.signum() == 0) {
      return BigDecimal.ZERO.setScale(priceScale);
    }
    BigDecimal avg =
        notional.divide(quantity, priceScale + 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return avg.scale() < priceScale ? avg.setScale(priceScale) : avg;
  }
}
