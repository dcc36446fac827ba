package io.tradecore.core.engine;

import io.tradecore.core.domain.Order;
import io.tradecore.core.plan.ExitReason;

/** An order the engine has at the exchange, and what it is for. */
record WorkingOrder(Order order, boolean entry, ExitReason exitReason) {}
