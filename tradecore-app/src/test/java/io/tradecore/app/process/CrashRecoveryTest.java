package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of issue 3: the real runner, in a process of its own, is killed with SIGKILL at
 * random moments and restarted each time; at the end its database must hold exactly what an
 * uninterrupted run of the same feed produced (fills, cash, positions, plans, days, and the paper
 * exchange's own books, without a duplicate order).
 *
 * <p>Each kill waits until the committed feed position passes a random target, then up to 30 ms
 * more, so kills land between commits as well as inside the replay's group commits (the run is
 * paced so a group holds a few moments). Just before each kill the test checks that the paper
 * exchange's books hold no fill or order the ledger has not: the exchange's changes commit in the
 * runner's transactions. The seed is fixed for reproducibility and can be changed with {@code
 * -Dtradecore.crash.seed=N}.
 */
class CrashRecoveryTest {
  private static final long SEED = Long.getLong("tradecore.crash.seed", 20_250_314L);
  private static final int WEEKDAYS = Integer.getInteger("tradecore.crash.weekdays", 400);
  private static final String PORTFOLIO = "crash";
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PROGRESS_TIMEOUT = RunnerWaits.TIMEOUT;
  private static final Duration LEASE_TIMEOUT = Duration.ofSeconds(30);

  // Kept when a test fails: the databases and every runner's output are evidence.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    // Processes first (they use the databases), then the databases; in reverse order of opening.
    Exception first = null;
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Test
  void killed_runner_resumes_with_the_same_fills_as_an_uninterrupted_run() throws Exception {
    scenario(
        "sqlite",
        name -> TestStore.sqlite(dir.resolve(name).resolve("data")),
        Integer.getInteger("tradecore.crash.kills", 20));
  }

  @Test
  void killed_runner_resumes_with_the_same_fills_as_an_uninterrupted_run_on_postgresql()
      throws Exception {
    scenario(
        "postgresql",
        name -> TestStore.postgres(),
        Integer.getInteger("tradecore.crash.pgkills", 8));
  }

  private interface StoreFactory {
    TestStore create(String name);
  }

