package io.tradecore.core.plan;

import io.tradecore.core.domain.OrderType;

/**
 * An exit the monitor found on a bar: the reason, and the STOP or LIMIT order that carries it out
 * at {@code level}; the exchange fills it at the level, or at the open if the bar gapped beyond it.
 */
public record ExitSignal(ExitReason reason, OrderType orderType, long level) {}
