package io.tradecore.web.view;

import io.tradecore.runner.days.TradingDays;
import io.tradecore.store.query.FillQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A fill: its sequence number in the ledger, ids, side, quantity, price, value (quantity x price),
 * fee, time and trading day (in the portfolio's zone; a date-only time keeps its own date), the
 * bot_version and run, and where it came from (engine, resync, import).
 */
public record FillView(
    long seq,
    String tradeId,
    String clientOrderId,
    String planId,
    String symbol,
    String side,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal value,
    BigDecimal fee,
    String time,
    String day,
    String botVersion,
    String runId,
    String source) {

  public static FillView of(FillQueries.Row r, ZoneId zone) {
    return new FillView(
        r.seq(),
        r.tradeId(),
        r.clientOrderId(),
        r.planId(),
        r.symbol(),
        r.side(),
        r.quantity(),
        r.price(),
        r.quantity().multiply(r.price()),
        r.fee(),
        Times.iso(r.timeMs()),
        TradingDays.dayOf(Instant.ofEpochMilli(r.timeMs()), zone).toString(),
        r.botVersion(),
        r.runId(),
        r.source());
  }
}
