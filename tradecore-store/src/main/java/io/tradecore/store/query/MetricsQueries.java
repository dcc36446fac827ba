package io.tradecore.store.query;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Counts per portfolio for the Prometheus gauges, read in one statement. */
public final class MetricsQueries {

  /**
   * One portfolio's counts: fills stored, market events its runners committed (over every feed, the
   * last position + 1), telemetry errors and warnings, open plans and runs.
   */
  public record Counts(
      String portfolioId,
      String name,
      long fills,
      long eventsApplied,
      long errors,
      long warnings,
      long openPlans,
      long runs) {}

  public List<Counts> counts(Handle h) {
    return h.createQuery(
            "SELECT p.id, p.name,"
                + " (SELECT COUNT(*) FROM fills f WHERE f.portfolio_id = p.id) AS fills,"
                + " (SELECT COALESCE(SUM(fp.position + 1), 0) FROM feed_positions fp"
                + " WHERE fp.portfolio_id = p.id AND fp.position >= 0) AS events,"
                + " (SELECT COUNT(*) FROM telemetry_events t WHERE t.portfolio_id = p.id"
                + " AND t.level = 'ERROR') AS errors,"
                + " (SELECT COUNT(*) FROM telemetry_events t WHERE t.portfolio_id = p.id"
                + " AND t.level = 'WARN') AS warnings,"
                + " (SELECT COUNT(*) FROM plans pl WHERE pl.portfolio_id = p.id"
                + " AND pl.status IN ('PENDING', 'ACTIVE')) AS open_plans,"
                + " (SELECT COUNT(*) FROM runs r WHERE r.portfolio_id = p.id) AS runs"
                + " FROM portfolios p ORDER BY p.name")
        .map(
            (rs, ctx) ->
                new Counts(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getLong("fills"),
                    rs.getLong("events"),
                    rs.getLong("errors"),
                    rs.getLong("warnings"),
                    rs.getLong("open_plans"),
                    rs.getLong("runs")))
        .list();
  }
}
