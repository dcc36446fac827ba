package io.tradecore.store;

import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.plan.ExitReason;
import java.time.Instant;

/**
 * An order as the portfolio stored it: the order, whether it is a plan's entry or exit, and its
 * status.
 */
public record OrderRecord(
    Order order,
    boolean entry,
    ExitReason exitReason,
    OrderStatus status,
    RunId run,
    Instant updatedAt) {}
