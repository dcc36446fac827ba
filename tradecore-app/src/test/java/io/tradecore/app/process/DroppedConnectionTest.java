package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dropped PostgreSQL connection does not end a run (issue 20, item 10): while a runner trades,
 * the server ends every connection of the runner three times (as a failover or a restart would);
 * the runner reconnects by itself, runs to the end of the feed, and its books equal an
 * uninterrupted run's.
 */
class DroppedConnectionTest {
  private static final String PORTFOLIO = "dropped";
  private static final String APPLICATION = "tradecore-dropped-runner";
  private static final String ERRORS =
      "SELECT COUNT(*) FROM telemetry_events WHERE portfolio_id = :p AND level = 'ERROR'";

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
  void a_runner_whose_connections_are_dropped_reconnects_and_ends_with_the_same_books()
      throws Exception {
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), 400, 23, "ACME");
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"), "runner:\n  lease_seconds: 2\n  heartbeat_seconds: 1\n");

    TestStore referenceStore = keep(TestStore.postgres());
    PortfolioId reference =
        referenceStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliProcess uninterrupted =
        keep(new CliLauncher(dir.resolve("reference"), referenceStore.env()))
            .start("reference", RunArgs.breakout(config, feed, PORTFOLIO, "0"));

    TestStore store = keep(TestStore.postgres());
    PortfolioId id = store.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    Map<String, String> env = new HashMap<>(store.env());
    String url = env.get("TRADECORE_DB_URL");
    env.put("TRADECORE_DB_URL", url + "?ApplicationName=" + APPLICATION);
    CliProcess runner =
        keep(new CliLauncher(dir.resolve("dropped"), env))
            .start("dropped", RunArgs.breakout(config, feed, PORTFOLIO, "60"));

    int dropped = 0;
    for (int drop = 1; drop <= 3; drop++) {
      RunnerWaits.awaitPosition(store, id, runner, 80L * drop);
      LockSupport.parkNanos(Duration.ofMillis(7 * drop).toNanos());
      dropped += terminate(url);
    }
    assertThat(runner.awaitExit(RunnerWaits.TIMEOUT)).as(runner::describe).isZero();
    assertThat(uninterrupted.awaitExit(RunnerWaits.TIMEOUT)).as(uninterrupted::describe).isZero();
    System.out.printf(
        "dropped connections: %d connections of the runner ended by the server; runner said: %s%n",
        dropped, runner.stderr().strip().replace('\n', '|'));
    assertThat(dropped).as("connections the server ended").isGreaterThanOrEqualTo(3);
    assertThat(runner.stderr()).doesNotContain("Exception", "\tat ");

    List<RunRecord> runs = store.runs(id);
    assertThat(runs.get(runs.size() - 1).endReason()).isEqualTo("feed ended");

    // Each time the runner had to open the portfolio again (none when its commits' retries took
    // every drop) is an error on its trading day (issue 11, item 3).
    long reopened = runner.stderr().lines().filter(l -> l.contains("the database failed")).count();
    assertThat(store.count(ERRORS + " AND kind = 'database'", id)).isEqualTo(reopened);
    Books.assertSame(Books.read(referenceStore.db(), reference), Books.read(store.db(), id));
  }

  /** Ends every connection the runner has open, as the server does on a failover. */
  private static int terminate(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + APPLICATION
                    + "'")) {
      int n = 0;
      while (rs.next()) {
        n += rs.getBoolean(1) ? 1 : 0;
      }
      return n;
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }
}
