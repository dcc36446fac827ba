package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runner per portfolio (issue 3, O3), with real processes: a second runner on a live portfolio
 * is refused with a one-line error naming the holder; once the holder is killed, a new runner is
 * refused while the dead holder's lease is still valid and takes over after it expires.
 */
class SecondRunnerTest {
  private static final int LEASE_SECONDS = 3;
  private static final Duration LEASE = Duration.ofSeconds(LEASE_SECONDS);
  private static final Duration START_TIMEOUT = RunnerWaits.TIMEOUT;
  private static final String PORTFOLIO = "shared";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private TestStore store;
  private CliLauncher launcher;

  @AfterEach
  void tearDown() {
    if (launcher != null) {
      launcher.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void second_runner_is_refused_naming_the_holder_and_takes_over_once_the_lease_expires()
      throws Exception {
    store = TestStore.sqlite(dir.resolve("data"));
    PortfolioRecord record = store.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS);
    PortfolioId id = record.id();
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), 400, 7, "ACME");
    // The lease length comes from the environment, the heartbeat from the file (it must be
    // shorter).
    Path config =
        Files.writeString(dir.resolve("tradecore.yaml"), "runner:\n  heartbeat_seconds: 1\n");
    Map<String, String> env = new HashMap<>(store.env());
    env.put("TRADECORE_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
    launcher = new CliLauncher(dir, env);

    // Runner A trades slowly, so it is still at it when the others come.
    CliProcess a = launcher.start("runner-a", runArgs(config, feed, 5));
    LeaseRepository.Holder holder =
        Await.value(
            START_TIMEOUT,
            () -> "runner A to take the lease: " + a.describe(),
            () -> {
              assertThat(a.isAlive()).as(a::describe).isTrue();
              return store.lease(id).filter(l -> l.pid() == a.pid());
            });
    Await.until(
        START_TIMEOUT,
        () -> "runner A to commit an event: " + a.describe(),
        () -> store.feedPosition(id) >= 0);

    // Runner B on the same portfolio: refused, naming A's run, host, pid and since when.
    CliProcess refused = launcher.start("runner-b-while-a-lives", runArgs(config, feed, 0));
    assertThat(refused.awaitExit(START_TIMEOUT)).as(refused::describe).isEqualTo(1);
    assertNamesHolder(refused, holder);
    assertThat(refused.stdout()).as("stdout of the refused runner").isEmpty();
    assertThat(a.isAlive()).as("runner A keeps trading: " + a.describe()).isTrue();
    assertThat(store.lease(id).orElseThrow().run())
        .as("the lease stays A's")
        .isEqualTo(holder.run());
    assertThat(store.runs(id))
        .as("a refused runner records no run")
        .extracting(r -> r.runId())
        .containsExactly(holder.run());

    // A dies without a word: its lease stays until it expires.
    assertThat(a.kill()).as("exit code of a SIGKILLed runner").isEqualTo(CliProcess.SIGKILL_EXIT);
    long positionAtKill = store.feedPosition(id);
    LeaseRepository.Holder dead = store.lease(id).orElseThrow();
    assertThat(dead.run()).isEqualTo(holder.run());
    Instant expiry = dead.expiresAt();
    assertThat(Duration.between(dead.heartbeatAt(), expiry)).isEqualTo(LEASE);

    // Runner B again and again, until it is no longer refused; for about twice the lease.
    Instant giveUp = expiry.plus(LEASE.multipliedBy(2));
    List<String> refusals = new ArrayList<>();
    CliProcess b = null;
    LeaseRepository.Holder taken = null;
    for (int attempt = 1; b == null; attempt++) {
      Instant started = Instant.now();
      assertThat(started)
          .as(
              "runner B still refused %s after the dead holder's lease expired: %s",
              LEASE.multipliedBy(2), refusals)
          .isBefore(giveUp);
      CliProcess candidate = launcher.start("runner-b-" + attempt, runArgs(config, feed, 20));
      Await.until(
          START_TIMEOUT,
          () -> "runner B to take the lease or be refused: " + candidate.describe(),
          () -> !candidate.isAlive() || holds(candidate, id));
      Optional<LeaseRepository.Holder> took =
          store.lease(id).filter(l -> l.pid() == candidate.pid());
      if (took.isPresent()) {
        b = candidate;
        taken = took.get();
        continue;
      }
      assertThat(candidate.awaitExit(START_TIMEOUT)).as(candidate::describe).isEqualTo(1);
      assertNamesHolder(candidate, holder);
      assertThat(started)
          .as("a refusal while the dead holder's lease (to %s) was still valid", expiry)
          .isBeforeOrEqualTo(expiry);
      refusals.add("attempt " + attempt + " started " + started);
    }

    // B took over only after the expiry, recorded its run, and trades on from where A stopped.
    assertThat(taken.run()).isNotEqualTo(holder.run());
    assertThat(taken.acquiredAt()).as("taken over after the expiry").isAfter(expiry);
    LeaseRepository.Holder takenLease = taken;
    RunRecord run =
        Await.value(
            START_TIMEOUT,
            () -> "runner B's run row",
            () ->
                store.runs(id).stream()
                    .filter(r -> r.runId().equals(takenLease.run()))
                    .findFirst());
    assertThat(run.pid()).isEqualTo(b.pid());
    CliProcess runnerB = b;
    Await.until(
        START_TIMEOUT,
        () -> "runner B to trade past event " + positionAtKill + ": " + runnerB.describe(),
        () -> store.feedPosition(id) > positionAtKill);
    assertThat(b.isAlive()).as(b::describe).isTrue();
    System.out.printf(
        "second runner test: refused while A lived, then %d refusal(s) after A was killed (%s);"
            + " took over %d ms after the lease expired%n",
        refusals.size(), refusals, Duration.between(expiry, taken.acquiredAt()).toMillis());

    // Stopped politely (SIGTERM), B ends its run and gives the lease back at once.
    b.terminate();
    assertThat(b.awaitExit(START_TIMEOUT)).as(runnerB::describe).isIn(0, 143);
    assertThat(store.lease(id)).as("the lease released on stop").isEmpty();
    RunRecord ended =
        store.runs(id).stream()
            .filter(r -> r.runId().equals(takenLease.run()))
            .findFirst()
            .orElseThrow();
    assertThat(ended.endedAt()).as("runner B's run ended").isNotNull();
  }

  private boolean holds(CliProcess runner, PortfolioId id) {
    return store.lease(id).filter(l -> l.pid() == runner.pid()).isPresent();
  }

  private static List<String> runArgs(Path config, Feeds.Feed feed, int barsPerSecond) {
    return List.of(
        "run",
        "--config",
        config.toString(),
        "--portfolio",
        PORTFOLIO,
        "--strategy",
        "sma-cross",
        "--param",
        "fast=3",
        "--param",
        "slow=8",
        "--feed",
        feed.spec(),
        "--bars-per-second",
        Integer.toString(barsPerSecond),
        "--fee-bps",
        "5",
        "--min-fee",
        "1");
  }

  /** One line on stderr, {@code error: ...}, naming the holder's run, host, pid and since when. */
  private static void assertNamesHolder(CliProcess refused, LeaseRepository.Holder holder) {
    String stderr = refused.stderr().strip();
    assertThat(stderr.lines()).as("stderr of %s", refused.label()).hasSize(1);
    assertThat(stderr)
        .startsWith("error: ")
        .contains("portfolio " + PORTFOLIO)
        .contains("run " + holder.run().value())
        .contains("host " + holder.host())
        .contains("pid " + holder.pid())
        .contains("since " + holder.acquiredAt());
  }
}
