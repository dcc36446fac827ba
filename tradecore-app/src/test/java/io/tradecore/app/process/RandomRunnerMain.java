package io.tradecore.app.process;

import io.tradecore.app.cli.Workspace;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.runner.paper.PaperExchange;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A runner process trading with {@link RandomAnswers}, configured like {@code tradecore run}
 * (TRADECORE_* variables and a config file). Arguments: CONFIG PORTFOLIO FEED BARS_PER_SECOND.
 */
public final class RandomRunnerMain {
  private RandomRunnerMain() {}

  public static void main(String[] args) throws Exception {
    try (Workspace ws = Workspace.open(Path.of(args[0]), System.getenv(), true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(args[1]);
      ExecutionCosts costs =
          new ExecutionCosts(new BigDecimal("5"), BigDecimal.ONE, BigDecimal.ZERO, 2);
      RunnerOptions options =
          new RunnerOptions(
              "random-answers",
              Map.of(),
              "random-test",
              costs,
              null,
              ws.config().runner().lease(),
              ws.config().runner().heartbeat(),
              Double.parseDouble(args[3]),
              "localhost",
              ProcessHandle.current().pid());
      try (PortfolioRunner runner =
          PortfolioRunner.open(
              ws.db(),
              record,
              Portfolios.settings(record),
              options,
              Clock.systemUTC(),
              new RandomAnswers(),
              PaperExchange.factory(costs, options.volumeShare()))) {
        int applied =
            runner.run(
                ReplayFeed.open(args[2], record.baseCurrency(), Path.of("").toAbsolutePath()));
        System.out.println("applied " + applied + " events");
      }
    }
  }
}
