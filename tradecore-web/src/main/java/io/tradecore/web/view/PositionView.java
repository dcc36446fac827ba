package io.tradecore.web.view;

import io.tradecore.core.ledger.Position;
import java.math.BigDecimal;

/**
 * An open position: signed quantity (negative when short), cost basis, average cost, the latest
 * mark and what the position is worth and has gained there (null without a mark).
 */
public record PositionView(
    String symbol,
    BigDecimal quantity,
    BigDecimal averageCost,
    BigDecimal costBasis,
    BigDecimal mark,
    BigDecimal marketValue,
    BigDecimal unrealizedPnl) {

  public static PositionView of(Position p, BigDecimal mark) {
    return new PositionView(
        p.instrument().symbol(),
        p.quantity(),
        p.averageCost(),
        p.costBasis(),
        mark,
        mark == null ? null : p.marketValue(mark),
        mark == null ? null : p.unrealizedPnl(mark));
  }
}
