package io.tradecore.backtest;

import io.tradecore.core.domain.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A plan still holding a position when the data ended, marked to the last close. {@code
 * unrealizedPnl} is what the plan would have made if closed at the mark, net of the fees it has
 * paid, so the starting cash plus every trade's pnl plus every open position's unrealized pnl is
 * the final equity exactly. Immutable.
 *
 * @param entryPrice the quantity-weighted average price of the entry fills
 * @param quantity the quantity still open
 */
public record OpenPosition(
    String planId,
    String symbol,
    Side side,
    Instant entryTime,
    BigDecimal entryPrice,
    BigDecimal quantity,
    BigDecimal mark,
    BigDecimal unrealizedPnl,
    BigDecimal fees) {}
