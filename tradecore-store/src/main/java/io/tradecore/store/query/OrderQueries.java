package io.tradecore.store.query;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads the orders table for the API: pages filtered by status, and counts. */
public final class OrderQueries {

  /** One order as stored; null decimals were not set. */
  public record Row(
      String clientOrderId,
      String planId,
      String runId,
      String role,
      String exitReason,
      String symbol,
      String side,
      String orderType,
      BigDecimal quantity,
      BigDecimal quoteAmount,
      BigDecimal limitPrice,
      BigDecimal stopPrice,
      String timeInForce,
      String status,
      String botVersion,
      long createdMs,
      long updatedMs) {}

  /** How many orders have the status (any status when null). */
  public long count(Handle h, PortfolioId p, String status) {
    Query q =
        h.createQuery(
            "SELECT COUNT(*) FROM orders WHERE portfolio_id = :p"
                + (status == null ? "" : " AND status = :status"));
    bind(q, p, status);
    return q.mapTo(Long.class).one();
  }

  /** One page of orders with the status (any when null), by creation time. */
  public List<Row> page(
      Handle h, PortfolioId p, String status, int limit, int offset, boolean newestFirst) {
    String direction = newestFirst ? " DESC" : " ASC";
    Query q =
        h.createQuery(
            "SELECT * FROM orders WHERE portfolio_id = :p"
                + (status == null ? "" : " AND status = :status")
                + " ORDER BY created_ms"
                + direction
                + ", client_order_id"
                + direction
                + " LIMIT :limit OFFSET :offset");
    bind(q, p, status);
    return q.bind("limit", limit).bind("offset", offset).map(OrderQueries::row).list();
  }

  private static void bind(Query q, PortfolioId p, String status) {
    q.bind("p", p.value());
    if (status != null) {
      q.bind("status", status);
    }
  }

  private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : new BigDecimal(text);
  }

  private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Row(
        rs.getString("client_order_id"),
        rs.getString("plan_id"),
        rs.getString("run_id"),
        rs.getString("role"),
        rs.getString("exit_reason"),
        rs.getString("symbol"),
        rs.getString("side"),
        rs.getString("order_type"),
        decimal(rs, "quantity"),
        decimal(rs, "quote_amount"),
        decimal(rs, "limit_price"),
        decimal(rs, "stop_price"),
        rs.getString("time_in_force"),
        rs.getString("status"),
        rs.getString("bot_version"),
        rs.getLong("created_ms"),
        rs.getLong("updated_ms"));
  }
}
