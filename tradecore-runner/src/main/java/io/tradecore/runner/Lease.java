package io.tradecore.runner;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.store.Database;
import io.tradecore.store.LeaseRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This runner's hold on a portfolio: taken once at start (or refused, naming the holder), renewed
 * by a heartbeat thread, and released at the end. If a renewal finds the lease gone, {@link
 * #isLost()} turns true and the runner stops before trading again.
 */
public final class Lease implements AutoCloseable {
  private final Database db;
  private final PortfolioId portfolio;
  private final RunId run;
  private final Duration ttl;
  private final Clock clock;
  private final AtomicBoolean lost = new AtomicBoolean();
  private final ScheduledExecutorService heartbeat;

  private Lease(
      Database db, PortfolioId portfolio, RunId run, Duration ttl, Duration every, Clock clock) {
    this.db = db;
    this.portfolio = portfolio;
    this.run = run;
    this.ttl = ttl;
    this.clock = clock;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lease-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        this::renew, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the portfolio's lease.
   *
   * @throws LeaseHeldException naming the holder when another live runner has it
   */
  public static Lease acquire(
      Database db,
      PortfolioId portfolio,
      String portfolioName,
      RunId run,
      String host,
      long pid,
      Duration ttl,
      Duration heartbeat,
      Clock clock) {
    LeaseRepository repo = new LeaseRepository();
    var holder =
        db.jdbi()
            .inTransaction(
                h -> repo.tryAcquire(h, portfolio, run, host, pid, clock.instant(), ttl));
    if (holder.isPresent()) {
      LeaseRepository.Holder x = holder.get();
      throw new LeaseHeldException(
          "portfolio "
              + portfolioName
              + " is being traded by run "
              + x.run()
              + " on host "
              + x.host()
              + " (pid "
              + x.pid()
              + ") since "
              + x.acquiredAt()
              + "; its lease expires at "
              + x.expiresAt()
              + " unless renewed");
    }
    return new Lease(db, portfolio, run, ttl, heartbeat, clock);
  }

  private void renew() {
    try {
      boolean held =
          db.jdbi()
              .inTransaction(
                  h -> new LeaseRepository().renew(h, portfolio, run, clock.instant(), ttl));
      if (!held) {
        lost.set(true);
      }
    } catch (RuntimeException e) {
      // A failed renewal is retried at the next beat; the lease only matters once it expires.
    }
  }

  public boolean isLost() {
    return lost.get();
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    if (!lost.get()) {
      db.jdbi().useTransaction(h -> new LeaseRepository().release(h, portfolio, run));
    }
  }

  /** Another runner holds the portfolio. */
  public static final class LeaseHeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseHeldException(String message) {
      super(message);
    }
  }
}
