package io.tradecore.alpaca;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution as a FILL account activity ({@code GET /v2/account/activities/FILL}); its {@code
 * id} is the paging cursor, and {@code (orderId, cumQty)} names the execution across the REST and
 * stream views.
 */
public record FillActivity(
    String id,
    String activityType,
    Instant transactionTime,
    String type,
    BigDecimal price,
    BigDecimal qty,
    OrderSide side,
    String symbol,
    BigDecimal leavesQty,
    String orderId,
    BigDecimal cumQty,
    OrderStatus orderStatus) {}
