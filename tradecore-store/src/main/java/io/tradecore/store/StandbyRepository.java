package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The runners standing by to take a portfolio over when its lease lapses. */
public final class StandbyRepository {

  /** One waiting runner: where it runs, since when it waits, and when it last said so. */
  public record Standby(String host, long pid, Instant since, Instant heartbeat) {}

  /** Notes (or refreshes) that the runner {@code host}/{@code pid} stands by. */
  public void heartbeat(Handle h, PortfolioId p, String host, long pid, Instant now) {
    h.createUpdate(
            "INSERT INTO standbys (portfolio_id, host, pid, since_ms, heartbeat_ms)"
                + " VALUES (:p, :host, :pid, :now, :now)"
                + " ON CONFLICT (portfolio_id, host, pid) DO UPDATE SET heartbeat_ms = :now")
        .bind("p", p.value())
        .bind("host", host)
        .bind("pid", pid)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  public void remove(Handle h, PortfolioId p, String host, long pid) {
    h.createUpdate("DELETE FROM standbys WHERE portfolio_id = :p AND host = :host AND pid = :pid")
        .bind("p", p.value())
        .bind("host", host)
        .bind("pid", pid)
        .execute();
  }

  /** The standbys heard from at or after {@code since}, longest waiting first. */
  public List<Standby> heardSince(Handle h, PortfolioId p, Instant since) {
    return h.createQuery(
            "SELECT host, pid, since_ms, heartbeat_ms FROM standbys"
                + " WHERE portfolio_id = :p AND heartbeat_ms >= :since ORDER BY since_ms, pid")
        .bind("p", p.value())
        .bind("since", since.toEpochMilli())
        .map(
            (rs, ctx) ->
                new Standby(
                    rs.getString("host"),
                    rs.getLong("pid"),
                    Instant.ofEpochMilli(rs.getLong("since_ms")),
                    Instant.ofEpochMilli(rs.getLong("heartbeat_ms"))))
        .list();
  }
}
