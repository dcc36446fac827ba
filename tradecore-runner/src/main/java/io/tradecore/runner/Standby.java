package io.tradecore.runner;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.store.Database;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.StandbyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A runner standing by for a portfolio another runner holds ({@code run --standby}): it says so in
 * the store (so {@code status} and the dashboard list it), and waits until the holder's lease
 * lapses, waking at the lease's expiry rather than at a fixed beat, so a holder that died is
 * replaced within one lease period of its last renewal. Taking the lease is left to {@link
 * Lease#acquire}: of several standbys, one wins and the others stand by again.
 */
public final class Standby implements AutoCloseable {
  /** How often a standby looks whether it has been asked to stop. */
  private static final long STOP_CHECK_MS = 100;

  private final Database db;
  private final PortfolioId portfolio;
  private final String host;
  private final long pid;
  private final Clock clock;
  private final StandbyRepository repo = new StandbyRepository();

  private Standby(Database db, PortfolioId portfolio, String host, long pid, Clock clock) {
    this.db = db;
    this.portfolio = portfolio;
    this.host = host;
    this.pid = pid;
    this.clock = clock;
  }

  /** Notes that the runner {@code host}/{@code pid} stands by for {@code portfolio}. */
  public static Standby register(
      Database db, PortfolioId portfolio, String host, long pid, Clock clock) {
    Standby s = new Standby(db, portfolio, host, pid, clock);
    s.heartbeat();
    return s;
  }

  /**
   * Waits until the portfolio's lease is free or has lapsed, saying every {@code beat} that this
   * runner still stands by.
   *
   * @return false if {@code stop} turned true first
   */
  public boolean awaitLapse(Duration beat, BooleanSupplier stop) throws InterruptedException {
    LeaseRepository leases = new LeaseRepository();
    Instant nextLook = clock.instant();
    while (!stop.getAsBoolean()) {
      Instant now = clock.instant();
      if (!now.isBefore(nextLook)) {
        heartbeat();
        Optional<LeaseRepository.Holder> holder =
            db.jdbi().withHandle(h -> leases.holder(h, portfolio));
        if (holder.isEmpty() || !holder.get().expiresAt().isAfter(now)) {
          return true;
        }
        // Look again just after the expiry, or at the next beat if that comes first.
        Instant lapse = holder.get().expiresAt().plusMillis(5);
        Instant nextBeat = now.plus(beat);
        nextLook = lapse.isBefore(nextBeat) ? lapse : nextBeat;
      }
      Thread.sleep(Math.clamp(Duration.between(now, nextLook).toMillis(), 1, STOP_CHECK_MS));
    }
    return false;
  }

  private void heartbeat() {
    db.jdbi().useTransaction(h -> repo.heartbeat(h, portfolio, host, pid, clock.instant()));
  }

  /** No longer stands by (it took the portfolio over, or it stops). */
  @Override
  public void close() {
    try {
      db.jdbi().useTransaction(h -> repo.remove(h, portfolio, host, pid));
    } catch (RuntimeException e) {
      // Unremoved, the row goes stale and is no longer shown.
    }
  }
}
