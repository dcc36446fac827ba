package io.tradecore.store;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.plan.Sizing;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The plans table (current state) and plan_changes (every change, in order). */
public final class PlanRepository {

  /** Stores the plan's current state and appends the change to its history. */
  public void save(Handle h, PortfolioId p, Plan plan, String reason, RunId run) {
    try (JdbcBatch s =
        JdbcBatch.of(
            h,
            "INSERT INTO plans (portfolio_id, plan_id, run_id, symbol, side, sizing, entry_limit,"
                + " stop_price, target_price, trail_distance, trail_stop, time_in_force, status,"
                + " filled, exited, exit_reason, bot_version, created_ms, updated_ms) VALUES (?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (portfolio_id, plan_id) DO UPDATE SET stop_price ="
                + " excluded.stop_price, target_price = excluded.target_price, trail_distance ="
                + " excluded.trail_distance, trail_stop = excluded.trail_stop, status ="
                + " excluded.status, filled = excluded.filled, exited = excluded.exited,"
                + " exit_reason = excluded.exit_reason, updated_ms = excluded.updated_ms")) {
      s.text(p.value())
          .text(plan.id().value())
          .text(run == null ? null : run.value())
          .text(plan.instrument().symbol())
          .text(plan.side().name())
          .text(sizing(plan.sizing()))
          .integer(plan.entryLimit())
          .integer(plan.stop())
          .integer(plan.target())
          .integer(plan.trailDistance())
          .integer(plan.trailStop())
          .text(plan.timeInForce().name())
          .text(plan.status().name())
          .text(plan.filled().toString())
          .text(plan.exited().toString())
          .text(plan.exitReason() == null ? null : plan.exitReason().name())
          .text(plan.botVersion())
          .integer(plan.createdAt().toEpochMilli())
          .integer(plan.updatedAt().toEpochMilli())
          .update();
    }
    try (JdbcBatch s =
        JdbcBatch.of(
            h,
            "INSERT INTO plan_changes (portfolio_id, plan_id, seq, run_id, time_ms, status,"
                + " stop_price, target_price, trail_stop, reason) SELECT ?, ?,"
                + " COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM plan_changes WHERE"
                + " portfolio_id = ? AND plan_id = ?")) {
      s.text(p.value())
          .text(plan.id().value())
          .text(run == null ? null : run.value())
          .integer(plan.updatedAt().toEpochMilli())
          .text(plan.status().name())
          .integer(plan.stop())
          .integer(plan.target())
          .integer(plan.trailStop())
          .text(reason)
          .text(p.value())
          .text(plan.id().value())
          .update();
    }
  }

  /** PENDING and ACTIVE plans, whichever run made them. */
  public List<Plan> open(Handle h, PortfolioId p, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT * FROM plans WHERE portfolio_id = :p AND status IN ('PENDING', 'ACTIVE')"
                + " ORDER BY created_ms, plan_id")
        .bind("p", p.value())
        .map((rs, ctx) -> map(rs, instruments))
        .list();
  }

  public List<Plan> all(Handle h, PortfolioId p, Map<String, Instrument> instruments) {
    return h.createQuery("SELECT * FROM plans WHERE portfolio_id = :p ORDER BY created_ms, plan_id")
        .bind("p", p.value())
        .map((rs, ctx) -> map(rs, instruments))
        .list();
  }

  /** How many changes a plan has had (its history length). */
  public long changeCount(Handle h, PortfolioId p, PlanId id) {
    return h.createQuery(
            "SELECT COUNT(*) FROM plan_changes WHERE portfolio_id = :p AND plan_id = :id")
        .bind("p", p.value())
        .bind("id", id.value())
        .mapTo(Long.class)
        .one();
  }

  private static String sizing(Sizing s) {
    return switch (s) {
      case Sizing.Fixed f -> "fixed:" + f.quantity();
      case Sizing.CashShare c -> "cash:" + c.share().toPlainString();
    };
  }

  private static Sizing sizing(String text, Instrument i) {
    String value = text.substring(text.indexOf(':') + 1);
    return text.startsWith("fixed:")
        ? new Sizing.Fixed(Codec.quantity(i, value))
        : new Sizing.CashShare(new BigDecimal(value));
  }

  private static Plan map(ResultSet rs, Map<String, Instrument> instruments) throws SQLException {
    Instrument i = Codec.instrument(instruments, rs.getString("symbol"));
    String reason = rs.getString("exit_reason");
    return new Plan(
        new PlanId(rs.getString("plan_id")),
        i,
        Side.valueOf(rs.getString("side")),
        sizing(rs.getString("sizing"), i),
        rs.getLong("entry_limit"),
        rs.getLong("stop_price"),
        rs.getLong("target_price"),
        rs.getLong("trail_distance"),
        rs.getLong("trail_stop"),
        TimeInForce.valueOf(rs.getString("time_in_force")),
        PlanStatus.valueOf(rs.getString("status")),
        Codec.quantity(i, rs.getString("filled")),
        Codec.quantity(i, rs.getString("exited")),
        reason == null ? null : ExitReason.valueOf(reason),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        Instant.ofEpochMilli(rs.getLong("updated_ms")),
        rs.getString("bot_version"));
  }
}
