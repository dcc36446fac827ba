package io.tradecore.store.query;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads the plans table (with the run that made each plan) and its change history. */
public final class PlanQueries {

  /** One plan as stored; prices in units of the instrument's price scale, 0 meaning not set. */
  public record Row(
      String planId,
      String runId,
      String symbol,
      String side,
      String sizing,
      long entryLimit,
      long stop,
      long target,
      long trailDistance,
      long trailStop,
      String timeInForce,
      String status,
      BigDecimal filled,
      BigDecimal exited,
      String exitReason,
      String botVersion,
      long createdMs,
      long updatedMs) {}

  /** Plans whose status is one of {@code statuses}, by creation time. */
  public List<Row> withStatus(Handle h, PortfolioId p, Collection<String> statuses) {
    return h.createQuery(
            "SELECT * FROM plans WHERE portfolio_id = :p AND status IN (<statuses>)"
                + " ORDER BY created_ms, plan_id")
        .bind("p", p.value())
        .bindList("statuses", List.copyOf(statuses))
        .map(PlanQueries::row)
        .list();
  }

  /** The plans with these ids. */
  public List<Row> byIds(Handle h, PortfolioId p, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery(
            "SELECT * FROM plans WHERE portfolio_id = :p AND plan_id IN (<ids>)"
                + " ORDER BY created_ms, plan_id")
        .bind("p", p.value())
        .bindList("ids", List.copyOf(ids))
        .map(PlanQueries::row)
        .list();
  }

  /** The number of the latest change of every plan (its history length). */
  public Map<String, Long> latestChanges(Handle h, PortfolioId p) {
    Map<String, Long> out = new HashMap<>();
    h.createQuery(
            "SELECT plan_id, MAX(seq) AS seq FROM plan_changes WHERE portfolio_id = :p"
                + " GROUP BY plan_id")
        .bind("p", p.value())
        .map((rs, ctx) -> Map.entry(rs.getString("plan_id"), rs.getLong("seq")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Row(
        rs.getString("plan_id"),
        rs.getString("run_id"),
        rs.getString("symbol"),
        rs.getString("side"),
        rs.getString("sizing"),
        rs.getLong("entry_limit"),
        rs.getLong("stop_price"),
        rs.getLong("target_price"),
        rs.getLong("trail_distance"),
        rs.getLong("trail_stop"),
        rs.getString("time_in_force"),
        rs.getString("status"),
        new BigDecimal(rs.getString("filled")),
        new BigDecimal(rs.getString("exited")),
        rs.getString("exit_reason"),
        rs.getString("bot_version"),
        rs.getLong("created_ms"),
        rs.getLong("updated_ms"));
  }
}
