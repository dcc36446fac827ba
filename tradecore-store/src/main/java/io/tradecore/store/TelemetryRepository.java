package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Telemetry events (warnings, errors, notable events) tagged with portfolio, run and day. */
public final class TelemetryRepository {

  /** One stored event. */
  public record Event(
      PortfolioId portfolio,
      RunId run,
      Instant time,
      String day,
      String level,
      String kind,
      String message) {

    /** This event, of {@code other}'s run. */
    public Event withRun(RunId other) {
      return new Event(portfolio, other, time, day, level, kind, message);
    }
  }

  public void insert(Handle h, Event e) {
    try (JdbcBatch s =
        JdbcBatch.of(
            h,
            "INSERT INTO telemetry_events (id, portfolio_id, run_id, time_ms, day, level, kind,"
                + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.text(UUID.randomUUID().toString())
          .text(e.portfolio() == null ? null : e.portfolio().value())
          .text(e.run() == null ? null : e.run().value())
          .integer(e.time().toEpochMilli())
          .text(e.day())
          .text(e.level())
          .text(e.kind())
          .text(e.message().length() > 2000 ? e.message().substring(0, 2000) : e.message())
          .update();
    }
  }

  /** Count of events by level (WARN, ERROR, INFO) on a portfolio's day. */
  public Map<String, Long> countByLevel(Handle h, PortfolioId p, String day) {
    Map<String, Long> out = new TreeMap<>();
    h.createQuery(
            "SELECT level, COUNT(*) AS n FROM telemetry_events WHERE portfolio_id = :p AND day ="
                + " :day GROUP BY level")
        .bind("p", p.value())
        .bind("day", day)
        .map((rs, ctx) -> Map.entry(rs.getString("level"), rs.getLong("n")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** How many events of a level and kind a portfolio's day has. */
  public record Count(String day, String level, String kind, long count) {}

  /** The events of each day from {@code from} to {@code to} (both included), counted. */
  public List<Count> counts(Handle h, PortfolioId p, String from, String to) {
    return h.createQuery(
            "SELECT day, level, kind, COUNT(*) AS n FROM telemetry_events WHERE portfolio_id = :p"
                + " AND day >= :from AND day <= :to GROUP BY day, level, kind")
        .bind("p", p.value())
        .bind("from", from)
        .bind("to", to)
        .map(
            (rs, ctx) ->
                new Count(
                    rs.getString("day"),
                    rs.getString("level"),
                    rs.getString("kind"),
                    rs.getLong("n")))
        .list();
  }

  /** How many events of a kind (e.g. "signal") a portfolio's day has. */
  public long countKind(Handle h, PortfolioId p, String day, String kind) {
    return h.createQuery(
            "SELECT COUNT(*) FROM telemetry_events WHERE portfolio_id = :p AND day = :day AND kind"
                + " = :kind")
        .bind("p", p.value())
        .bind("day", day)
        .bind("kind", kind)
        .mapTo(Long.class)
        .one();
  }

  /**
   * The message of the run's latest event of {@code kind} if no event of {@code clearedBy} came
   * after it in that run: a condition (drift) the run reported and has not reported gone.
   */
  public java.util.Optional<String> standing(
      Handle h, PortfolioId p, RunId run, String kind, String clearedBy) {
    return h.createQuery(
            "SELECT kind, message FROM telemetry_events WHERE portfolio_id = :p AND run_id = :r"
                + " AND kind IN (:k, :c) ORDER BY time_ms DESC, id DESC LIMIT 1")
        .bind("p", p.value())
        .bind("r", run.value())
        .bind("k", kind)
        .bind("c", clearedBy)
        .map((rs, ctx) -> kind.equals(rs.getString("kind")) ? rs.getString("message") : null)
        .findFirst()
        .filter(java.util.Objects::nonNull);
  }

  public List<Event> recent(Handle h, PortfolioId p, int limit) {
    return h.createQuery(
            "SELECT * FROM telemetry_events WHERE portfolio_id = :p ORDER BY time_ms DESC LIMIT"
                + " :limit")
        .bind("p", p.value())
        .bind("limit", limit)
        .map(
            (rs, ctx) -> {
              String run = rs.getString("run_id");
              return new Event(
                  p,
                  run == null ? null : new RunId(run),
                  Instant.ofEpochMilli(rs.getLong("time_ms")),
                  rs.getString("day"),
                  rs.getString("level"),
                  rs.getString("kind"),
                  rs.getString("message"));
            })
        .list();
  }
}
