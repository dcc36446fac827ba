package io.tradecore.backtest;

import io.tradecore.core.domain.Side;
import io.tradecore.core.risk.RiskCap;
import java.time.Instant;

/** An order that risk refused during a backtest, with the cap it would have broken. Immutable. */
public record Refusal(
    Instant time, String orderId, String symbol, Side side, RiskCap cap, String message) {}
