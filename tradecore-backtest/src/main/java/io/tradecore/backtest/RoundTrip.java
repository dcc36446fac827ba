package io.tradecore.backtest;

import io.tradecore.core.domain.Side;
import io.tradecore.core.plan.ExitReason;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One closed plan: when and at what average prices it entered and exited, the quantity, the fees of
 * all its fills and its exact pnl (exit notional - entry notional - fees for a long plan, the
 * mirror for a short one). Immutable.
 *
 * @param entryPrice the quantity-weighted average price of the entry fills
 * @param exitPrice the quantity-weighted average price of the exit fills
 */
public record RoundTrip(
    String planId,
    String symbol,
    Side side,
    Instant entryTime,
    BigDecimal entryPrice,
    Instant exitTime,
    BigDecimal exitPrice,
    BigDecimal quantity,
    BigDecimal pnl,
    BigDecimal fees,
    ExitReason exitReason) {}
