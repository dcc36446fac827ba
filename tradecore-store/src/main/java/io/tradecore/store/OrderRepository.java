package io.tradecore.store;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.plan.ExitReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The orders table; the client order id is unique per portfolio, enforced by the database. */
public final class OrderRepository {

  /** Inserts the order, or updates its status if its client order id is already stored. */
  public void upsert(Handle h, PortfolioId p, OrderRecord r) {
    Order o = r.order();
    try (JdbcBatch s =
        JdbcBatch.of(
            h,
            "INSERT INTO orders (portfolio_id, client_order_id, plan_id, run_id, role, exit_reason,"
                + " symbol, side, order_type, quantity, quote_amount, limit_price, stop_price,"
                + " time_in_force, status, bot_version, created_ms, updated_ms) VALUES (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (portfolio_id, client_order_id) DO UPDATE SET"
                + " status = excluded.status, updated_ms = excluded.updated_ms")) {
      s.text(p.value())
          .text(o.id().value())
          .text(o.planId() == null ? null : o.planId().value())
          .text(r.run() == null ? null : r.run().value())
          .text(r.entry() ? "ENTRY" : "EXIT")
          .text(r.exitReason() == null ? null : r.exitReason().name())
          .text(o.instrument().symbol())
          .text(o.side().name())
          .text(o.type().name())
          .text(o.quantity() == null ? null : o.quantity().toString())
          .text(o.quoteAmount() == null ? null : o.quoteAmount().toPlainString())
          .text(o.limitPrice() == null ? null : o.limitPrice().toString())
          .text(o.stopPrice() == null ? null : o.stopPrice().toString())
          .text(o.timeInForce().name())
          .text(r.status().name())
          .text(o.botVersion())
          .integer(o.createdAt().toEpochMilli())
          .integer(r.updatedAt().toEpochMilli())
          .update();
    }
  }

  public List<OrderRecord> withStatus(
      Handle h, PortfolioId p, OrderStatus status, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT * FROM orders WHERE portfolio_id = :p AND status = :status"
                + " ORDER BY created_ms, client_order_id")
        .bind("p", p.value())
        .bind("status", status.name())
        .map((rs, ctx) -> map(rs, instruments))
        .list();
  }

  /**
   * How many exit orders (refused ones aside) each of {@code plans} has sent, by plan id; a plan
   * that sent none is absent.
   */
  public Map<String, Integer> exitsSent(Handle h, PortfolioId p, List<String> plans) {
    Map<String, Integer> out = new java.util.HashMap<>();
    if (plans.isEmpty()) {
      return out;
    }
    h.createQuery(
            "SELECT plan_id, COUNT(*) AS n FROM orders WHERE portfolio_id = :p AND plan_id IN"
                + " (<plans>) AND role = 'EXIT' AND status <> 'REFUSED' GROUP BY plan_id")
        .bind("p", p.value())
        .bindList("plans", plans)
        .map((rs, ctx) -> Map.entry(rs.getString("plan_id"), rs.getInt("n")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public List<OrderRecord> all(Handle h, PortfolioId p, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT * FROM orders WHERE portfolio_id = :p ORDER BY created_ms, client_order_id")
        .bind("p", p.value())
        .map((rs, ctx) -> map(rs, instruments))
        .list();
  }

  private static OrderRecord map(java.sql.ResultSet rs, Map<String, Instrument> instruments)
      throws java.sql.SQLException {
    Instrument i = Codec.instrument(instruments, rs.getString("symbol"));
    String plan = rs.getString("plan_id");
    String qty = rs.getString("quantity");
    String quote = rs.getString("quote_amount");
    String limit = rs.getString("limit_price");
    String stop = rs.getString("stop_price");
    String reason = rs.getString("exit_reason");
    String run = rs.getString("run_id");
    Order o =
        new Order(
            new ClientOrderId(rs.getString("client_order_id")),
            plan == null ? null : new PlanId(plan),
            i,
            Side.valueOf(rs.getString("side")),
            OrderType.valueOf(rs.getString("order_type")),
            qty == null ? null : Codec.quantity(i, qty),
            quote == null ? null : new BigDecimal(quote),
            limit == null ? null : Codec.price(i, limit),
            stop == null ? null : Codec.price(i, stop),
            TimeInForce.valueOf(rs.getString("time_in_force")),
            Instant.ofEpochMilli(rs.getLong("created_ms")),
            rs.getString("bot_version"));
    return new OrderRecord(
        o,
        "ENTRY".equals(rs.getString("role")),
        reason == null ? null : ExitReason.valueOf(reason),
        OrderStatus.parse(rs.getString("status")),
        run == null ? null : new RunId(run),
        Instant.ofEpochMilli(rs.getLong("updated_ms")));
  }
}
