package io.tradecore.web.browser;

import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A runner in another process: opens the database at a JDBC URL, and trades one portfolio over a
 * replay feed with a strategy that opens nothing, so only orders already working (a pending limit
 * entry) can fill. Arguments: JDBC URL, data folder, portfolio name, feed spec, bot_version.
 */
public final class RemoteRunnerMain {
  private RemoteRunnerMain() {}

  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: RemoteRunnerMain JDBC_URL DATA_DIR PORTFOLIO FEED BOT_VERSION");
      System.exit(2);
    }
    try (Database db = Database.open(args[0], null, null, 2)) {
      PortfolioRecord record = new Portfolios(db).find(args[2]);
      PortfolioSettings settings = Portfolios.settings(record);
      RunnerOptions options =
          new RunnerOptions(
              "idle",
              Map.of(),
              args[4],
              ExecutionCosts.of(5, 1, 0),
              null,
              Duration.ofSeconds(10),
              Duration.ofSeconds(3),
              0,
              "browser-test-remote",
              ProcessHandle.current().pid());
      Clock clock = Clock.systemUTC();
      Path dir = Path.of(args[1]);
      try (PortfolioRunner runner =
          PortfolioRunner.open(db, record, settings, options, clock, BrowserSeed.idle())) {
        runner.writeDailyLogs(
            new DailyLogs(db, record, settings, DailyLogs.textFileFor(dir, record.name()), clock));
        int applied = runner.run(ReplayFeed.open(args[3], settings.baseCurrency(), dir));
        System.out.println("applied " + applied + " event(s) to " + record.name());
      }
    }
  }
}
