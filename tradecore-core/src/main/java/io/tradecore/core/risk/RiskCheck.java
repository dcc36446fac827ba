package io.tradecore.core.risk;

import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Position;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks an order that opens or adds to a position against the portfolio's caps, valued at a
 * reference price. Orders that only reduce a position are never refused: getting out must always be
 * possible. Stateless and thread-safe.
 */
public final class RiskCheck {
  private final RiskLimits limits;

  public RiskCheck(RiskLimits limits) {
    this.limits = limits;
  }

  public RiskLimits limits() {
    return limits;
  }

  /**
   * @param orderValue the order's value at the reference price (quantity times price, or the quote
   *     amount for an order sized by cash)
   * @param position the current position in the instrument, or null when flat
   * @param mark the instrument's current price
   */
  public Optional<RiskRefusal> check(
      String symbol,
      Side side,
      BigDecimal orderValue,
      Position position,
      BigDecimal mark,
      LedgerSummary portfolio) {
    return check(symbol, side, orderValue, position, mark, () -> portfolio);
  }

  /**
   * As {@link #check(String, Side, BigDecimal, Position, BigDecimal, LedgerSummary)}, the
   * portfolio's summary worked out only when a cap needs it (gross exposure, open positions).
   */
  public Optional<RiskRefusal> check(
      String symbol,
      Side side,
      BigDecimal orderValue,
      Position position,
      BigDecimal mark,
      Supplier<LedgerSummary> summary) {
    BigDecimal held = position == null ? BigDecimal.ZERO : position.quantity();
    BigDecimal currentValue = held.multiply(mark);
    BigDecimal signedOrder = side == Side.BUY ? orderValue : orderValue.negate();
    BigDecimal newValue = currentValue.add(signedOrder);
    boolean reducesOnly =
        held.signum() != 0
            && held.signum() != side.sign()
            && newValue.abs().compareTo(currentValue.abs()) <= 0;
    if (reducesOnly) {
      return Optional.empty();
    }
    if (limits.maxOrderValue() != null && orderValue.compareTo(limits.maxOrderValue()) > 0) {
      return refuse(RiskCap.MAX_ORDER_VALUE, limits.maxOrderValue(), orderValue, symbol);
    }
    if (limits.maxPositionValue() != null
        && newValue.abs().compareTo(limits.maxPositionValue()) > 0) {
      return refuse(RiskCap.MAX_POSITION_VALUE, limits.maxPositionValue(), newValue.abs(), symbol);
    }
    if (limits.maxGrossExposure() != null) {
      BigDecimal gross =
          summary.get().grossExposure().subtract(currentValue.abs()).add(newValue.abs());
      if (gross.compareTo(limits.maxGrossExposure()) > 0) {
        return refuse(RiskCap.MAX_GROSS_EXPOSURE, limits.maxGrossExposure(), gross, symbol);
      }
    }
    if (limits.maxOpenPositions() != null && held.signum() == 0) {
      int after = summary.get().openPositions() + 1;
      if (after > limits.maxOpenPositions()) {
        return refuse(
            RiskCap.MAX_OPEN_POSITIONS,
            BigDecimal.valueOf(limits.maxOpenPositions()),
            BigDecimal.valueOf(after),
            symbol);
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses an entry worth {@code value} when it is more than the cash {@code available} (cash less
   * what working entries may still commit and twice the value of the open shorts): a buy spends its
   * value and a short sale holds as much as margin, so a portfolio never goes below zero cash.
   */
  public static Optional<RiskRefusal> cash(String symbol, BigDecimal value, BigDecimal available) {
    if (value.compareTo(available) <= 0) {
      return Optional.empty();
    }
    return refuse(RiskCap.AVAILABLE_CASH, available.max(BigDecimal.ZERO), value, symbol);
  }

  /** The refusal of an order whose quantity rounds down to no whole lot. */
  public static RiskRefusal belowLot(String symbol, Quantity lot, Quantity asked) {
    return new RiskRefusal(
        RiskCap.LOT_SIZE,
        lot.toBigDecimal(),
        asked.toBigDecimal(),
        symbol + ": quantity " + asked + " is less than one lot of " + lot);
  }

  /**
   * The refusal of an order whose quantity rounds down to no whole share (in whole lots) on a venue
   * that takes no fractions.
   */
  public static RiskRefusal belowWholeShares(String symbol, Quantity step, Quantity asked) {
    return new RiskRefusal(
        RiskCap.WHOLE_SHARES,
        step.toBigDecimal(),
        asked.toBigDecimal(),
        symbol
            + ": quantity "
            + asked
            + " is less than "
            + step
            + ", the smallest whole-share quantity in lots (the venue takes no fractions)");
  }

  /** The refusal of an entry sized by cash when there is no cash to spend. */
  public static RiskRefusal noCash(String symbol, BigDecimal cash) {
    return refuse(RiskCap.AVAILABLE_CASH, BigDecimal.ZERO, cash, symbol).orElseThrow();
  }

  private static Optional<RiskRefusal> refuse(
      RiskCap cap, BigDecimal limit, BigDecimal wouldBe, String symbol) {
    String message =
        symbol
            + ": "
            + cap.name().toLowerCase(Locale.ROOT)
            + " "
            + limit.toPlainString()
            + " would be exceeded ("
            + wouldBe.stripTrailingZeros().toPlainString()
            + ")";
    return Optional.of(new RiskRefusal(cap, limit, wouldBe, message));
  }
}
