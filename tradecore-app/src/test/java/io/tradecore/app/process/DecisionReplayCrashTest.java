package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.PortfolioRecord;
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
 * Decisions are events (issue 13): a strategy that answers at random ({@link RandomAnswers}) runs
 * durably over three symbols and is killed with SIGKILL 20 times. Each moment must be answered
 * exactly once, however often the runner died around it, and the ledger must be the one the
 * recorded answers make: a second database given only those answers, run without a kill, ends with
 * identical books. A runner that asked again after a restart would trade on an answer that was
 * never recorded, and the books would differ.
 */
class DecisionReplayCrashTest {
  private static final int WEEKDAYS = 250;
  private static final int KILLS = Integer.getInteger("tradecore.crash.kills", 20);
  private static final String PORTFOLIO = "random";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void a_random_strategy_killed_20_times_gives_the_books_of_its_recorded_answers()
      throws Exception {
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), WEEKDAYS, 31, "ACME", "BOLT", "CRUX");
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"), "runner:\n  lease_seconds: 2\n  heartbeat_seconds: 1\n");
    // Paced, so a runner is still at it when the kill comes, and kills land inside the replay's
    // group commits; the second database's run is not.
    List<String> args = List.of(config.toString(), PORTFOLIO, feed.spec(), "60");

    TestStore crashStore = keep(TestStore.sqlite(dir.resolve("crashed").resolve("data")));
    PortfolioId crashed = crashStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliLauncher crashLauncher = keep(launcher("crashed", crashStore));
    Random random = new Random(13);
    List<Long> landedAt = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      long committed = crashStore.feedPosition(crashed);
      long lastTarget = (long) (feed.events() * 0.85);
      if (committed >= lastTarget) {
        break; // kills that came late on a busy machine left nothing to kill in
      }
      long left = lastTarget - committed;
      long target =
          Math.min(
              committed + 1 + Math.max(0, (long) (random.nextDouble() * 2 * left / (KILLS - k))),
              lastTarget);
      CliProcess runner =
          RunnerWaits.startWhenLeaseFree(
              crashLauncher, crashStore, crashed, "kill-" + (k + 1), args);
      RunnerWaits.awaitPosition(crashStore, crashed, runner, target);
      LockSupport.parkNanos(Duration.ofMillis(random.nextInt(40)).toNanos());
      assertThat(runner.kill()).isEqualTo(CliProcess.SIGKILL_EXIT);
      landedAt.add(crashStore.feedPosition(crashed));
    }
    assertThat(landedAt.size()).as("kills before the end").isGreaterThan(KILLS / 2);
    CliProcess last =
        RunnerWaits.startWhenLeaseFree(crashLauncher, crashStore, crashed, "to-the-end", args);
    assertThat(last.awaitExit(RunnerWaits.TIMEOUT)).as(last::describe).isZero();
    System.out.printf(
        "decision replay: %d SIGKILLs landed at feed positions %s of %d bars%n",
        landedAt.size(), landedAt, feed.events());

    long moments = feed.events() / 3;
    assertThat(decisions(crashStore, crashed))
        .as("one recorded answer per moment, however often the runner died")
        .isEqualTo(moments);

    // A second portfolio given only the recorded answers, run once without a kill.
    TestStore replayStore = keep(TestStore.sqlite(dir.resolve("replayed").resolve("data")));
    PortfolioRecord replayed = replayStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS);
    DecisionCopies.copy(crashStore, crashed, replayStore, replayed.id());
    CliProcess once =
        RunnerWaits.startWhenLeaseFree(
            keep(launcher("replayed", replayStore)),
            replayStore,
            replayed.id(),
            "once",
            List.of(config.toString(), PORTFOLIO, feed.spec(), "0"));
    assertThat(once.awaitExit(RunnerWaits.TIMEOUT)).as(once::describe).isZero();
    assertThat(decisions(replayStore, replayed.id())).isEqualTo(moments);

    Books expected = Books.read(replayStore.db(), replayed.id());
    Books actual = Books.read(crashStore.db(), crashed);
    assertThat(expected.fills()).as("the random answers traded").hasSizeGreaterThan(20);
    assertThat(expected.positions().keySet())
        .as("on every symbol")
        .isSubsetOf("ACME", "BOLT", "CRUX");
    Books.assertSame(expected, actual);
  }

  private CliLauncher launcher(String name, TestStore store) {
    return new CliLauncher(dir.resolve(name), store.env(), RandomRunnerMain.class.getName());
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private static long decisions(TestStore store, PortfolioId p) {
    return store
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM decisions WHERE portfolio_id = :p")
                    .bind("p", p.value())
                    .mapTo(Long.class)
                    .one());
  }
}
