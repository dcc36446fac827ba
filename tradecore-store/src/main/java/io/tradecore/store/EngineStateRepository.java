package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where a portfolio's runner stands: its replay feed position (the last event committed), the next
 * plan sequence, the current trading day and the overnight state. Committed with the effects of
 * each market event, so a restart resumes exactly after the last one.
 */
public final class EngineStateRepository {

  /**
   * The runner's position; {@code feedPosition} is -1 before the first event; {@code marks} is the
   * latest price per symbol as JSON, so equity is right before the next event arrives.
   */
  public record State(
      String feed,
      long feedPosition,
      long lastEventMs,
      long nextPlanSeq,
      String day,
      String overnight,
      String marks) {}

  public void save(Handle h, PortfolioId p, State s) {
    h.createUpdate(
            "INSERT INTO engine_state (portfolio_id, next_plan_seq, day, overnight, marks) VALUES"
                + " (:p, :seq, :day, :overnight, :marks) ON CONFLICT (portfolio_id) DO UPDATE SET"
                + " next_plan_seq = excluded.next_plan_seq, day = excluded.day, overnight ="
                + " excluded.overnight, marks = excluded.marks")
        .bind("p", p.value())
        .bind("seq", s.nextPlanSeq())
        .bind("day", s.day())
        .bind("overnight", s.overnight())
        .bind("marks", s.marks())
        .execute();
    if (s.feed() != null) {
      h.createUpdate(
              "INSERT INTO feed_positions (portfolio_id, feed, position, last_time_ms) VALUES (:p,"
                  + " :feed, :pos, :last) ON CONFLICT (portfolio_id, feed) DO UPDATE SET position ="
                  + " excluded.position, last_time_ms = excluded.last_time_ms")
          .bind("p", p.value())
          .bind("feed", s.feed())
          .bind("pos", s.feedPosition())
          .bind("last", s.lastEventMs())
          .execute();
    }
  }

  public Optional<State> load(Handle h, PortfolioId p, String feed) {
    Optional<long[]> position =
        h.createQuery(
                "SELECT position, last_time_ms FROM feed_positions WHERE portfolio_id = :p AND"
                    + " feed = :feed")
            .bind("p", p.value())
            .bind("feed", feed == null ? "" : feed)
            .map((rs, ctx) -> new long[] {rs.getLong("position"), rs.getLong("last_time_ms")})
            .findOne();
    return h.createQuery("SELECT * FROM engine_state WHERE portfolio_id = :p")
        .bind("p", p.value())
        .map(
            (rs, ctx) ->
                new State(
                    feed,
                    position.map(x -> x[0]).orElse(-1L),
                    position.map(x -> x[1]).orElse(0L),
                    rs.getLong("next_plan_seq"),
                    rs.getString("day"),
                    rs.getString("overnight"),
                    rs.getString("marks")))
        .findOne();
  }

  /** The time of the last event committed on any feed, or empty. */
  public Optional<Long> lastEventMs(Handle h, PortfolioId p) {
    return h.createQuery("SELECT MAX(last_time_ms) FROM feed_positions WHERE portfolio_id = :p")
        .bind("p", p.value())
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * The earliest of the portfolios' last committed event times (where the portfolio furthest behind
   * stands), or empty when none has committed one.
   */
  public Optional<Long> furthestBehindMs(Handle h) {
    return h.createQuery(
            "SELECT MIN(latest) FROM (SELECT MAX(last_time_ms) AS latest FROM feed_positions"
                + " GROUP BY portfolio_id) per_portfolio")
        .mapTo(Long.class)
        .findOne();
  }

  /** Where the portfolio's resync continues in its venue's fills (the venue's cursor), if known. */
  public Optional<String> venueCursor(Handle h, PortfolioId p) {
    return h.createQuery("SELECT venue_cursor FROM engine_state WHERE portfolio_id = :p")
        .bind("p", p.value())
        .mapTo(String.class)
        .findOne()
        .filter(c -> c != null && !c.isEmpty());
  }

  /** Keeps the venue's cursor; the engine_state row exists once the first commit was made. */
  public void saveVenueCursor(Handle h, PortfolioId p, String cursor) {
    h.createUpdate("UPDATE engine_state SET venue_cursor = :c WHERE portfolio_id = :p")
        .bind("p", p.value())
        .bind("c", cursor)
        .execute();
  }
}
