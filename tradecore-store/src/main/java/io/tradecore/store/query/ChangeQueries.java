package io.tradecore.store.query;

import io.tradecore.core.domain.PortfolioId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the live stream watches: one cheap query per portfolio tells whether fills, plans, the
 * runner's position (marks and equity) or daily logs changed since the last look.
 */
public final class ChangeQueries {

  /**
   * Where a portfolio's data stands: the last fill sequence number, the number of plan changes and
   * the latest plan update, the last market event the runner committed, the stats cache's last
   * write, and the number and latest generation of daily logs.
   */
  public record Cursor(
      long fillSeq,
      long planChanges,
      long planUpdatedMs,
      long eventMs,
      long statsMs,
      long logCount,
      long logGeneratedMs) {

    /** True when plans changed between {@code this} and {@code later}. */
    public boolean plansChangedIn(Cursor later) {
      return later.planChanges != planChanges || later.planUpdatedMs != planUpdatedMs;
    }

    /** True when the runner committed an event or rewrote its stats. */
    public boolean equityChangedIn(Cursor later) {
      return later.eventMs != eventMs || later.statsMs != statsMs || later.fillSeq != fillSeq;
    }

    /** True when a daily log was written or rewritten. */
    public boolean logsChangedIn(Cursor later) {
      return later.logCount != logCount || later.logGeneratedMs != logGeneratedMs;
    }
  }

  /** The portfolio's cursor, in one statement. */
  public Cursor cursor(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT"
                + " (SELECT COALESCE(MAX(seq), 0) FROM fills WHERE portfolio_id = :p) AS fill_seq,"
                + " (SELECT COUNT(*) FROM plan_changes WHERE portfolio_id = :p) AS plan_changes,"
                + " (SELECT COALESCE(MAX(updated_ms), 0) FROM plans WHERE portfolio_id = :p)"
                + " AS plan_ms,"
                + " (SELECT COALESCE(MAX(last_time_ms), 0) FROM feed_positions"
                + " WHERE portfolio_id = :p) AS event_ms,"
                + " (SELECT COALESCE(MAX(updated_ms), 0) FROM portfolio_stats"
                + " WHERE portfolio_id = :p) AS stats_ms,"
                + " (SELECT COUNT(*) FROM daily_logs WHERE portfolio_id = :p) AS log_count,"
                + " (SELECT COALESCE(MAX(generated_ms), 0) FROM daily_logs WHERE portfolio_id = :p)"
                + " AS log_ms")
        .bind("p", p.value())
        .map(
            (rs, ctx) ->
                new Cursor(
                    rs.getLong("fill_seq"),
                    rs.getLong("plan_changes"),
                    rs.getLong("plan_ms"),
                    rs.getLong("event_ms"),
                    rs.getLong("stats_ms"),
                    rs.getLong("log_count"),
                    rs.getLong("log_ms")))
        .one();
  }

  /** The days whose log was generated after {@code generatedMs}, oldest day first. */
  public List<String> logDaysGeneratedAfter(Handle h, PortfolioId p, long generatedMs) {
    return h.createQuery(
            "SELECT day FROM daily_logs WHERE portfolio_id = :p AND generated_ms > :ms"
                + " ORDER BY day")
        .bind("p", p.value())
        .bind("ms", generatedMs)
        .mapTo(String.class)
        .list();
  }

  /** Every day that has a log, oldest first. */
  public List<String> logDays(Handle h, PortfolioId p) {
    return h.createQuery("SELECT day FROM daily_logs WHERE portfolio_id = :p ORDER BY day")
        .bind("p", p.value())
        .mapTo(String.class)
        .list();
  }
}
