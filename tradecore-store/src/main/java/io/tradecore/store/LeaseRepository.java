package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The one-runner-per-portfolio lease. Taking it is one conditional write, so two runners racing on
 * SQLite or PostgreSQL cannot both win: the row is inserted if absent, or taken over only if its
 * holder let it expire.
 */
public final class LeaseRepository {

  /** Who holds a portfolio's lease, since when, and until when unless renewed. */
  public record Holder(
      PortfolioId portfolio,
      RunId run,
      String host,
      long pid,
      Instant acquiredAt,
      Instant heartbeatAt,
      Instant expiresAt) {}

  /**
   * Takes the lease for {@code run} if it is free or expired at {@code now}.
   *
   * @return empty when taken, or the current holder when refused
   */
  public Optional<Holder> tryAcquire(
      Handle h, PortfolioId p, RunId run, String host, long pid, Instant now, Duration ttl) {
    long expires = now.plus(ttl).toEpochMilli();
    int changed =
        h.createUpdate(
                "INSERT INTO leases (portfolio_id, run_id, host, pid, acquired_ms, heartbeat_ms,"
                    + " expires_ms) VALUES (:p, :run, :host, :pid, :now, :now, :expires)"
                    + " ON CONFLICT (portfolio_id) DO UPDATE SET run_id = excluded.run_id, host ="
                    + " excluded.host, pid = excluded.pid, acquired_ms = excluded.acquired_ms,"
                    + " heartbeat_ms = excluded.heartbeat_ms, expires_ms = excluded.expires_ms"
                    + " WHERE leases.expires_ms < :now OR leases.run_id = :run")
            .bind("p", p.value())
            .bind("run", run.value())
            .bind("host", host)
            .bind("pid", pid)
            .bind("now", now.toEpochMilli())
            .bind("expires", expires)
            .execute();
    return changed == 1 ? Optional.empty() : holder(h, p);
  }

  /** Extends the lease; false if {@code run} no longer holds it (it expired and was taken). */
  public boolean renew(Handle h, PortfolioId p, RunId run, Instant now, Duration ttl) {
    return h.createUpdate(
                "UPDATE leases SET heartbeat_ms = :now, expires_ms = :expires"
                    + " WHERE portfolio_id = :p AND run_id = :run")
            .bind("p", p.value())
            .bind("run", run.value())
            .bind("now", now.toEpochMilli())
            .bind("expires", now.plus(ttl).toEpochMilli())
            .execute()
        == 1;
  }

  public void release(Handle h, PortfolioId p, RunId run) {
    h.createUpdate("DELETE FROM leases WHERE portfolio_id = :p AND run_id = :run")
        .bind("p", p.value())
        .bind("run", run.value())
        .execute();
  }

  public Optional<Holder> holder(Handle h, PortfolioId p) {
    return h.createQuery("SELECT * FROM leases WHERE portfolio_id = :p")
        .bind("p", p.value())
        .map(
            (rs, ctx) ->
                new Holder(
                    new PortfolioId(rs.getString("portfolio_id")),
                    new RunId(rs.getString("run_id")),
                    rs.getString("host"),
                    rs.getLong("pid"),
                    Instant.ofEpochMilli(rs.getLong("acquired_ms")),
                    Instant.ofEpochMilli(rs.getLong("heartbeat_ms")),
                    Instant.ofEpochMilli(rs.getLong("expires_ms"))))
        .findOne();
  }
}
