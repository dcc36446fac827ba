package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PlanDesk;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.PlanRequestRepository;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trader's request is applied exactly once even when the runner is killed (SIGKILL) after its
 * entry reached a venue that keeps its own books (here the paper exchange committing alone, as a
 * broker does) and before the moment's commit: the plan, its entry and the request's acceptance
 * were written ahead of the entry, so the request is not applied again, the next runner restores
 * the plan and its working entry, and the plan fills once.
 */
class ManualRequestCrashTest {
  static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";
  static final String DAYS =
      "2024-06-03,99.00,101.00,98.00,100.00,100.00,1000000\n"
          + "2024-06-04,100.00,102.00,99.00,101.00,101.00,1000000\n";
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  TestStore store;
  CliLauncher launcher;

  @AfterEach
  void tearDown() {
    if (launcher != null) {
      launcher.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private static RunnerOptions options() {
    return new RunnerOptions(
        "idle",
        Map.of(),
        "crash-test",
        ExecutionCosts.FREE,
        null,
        Duration.ofSeconds(3),
        Duration.ofSeconds(1),
        0,
        "localhost",
        ProcessHandle.current().pid());
  }

  /** Trades the replay file to its end in this process, with a strategy that never trades. */
  private void replay(PortfolioRecord record, Path feed) {
    try (PortfolioRunner runner =
        PortfolioRunner.open(
            store.db(),
            record,
            Portfolios.settings(record),
            options(),
            Clock.systemUTC(),
            instrument -> Strategy.idle("idle"))) {
      runner.run(ReplayFeed.open("replay:" + feed + "@ACME", "USD", dir));
    }
  }

  private long count(String sql, PortfolioId p) {
    return store.count(sql, p);
  }

  @Test
  void a_request_is_applied_once_across_a_kill_between_apply_and_mark() throws Exception {
    store = TestStore.sqlite(dir.resolve("data"));
    PortfolioRecord record = store.createPortfolio("hand", PortfolioSettings.DEFAULTS);
    PortfolioId id = record.id();
    Path feed = dir.resolve("acme.csv");
    Files.writeString(feed, HEADER + DAYS);
    replay(record, feed); // ACME known, last at 101.00

    launcher = new CliLauncher(dir, store.env(), ManualCrashRunnerMain.class.getName());
    Path marker = dir.resolve("submitted");
    CliProcess runner = launcher.start("runner", List.of("hand", marker.toString()));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (store.lease(id).isEmpty()) {
      assertThat(runner.isAlive()).as(runner.describe()).isTrue();
      assertThat(System.nanoTime() - deadline).as("the runner took the lease").isNegative();
      Thread.sleep(50);
    }

    PlanDesk desk = new PlanDesk(store.db(), record, Clock.systemUTC());
    PlanRequestRepository.Request asked =
        desk.open("ACME", Side.BUY, new BigDecimal("10"), new BigDecimal("95"), null, "test");
    while (!Files.exists(marker)) {
      assertThat(runner.isAlive()).as(runner.describe()).isTrue();
      assertThat(System.nanoTime() - deadline).as("the runner applied the request").isNegative();
      Thread.sleep(20);
    }
    assertThat(Files.readString(marker)).isEqualTo("plan-1-entry");
    // The exchange has the entry, and the plan and the request's acceptance went before it; the
    // moment itself is not committed.
    assertThat(count("SELECT COUNT(*) FROM paper_orders WHERE account_id = :p", id)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM plans WHERE portfolio_id = :p", id)).isEqualTo(1);
    assertThat(desk.find(asked.id()).isPending()).isFalse();

    assertThat(runner.kill()).isEqualTo(CliProcess.SIGKILL_EXIT);

    // Nothing is left for a runner (or the desk) to apply.
    PlanRequestRepository.Request done = desk.find(asked.id());
    assertThat(done.status()).isEqualTo(PlanRequestRepository.Status.ACCEPTED);
    assertThat(done.resultPlan()).isEqualTo("plan-1");
    assertThat(count("SELECT COUNT(*) FROM paper_orders WHERE account_id = :p", id))
        .as("the one entry the exchange has")
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM plans WHERE portfolio_id = :p", id)).isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM plan_requests WHERE portfolio_id = :p AND status ="
                    + " 'ACCEPTED'",
                id))
        .isEqualTo(1);

    // The next bar fills the entry once, once the killed runner's lease (3 s) has lapsed.
    while (store.lease(id).map(l -> l.expiresAt().isAfter(Instant.now())).orElse(false)) {
      assertThat(System.nanoTime() - deadline).as("the killed runner's lease lapsed").isNegative();
      Thread.sleep(100);
    }
    Files.writeString(
        feed, HEADER + DAYS + "2024-06-05,101.50,103.00,100.50,102.00,102.00,1000000\n");
    replay(record, feed);
    assertThat(count("SELECT COUNT(*) FROM fills WHERE portfolio_id = :p", id)).isEqualTo(1);
    List<String> plans =
        store
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT status || ' ' || filled FROM plans WHERE portfolio_id = :p")
                        .bind("p", id.value())
                        .mapTo(String.class)
                        .list());
    assertThat(plans).containsExactly("ACTIVE 10.000000");
  }
}
