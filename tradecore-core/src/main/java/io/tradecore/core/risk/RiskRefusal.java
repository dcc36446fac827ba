package io.tradecore.core.risk;

import java.math.BigDecimal;

/**
 * Why an order was refused: the cap, its limit, and the value the order would have led to.
 * Immutable and thread-safe.
 */
public record RiskRefusal(RiskCap cap, BigDecimal limit, BigDecimal wouldBe, String message) {}
