package io.tradecore.core.exchange;

import io.tradecore.core.domain.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a simulated exchange knows of a working order: what is left of it, whether its stop has
 * triggered, the last bar it was matched against and the day it first traded on. Saved and restored
 * by a durable paper exchange. Immutable.
 *
 * @param remaining quantity units left, for an order sized by quantity
 * @param remainingQuote cash left to spend, for an order sized by cash
 */
public record WorkingState(
    Order order,
    long remaining,
    BigDecimal remainingQuote,
    boolean triggered,
    Instant lastMatched,
    LocalDate firstDay) {}
