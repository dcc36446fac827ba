package io.tradecore.runner;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.Fence;
import io.tradecore.store.FileHolders;
import io.tradecore.store.LeaseLostException;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.Retrying;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * This runner's hold on a portfolio: taken once at start (or refused, naming the holder), renewed
 * by a heartbeat thread, and released at the end. It is also the runner's {@link Fence}: every
 * transaction the runner commits renews the lease first, in the same transaction, and fails if
 * another runner has taken it over meanwhile (this one was paused past its expiry), so a runner
 * that lost its lease commits nothing more. If a renewal finds the lease gone, {@link #isLost()}
 * turns true and the runner stops before trading again.
 */
public final class Lease implements Fence, AutoCloseable {
  private final Database db;
  private final PortfolioId portfolio;
  private final String portfolioName;
  private final RunId run;
  private final Duration ttl;
  private final Clock clock;
  private final AtomicBoolean lost = new AtomicBoolean();
  private final ScheduledExecutorService heartbeat;
  private final LeaseRepository.Holder lapsed;

  private Lease(
      Database db,
      PortfolioId portfolio,
      String portfolioName,
      RunId run,
      Duration ttl,
      Duration every,
      Clock clock,
      LeaseRepository.Holder lapsed) {
    this.lapsed = lapsed;
    this.db = db;
    this.portfolio = portfolio;
    this.portfolioName = portfolioName;
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
    Optional<LeaseRepository.Holder> holder;
    AtomicReference<LeaseRepository.Holder> before = new AtomicReference<>();
    try {
      // On PostgreSQL a paused runner's open transaction may hold the lease row until the
      // server ends it (Database.IDLE_IN_TRANSACTION); the lock timeout makes each try short.
      holder =
          Retrying.run(
              () ->
                  db.jdbi()
                      .inTransaction(
                          h -> {
                            before.set(repo.holder(h, portfolio).orElse(null));
                            return repo.tryAcquire(
                                h, portfolio, run, host, pid, clock.instant(), ttl);
                          }),
              Database.IDLE_IN_TRANSACTION.plus(Duration.ofSeconds(5)),
              Retrying.Listener.NONE);
    } catch (RuntimeException e) {
      if (db.dialect() == Dialect.SQLITE && Retrying.isTransient(e)) {
        throw new LeaseHeldException(sqliteLocked(db, portfolioName), null);
      }
      throw e;
    }
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
              + " unless renewed",
          x);
    }
    LeaseRepository.Holder previous = before.get();
    return new Lease(
        db,
        portfolio,
        portfolioName,
        run,
        ttl,
        heartbeat,
        clock,
        previous == null || previous.run().equals(run) ? null : previous);
  }

  /**
   * The runner this one took the portfolio over from, whose lease had lapsed without being released
   * (it died, froze or lost its database); empty when the lease was free.
   */
  public Optional<LeaseRepository.Holder> tookOverFrom() {
    return Optional.ofNullable(lapsed);
  }

  /** Why a SQLite database could not be written: which other processes have it open. */
  private static String sqliteLocked(Database db, String portfolioName) {
    String file = db.sqliteFile().map(p -> p.toAbsolutePath().toString()).orElse(db.redacted());
    List<String> holders = db.sqliteFile().map(FileHolders::ofSqlite).orElse(List.of());
    return "cannot take the lease on portfolio "
        + portfolioName
        + ": the database "
        + file
        + " stayed locked for writing"
        + (holders.isEmpty()
            ? " by another process"
            : "; it is held open by " + String.join(", ", holders));
  }

  /**
   * Renews the lease inside the caller's transaction; fails that transaction when another runner
   * holds the portfolio now.
   */
  @Override
  public void check(Handle h) {
    if (lost.get() || !new LeaseRepository().renew(h, portfolio, run, clock.instant(), ttl)) {
      lost.set(true);
      throw new LeaseLostException(
          "lost the lease on portfolio "
              + portfolioName
              + ": another runner took it over while this one was paused; it commits nothing more");
    }
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
      try {
        db.jdbi().useTransaction(h -> new LeaseRepository().release(h, portfolio, run));
      } catch (RuntimeException e) {
        // Unreleased, the lease expires by itself.
      }
    }
  }

  /** Another runner holds the portfolio (or, on SQLite, another process locks its database). */
  public static final class LeaseHeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LeaseRepository.Holder holder;

    public LeaseHeldException(String message, LeaseRepository.Holder holder) {
      super(message);
      this.holder = holder;
    }

    /** Who holds the lease, or null when the database could not be written to find out. */
    public LeaseRepository.Holder holder() {
      return holder;
    }
  }
}
