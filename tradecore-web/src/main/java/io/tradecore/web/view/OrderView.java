package io.tradecore.web.view;

import io.tradecore.store.query.OrderQueries;
import java.math.BigDecimal;

/** An order as stored: a plan's ENTRY or EXIT, its terms, its status and the run that sent it. */
public record OrderView(
    String clientOrderId,
    String planId,
    String role,
    String exitReason,
    String symbol,
    String side,
    String type,
    BigDecimal quantity,
    BigDecimal quoteAmount,
    BigDecimal limitPrice,
    BigDecimal stopPrice,
    String timeInForce,
    String status,
    String botVersion,
    String runId,
    String created,
    String updated) {

  public static OrderView of(OrderQueries.Row r) {
    return new OrderView(
        r.clientOrderId(),
        r.planId(),
        r.role(),
        r.exitReason(),
        r.symbol(),
        r.side(),
        r.orderType(),
        r.quantity(),
        r.quoteAmount(),
        r.limitPrice(),
        r.stopPrice(),
        r.timeInForce(),
        r.status(),
        r.botVersion(),
        r.runId(),
        Times.iso(r.createdMs()),
        Times.iso(r.updatedMs()));
  }
}
