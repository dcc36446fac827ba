package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The notification outbox: messages staged with what they tell of, taken by the sender one at a
 * time per destination in the order they were staged, and marked sent, retried or given up.
 */
public final class OutboxRepository {
  private static final int MAX_ERROR = 500;

  /** A message for one destination. {@code key} names its cause, once per destination. */
  public record Message(
      PortfolioId portfolio,
      String destination,
      String key,
      String kind,
      boolean silent,
      String subject,
      String body) {}

  /** A staged message with where it stands. */
  public record Row(
      Message message,
      long seq,
      Instant created,
      int attempts,
      Instant next,
      Instant sent,
      Instant givenUp,
      String lastError) {}

  /**
   * How a destination's queue stands: waiting, given up, and the last error of the first waiting.
   */
  public record Backlog(
      String destination, long waiting, long givenUp, Instant oldestWaiting, String lastError) {}

  /**
   * Stages {@code m} after every message staged before for the portfolio, unless one with its key
   * is already there for its destination.
   *
   * @return whether it was staged
   */
  public boolean stage(Handle h, Message m, Instant now) {
    return h.createUpdate(
                "INSERT INTO notification_outbox (portfolio_id, destination, msg_key, seq, kind,"
                    + " silent, subject, body, created_ms, attempts, next_ms)"
                    + " SELECT :p, :d, :key, COALESCE(MAX(seq), 0) + 1, :kind, :silent, :subject,"
                    + " :body, :now, 0, :now FROM notification_outbox WHERE portfolio_id = :p"
                    + " ON CONFLICT (portfolio_id, destination, msg_key) DO NOTHING")
            .bind("p", m.portfolio().value())
            .bind("d", m.destination())
            .bind("key", m.key())
            .bind("kind", m.kind())
            .bind("silent", m.silent() ? 1 : 0)
            .bind("subject", m.subject())
            .bind("body", m.body())
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /** The destination's first message neither sent nor given up, whether or not it is due. */
  public Optional<Row> head(Handle h, PortfolioId p, String destination) {
    return h.createQuery(
            "SELECT * FROM notification_outbox WHERE portfolio_id = :p AND destination = :d"
                + " AND sent_ms IS NULL AND given_up_ms IS NULL ORDER BY seq LIMIT 1")
        .bind("p", p.value())
        .bind("d", destination)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  public void markSent(Handle h, Message m, Instant now) {
    h.createUpdate(
            "UPDATE notification_outbox SET sent_ms = :now, attempts = attempts + 1"
                + " WHERE portfolio_id = :p AND destination = :d AND msg_key = :key")
        .bind("p", m.portfolio().value())
        .bind("d", m.destination())
        .bind("key", m.key())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** Counts a failed attempt and puts the next one off until {@code next}. */
  public void markFailed(Handle h, Message m, Instant next, String error) {
    h.createUpdate(
            "UPDATE notification_outbox SET attempts = attempts + 1, next_ms = :next,"
                + " last_error = :error WHERE portfolio_id = :p AND destination = :d"
                + " AND msg_key = :key")
        .bind("p", m.portfolio().value())
        .bind("d", m.destination())
        .bind("key", m.key())
        .bind("next", next.toEpochMilli())
        .bind("error", clip(error))
        .execute();
  }

  /** Stops trying to send a message the destination refuses for good. */
  public void giveUp(Handle h, Message m, Instant now, String error) {
    h.createUpdate(
            "UPDATE notification_outbox SET attempts = attempts + 1, given_up_ms = :now,"
                + " last_error = :error WHERE portfolio_id = :p AND destination = :d"
                + " AND msg_key = :key")
        .bind("p", m.portfolio().value())
        .bind("d", m.destination())
        .bind("key", m.key())
        .bind("now", now.toEpochMilli())
        .bind("error", clip(error))
        .execute();
  }

  /** Each destination's waiting and given-up messages, for {@code status}. */
  public List<Backlog> backlog(Handle h, PortfolioId p) {
    record Counts(String destination, long waiting, long givenUp) {}
    List<Counts> counts =
        h.createQuery(
                "SELECT destination,"
                    + " SUM(CASE WHEN sent_ms IS NULL AND given_up_ms IS NULL THEN 1 ELSE 0 END)"
                    + " AS waiting,"
                    + " SUM(CASE WHEN given_up_ms IS NOT NULL THEN 1 ELSE 0 END) AS given_up"
                    + " FROM notification_outbox WHERE portfolio_id = :p GROUP BY destination"
                    + " ORDER BY destination")
            .bind("p", p.value())
            .map(
                (rs, ctx) ->
                    new Counts(
                        rs.getString("destination"), rs.getLong("waiting"), rs.getLong("given_up")))
            .list();
    return counts.stream()
        .map(
            c -> {
              Optional<Row> first =
                  c.waiting() == 0 ? Optional.empty() : head(h, p, c.destination());
              return new Backlog(
                  c.destination(),
                  c.waiting(),
                  c.givenUp(),
                  first.map(Row::created).orElse(null),
                  first.map(Row::lastError).orElse(null));
            })
        .toList();
  }

  /** Every row of a portfolio, in the order staged (for tests and inspection). */
  public List<Row> all(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT * FROM notification_outbox WHERE portfolio_id = :p ORDER BY seq, destination")
        .bind("p", p.value())
        .map((rs, ctx) -> row(rs))
        .list();
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    long sent = rs.getLong("sent_ms");
    boolean notSent = rs.wasNull();
    long givenUp = rs.getLong("given_up_ms");
    boolean notGivenUp = rs.wasNull();
    return new Row(
        new Message(
            new PortfolioId(rs.getString("portfolio_id")),
            rs.getString("destination"),
            rs.getString("msg_key"),
            rs.getString("kind"),
            rs.getInt("silent") != 0,
            rs.getString("subject"),
            rs.getString("body")),
        rs.getLong("seq"),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_ms")),
        notSent ? null : Instant.ofEpochMilli(sent),
        notGivenUp ? null : Instant.ofEpochMilli(givenUp),
        rs.getString("last_error"));
  }

  private static String clip(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
