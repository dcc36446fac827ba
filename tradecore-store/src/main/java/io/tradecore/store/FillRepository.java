package io.tradecore.store;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The fills table, the ledger's source of truth. The database enforces one row per (portfolio,
 * exchange trade id), so a fill seen twice is stored once; {@code seq} keeps the order fills were
 * applied in.
 */
public final class FillRepository {

  /**
   * Stores the fill unless its trade id is already stored for the portfolio.
   *
   * @return true if it was new
   */
  public boolean insertIfAbsent(Handle h, PortfolioId p, Fill f, RunId run, String source) {
    // Numbered as stored: the next number, read in the statement that inserts it.
    try (JdbcBatch s =
        JdbcBatch.of(
            h,
            "INSERT INTO fills (portfolio_id, trade_id, seq, client_order_id, plan_id, run_id,"
                + " symbol, side, quantity, price, fee, time_ms, bot_version, source)"
                + " SELECT ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM"
                + " fills WHERE portfolio_id = ? ON CONFLICT (portfolio_id, trade_id) DO NOTHING")) {
      return s.text(p.value())
              .text(f.tradeId().value())
              .text(f.orderId().value())
              .text(f.planId() == null ? null : f.planId().value())
              .text(run == null ? null : run.value())
              .text(f.instrument().symbol())
              .text(f.side().name())
              .text(f.quantity().toString())
              .text(f.price().toString())
              .text(f.fee().toPlainString())
              .integer(f.time().toEpochMilli())
              .text(f.botVersion())
              .text(source)
              .text(p.value())
              .update()
          == 1;
    }
  }

  public boolean contains(Handle h, PortfolioId p, TradeId trade) {
    return h.createQuery("SELECT COUNT(*) FROM fills WHERE portfolio_id = :p AND trade_id = :t")
            .bind("p", p.value())
            .bind("t", trade.value())
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Every fill of the portfolio, in the order it was applied. */
  public List<Fill> all(Handle h, PortfolioId p, Map<String, Instrument> instruments) {
    List<Fill> out = new java.util.ArrayList<>();
    forEach(h, p, instruments, out::add);
    return out;
  }

  /**
   * Hands every fill of the portfolio to {@code sink}, in the order it was applied, reading them a
   * page at a time (none is kept).
   */
  public void forEach(
      Handle h, PortfolioId p, Map<String, Instrument> instruments, Consumer<Fill> sink) {
    h.createQuery(
            "SELECT trade_id, client_order_id, plan_id, symbol, side, quantity, price, fee,"
                + " time_ms, bot_version FROM fills WHERE portfolio_id = :p ORDER BY seq")
        .bind("p", p.value())
        .setFetchSize(1000)
        .map(
            (rs, ctx) -> {
              Instrument i = Codec.instrument(instruments, rs.getString("symbol"));
              String plan = rs.getString("plan_id");
              return new Fill(
                  new TradeId(rs.getString("trade_id")),
                  new ClientOrderId(rs.getString("client_order_id")),
                  plan == null ? null : new PlanId(plan),
                  i,
                  Side.valueOf(rs.getString("side")),
                  Codec.quantity(i, rs.getString("quantity")),
                  Codec.price(i, rs.getString("price")),
                  new BigDecimal(rs.getString("fee")),
                  Instant.ofEpochMilli(rs.getLong("time_ms")),
                  rs.getString("bot_version"));
            })
        .useStream(fills -> fills.forEach(sink));
  }

  public long count(Handle h, PortfolioId p) {
    return h.createQuery("SELECT COUNT(*) FROM fills WHERE portfolio_id = :p")
        .bind("p", p.value())
        .mapTo(Long.class)
        .one();
  }

  /** When a fill happened and the fee it paid. */
  public record Charge(Instant time, BigDecimal fee) {}

  /** The time and fee of each fill whose time falls in [from, to), oldest first. */
  public List<Charge> chargesBetween(Handle h, PortfolioId p, Instant from, Instant to) {
    return h.createQuery(
            "SELECT time_ms, fee FROM fills WHERE portfolio_id = :p AND time_ms >= :f AND time_ms"
                + " < :t ORDER BY time_ms")
        .bind("p", p.value())
        .bind("f", from.toEpochMilli())
        .bind("t", to.toEpochMilli())
        .map(
            (rs, ctx) ->
                new Charge(
                    Instant.ofEpochMilli(rs.getLong("time_ms")),
                    new BigDecimal(rs.getString("fee"))))
        .list();
  }

  /** Fills whose time falls in [from, to). */
  public long countBetween(Handle h, PortfolioId p, Instant from, Instant to) {
    return h.createQuery(
            "SELECT COUNT(*) FROM fills WHERE portfolio_id = :p AND time_ms >= :f AND time_ms < :t")
        .bind("p", p.value())
        .bind("f", from.toEpochMilli())
        .bind("t", to.toEpochMilli())
        .mapTo(Long.class)
        .one();
  }
}