  private void scenario(String label, StoreFactory stores, int kills) throws Exception {
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), WEEKDAYS, SEED, "ACME", "BOLT");
    // A short lease, so a restart after a kill waits at most two seconds for the dead holder's.
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"), "runner:\n  lease_seconds: 2\n  heartbeat_seconds: 1\n");
    List<String> args = runArgs(config, feed);

    // The reference: one uninterrupted run, alongside the other.
    TestStore referenceStore = open(stores, "reference");
    PortfolioRecord reference = referenceStore.createPortfolio(PORTFOLIO, settings());
    CliProcess uninterrupted = launcher("reference", referenceStore).start("reference", args);

    // The same feed in another database, killed at random moments and restarted each time.
    TestStore crashStore = open(stores, "crashed");
    PortfolioRecord crashed = crashStore.createPortfolio(PORTFOLIO, settings());
    Restarter restarter =
        new Restarter(crashStore, crashed.id(), launcher("crashed", crashStore), args);
    Random random = new Random(SEED);
    long lastTarget = (long) (feed.events() * 0.9);
    List<Long> landedAt = new ArrayList<>();
    long gaps = 0;
    long started = System.nanoTime();
    for (int k = 0; k < kills; k++) {
      long committed = crashStore.feedPosition(crashed.id());
      if (committed >= lastTarget) {
        break; // kills that came late on a busy machine left nothing to kill in
      }
      long span = Math.max(1, 2 * (lastTarget - committed) / (kills - k));
      long target =
          Math.min(
              committed + 1 + (long) (random.nextDouble() * span),
              Math.max(committed + 1, lastTarget));
      int extraDelayMillis = random.nextInt(31);
      CliProcess runner = restarter.startAndAwaitPosition("kill-" + (k + 1), target);
      LockSupport.parkNanos(Duration.ofMillis(extraDelayMillis).toNanos());
      gaps = Math.max(gaps, gap(crashStore, crashed.id()));
      assertThat(runner.kill())
          .as("exit code of a SIGKILLed runner")
          .isEqualTo(CliProcess.SIGKILL_EXIT);
      landedAt.add(crashStore.feedPosition(crashed.id()));
    }
    CliProcess last = restarter.startAndAwaitExit("to-the-end");
    assertThat(last.stdout()).contains("applied ");
    Duration crashTime = Duration.ofNanos(System.nanoTime() - started);
    assertThat(uninterrupted.awaitExit(RUN_TIMEOUT)).as(uninterrupted::describe).isEqualTo(0);
    assertThat(referenceStore.feedPosition(reference.id())).isEqualTo(feed.events() - 1L);

    System.out.printf(
        "crash test (%s, seed %d): %d SIGKILLs landed at feed positions %s of %d events;"
            + " the paper exchange's books ahead of the ledger by at most %d row(s) at a kill,"
            + " %d restart(s) resynced;"
            + " %d restart(s) refused by the dead runner's lease; killed and restarted run %.1f s"
            + " (launch to lease %d ms at best, %.1f s waiting for dead runners' leases)%n",
        label,
        SEED,
        landedAt.size(),
        landedAt,
        feed.events(),
        gaps,
        warnings(crashStore, crashed.id(), "resync"),
        restarter.refusals,
        crashTime.toMillis() / 1000.0,
        restarter.fastestStartMillis,
        restarter.waitedNanos / 1e9);

    assertThat(crashStore.feedPosition(crashed.id())).isEqualTo(feed.events() - 1L);
    List<RunRecord> runs = crashStore.runs(crashed.id());
    assertThat(gaps)
        .as("fills and orders the paper exchange had committed and the ledger had not")
        .isZero();
    int killed = landedAt.size();
    assertThat(killed).as("kills that landed before the end").isGreaterThan(kills / 2);
    assertThat(runs).as("a run row for every runner that took the lease").hasSize(killed + 1);
    assertThat(runs.subList(0, killed)).allSatisfy(r -> assertThat(r.endedAt()).isNull());
    assertThat(runs.get(killed).endReason()).isEqualTo("feed ended");
    assertThat(warnings(crashStore, crashed.id(), "stats-cache"))
        .as("the stats cache always committed with the fills")
        .isZero();

    Books expected = Books.read(referenceStore.db(), reference.id());
    Books actual = Books.read(crashStore.db(), crashed.id());
    assertThat(expected.fills()).as("the reference run traded").hasSizeGreaterThan(20);
    Books.assertSame(expected, actual);
  }

  private static List<String> runArgs(Path config, Feeds.Feed feed) {
    return List.of(
        "run",
        "--config",
        config.toString(),
        "--portfolio",
        PORTFOLIO,
        "--strategy",
        "breakout",
        "--param",
        "channel=10",
        "--param",
        "atr=5",
        "--param",
        "trail-atr=3",
        "--param",
        "cash-share=0.45",
        "--feed",
        feed.spec(),
        "--fee-bps",
        "5",
        "--min-fee",
        "1",
        "--bot-version",
        "crash-test",
        // Paced, so that kills land inside the replay's group commits (a few dozen bars each),
        // not only after a whole run.
        "--bars-per-second",
        "60");
  }

  /**
   * The defaults, with the overnight policy on (by ATR, whose indicator must survive restarts too).
   */
  private static PortfolioSettings settings() {
    PortfolioSettings d = PortfolioSettings.DEFAULTS;
    return new PortfolioSettings(
        d.baseCurrency(),
        d.timeZone(),
        d.calendar(),
        d.startingCash(),
        d.caps(),
        new OvernightSettings(OvernightMode.ATR, new BigDecimal("0.5"), 14),
        d.tiers());
  }

  private TestStore open(StoreFactory stores, String name) {
    TestStore store = stores.create(name);
    toClose.add(store);
    return store;
  }

  private CliLauncher launcher(String name, TestStore store) {
    CliLauncher launcher = new CliLauncher(dir.resolve(name), store.env());
    toClose.add(launcher);
    return launcher;
  }

  /**
   * Starts runners on one portfolio, each as soon as the lease of the one killed before is about to
   * expire: it learns how long a runner takes from its launch to taking the lease and launches that
   * much early. One that comes too soon is refused (and counted), and the next launch follows.
   */
  private static final class Restarter {
    private final TestStore store;
    private final PortfolioId portfolio;
    private final CliLauncher launcher;
    private final List<String> args;
    private long fastestStartMillis = Long.MAX_VALUE;
    private long waitedNanos;
    private int refusals;

    Restarter(TestStore store, PortfolioId portfolio, CliLauncher launcher, List<String> args) {
      this.store = store;
      this.portfolio = portfolio;
      this.launcher = launcher;
      this.args = args;
    }

    /** A runner that has committed the feed event at {@code target} (or later). */
    CliProcess startAndAwaitPosition(String label, long target) throws Exception {
      while (true) {
        long launchedAt = awaitLeaseNearlyFree();
        CliProcess runner = launcher.start(label, args);
        if (awaitPosition(target, runner)) {
          store
              .lease(portfolio)
              .filter(l -> l.pid() == runner.pid())
              .ifPresent(
                  l ->
                      fastestStartMillis =
                          Math.min(fastestStartMillis, l.acquiredAt().toEpochMilli() - launchedAt));
          return runner;
        }
        refusals++;
      }
    }

    /** A runner that has run to the end of the feed and exited normally. */
    CliProcess startAndAwaitExit(String label) throws Exception {
      while (true) {
        awaitLeaseNearlyFree();
        CliProcess runner = launcher.start(label, args);
        int code = runner.awaitExit(RUN_TIMEOUT);
        if (code == 1 && refusedByLease(runner) && refusals++ < 100) {
          continue;
        }
        assertThat(code).as(runner::describe).isEqualTo(0);
        return runner;
      }
    }

    /**
     * Waits until the portfolio's lease is free, or expires within three quarters of the fastest
     * start seen; returns the time then.
     */
    private long awaitLeaseNearlyFree() {
      long headStart = fastestStartMillis == Long.MAX_VALUE ? 0 : fastestStartMillis * 3 / 4;
      long waitStarted = System.nanoTime();
      long deadline = waitStarted + LEASE_TIMEOUT.toNanos();
      while (true) {
        long now = System.currentTimeMillis();
        var lease = store.lease(portfolio);
        if (lease.isEmpty() || lease.get().expiresAt().toEpochMilli() - headStart < now) {
          waitedNanos += System.nanoTime() - waitStarted;
          return now;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError(
              "the lease of " + portfolio + " did not expire within " + LEASE_TIMEOUT);
        }
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
    }

    /**
     * Polls the committed feed position every 2 ms until it reaches {@code target}: true then,
     * false if the runner was refused because the lease was still held, and a failure if it ended
     * any other way or made no progress in time.
     */
    private boolean awaitPosition(long target, CliProcess r) throws InterruptedException {
      long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
      while (store.feedPosition(portfolio) < target) {
        if (!r.isAlive()) {
          int code = r.awaitExit(Duration.ofSeconds(1));
          if (code == 1 && refusedByLease(r)) {
            return false;
          }
          throw new AssertionError(
              "the runner ended before the feed position reached " + target + ": " + r.describe());
        }
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError(
              "the feed position did not reach "
                  + target
                  + " within "
                  + PROGRESS_TIMEOUT
                  + ": "
                  + r.describe());
        }
        LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
      }
      return true;
    }
  }

  /**
   * How many fills and orders the paper exchange has committed that the ledger has not (none, if
   * the two commit together).
   */
  private static long gap(TestStore store, PortfolioId p) {
    return store
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT (SELECT COUNT(*) FROM paper_fills WHERE account_id = :p)"
                            + " - (SELECT COUNT(*) FROM fills WHERE portfolio_id = :p)"
                            + " + (SELECT COUNT(*) FROM paper_orders WHERE account_id = :p)"
                            + " - (SELECT COUNT(*) FROM orders WHERE portfolio_id = :p"
                            + " AND status <> 'REFUSED')")
                    .bind("p", p.value())
                    .mapTo(Long.class)
                    .one());
  }

  private static boolean refusedByLease(CliProcess r) {
    return r.stderr().contains("is being traded by run");
  }

  private static long warnings(TestStore store, PortfolioId p, String kind) {
    return store
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM telemetry_events WHERE portfolio_id = :p"
                            + " AND kind = :kind")
                    .bind("p", p.value())
                    .bind("kind", kind)
                    .mapTo(Long.class)
                    .one());
  }
}
