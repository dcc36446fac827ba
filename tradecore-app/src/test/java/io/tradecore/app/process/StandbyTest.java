package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standby (issue 19, O3): {@code run --standby} waits while another runner trades the portfolio,
 * and {@code status} lists it beside the holder. The holder is killed with SIGKILL at a random
 * point; the standby takes the portfolio over within one lease period of the kill, restores it as a
 * fresh start would, and trades to the end; the books equal an uninterrupted run's.
 */
class StandbyTest {
  private static final int LEASE_SECONDS = 3;
  private static final Duration LEASE = Duration.ofSeconds(LEASE_SECONDS);

  /**
   * What a takeover may take beyond the lease period: the standby wakes just after the lease's
   * expiry, then takes the lease in one write.
   */
  private static final Duration WAKE_AND_WRITE = Duration.ofSeconds(1);

  private static final String PORTFOLIO = "standby";

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
  void a_standby_takes_over_a_killed_holder_within_one_lease_on_sqlite() throws Exception {
    scenario(name -> TestStore.sqlite(dir.resolve(name).resolve("data")));
  }

  @Test
  void a_standby_takes_over_a_killed_holder_within_one_lease_on_postgresql() throws Exception {
    scenario(name -> TestStore.postgres());
  }

  private void scenario(Function<String, TestStore> stores) throws Exception {
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), 300, 23, "ACME");
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"),
            "runner:\n  lease_seconds: " + LEASE_SECONDS + "\n  heartbeat_seconds: 1\n");

    TestStore referenceStore = keep(stores.apply("reference"));
    PortfolioId referenceId =
        referenceStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliProcess uninterrupted =
        keep(new CliLauncher(dir.resolve("reference"), referenceStore.env()))
            .start("reference", RunArgs.breakout(config, feed, PORTFOLIO, "0"));

    TestStore store = keep(stores.apply("standby"));
    PortfolioId id = store.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliLauncher launcher = keep(new CliLauncher(dir.resolve("standby"), store.env()));
    CliProcess holder =
        RunnerWaits.startWhenLeaseFree(
            launcher, store, id, "holder", RunArgs.breakout(config, feed, PORTFOLIO, "20"));
    CliProcess standby =
        launcher.start(
            "standby",
            Stream.concat(
                    RunArgs.breakout(config, feed, PORTFOLIO, "20").stream(),
                    Stream.of("--standby"))
                .toList());

    // status names the holder and lists the standby.
    JsonNode runner =
        Await.value(
            RunnerWaits.TIMEOUT,
            () -> "status to list the standby: " + standby.describe(),
            () -> {
              assertThat(standby.isAlive()).as(standby::describe).isTrue();
              JsonNode r = status(launcher, config).path("runner");
              return r.path("standbys").size() == 1 ? Optional.of(r) : Optional.empty();
            });
    assertThat(runner.path("holder").path("pid").asLong()).isEqualTo(holder.pid());
    assertThat(runner.path("standbys").get(0).path("pid").asLong()).isEqualTo(standby.pid());
    assertThat(standby.stdout()).contains("standing by: portfolio " + PORTFOLIO);

    RunnerWaits.awaitPosition(store, id, holder, 30 + new Random(11).nextInt(60));
    assertThat(holder.kill()).as(holder::describe).isEqualTo(CliProcess.SIGKILL_EXIT);
    Instant killed = Instant.now();

    LeaseRepository.Holder taken =
        Await.value(
            RunnerWaits.TIMEOUT,
            () -> "the standby to take over: " + standby.describe(),
            () -> {
              assertThat(standby.isAlive()).as(standby::describe).isTrue();
              return store.lease(id).filter(l -> l.pid() == standby.pid());
            });
    assertThat(Duration.between(killed, taken.acquiredAt()))
        .as("time from the kill to the takeover")
        .isLessThanOrEqualTo(LEASE.plus(WAKE_AND_WRITE));
    System.out.printf(
        "standby (%s): took over %d ms after the kill (lease %d s)%n",
        store, Duration.between(killed, taken.acquiredAt()).toMillis(), LEASE_SECONDS);

    assertThat(standby.awaitExit(RunnerWaits.TIMEOUT)).as(standby::describe).isZero();
    assertThat(uninterrupted.awaitExit(RunnerWaits.TIMEOUT)).as(uninterrupted::describe).isZero();
    List<RunRecord> runs = store.runs(id);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1).endReason()).isEqualTo("feed ended");
    assertThat(status(launcher, config).path("runner").path("standbys").size())
        .as("standbys after the run")
        .isZero();
    Books.assertSame(Books.read(referenceStore.db(), referenceId), Books.read(store.db(), id));
  }

  /** {@code tradecore status --json}, as a person would run it. */
  private JsonNode status(CliLauncher launcher, Path config) {
    try {
      CliProcess status =
          launcher.start(
              "status",
              List.of("status", "--config", config.toString(), "--portfolio", PORTFOLIO, "--json"));
      assertThat(status.awaitExit(RunnerWaits.TIMEOUT)).as(status::describe).isZero();
      return new ObjectMapper().readTree(status.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }
}
