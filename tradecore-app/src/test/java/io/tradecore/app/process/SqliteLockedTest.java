package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.runner.config.PortfolioSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite a process frozen inside a commit keeps the database's write lock (issue 13): a runner
 * that cannot take its lease then must not fail with a bare "Failed to start transaction" but say
 * which process holds the database and that it is stopped.
 */
class SqliteLockedTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private TestStore store;
  private CliLauncher holders;
  private CliLauncher runners;

  @AfterEach
  void tearDown() {
    if (runners != null) {
      runners.close();
    }
    if (holders != null) {
      holders.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void a_runner_locked_out_by_a_stopped_process_names_it() throws Exception {
    Path data = dir.resolve("data");
    store = TestStore.sqlite(data);
    store.createPortfolio("locked", PortfolioSettings.DEFAULTS);
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), 30, 3, "ACME");
    holders = new CliLauncher(dir, store.env(), WriteLockHolderMain.class.getName());
    CliProcess holder = holders.start("holder", List.of(data.resolve("tradecore.db").toString()));
    Await.until(
        RunnerWaits.TIMEOUT,
        () -> "the holder to lock the database: " + holder.describe(),
        () -> holder.stdout().contains("locked"));
    holder.pause();

    runners = new CliLauncher(dir, store.env());
    CliProcess runner =
        runners.start(
            "runner",
            List.of(
                "run", "--portfolio", "locked", "--strategy", "sma-cross", "--feed", feed.spec()));
    assertThat(runner.awaitExit(RunnerWaits.TIMEOUT)).as(runner::describe).isEqualTo(1);
    assertThat(runner.stderr().strip())
        .as(runner::describe)
        .startsWith("error: cannot take the lease on portfolio locked: the database ")
        .contains("stayed locked for writing", "pid " + holder.pid() + " (", "; stopped)")
        .doesNotContain("\n");
    holder.resume();
  }
}
