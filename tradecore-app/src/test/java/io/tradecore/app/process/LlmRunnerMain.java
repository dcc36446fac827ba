package io.tradecore.app.process;

import io.tradecore.app.cli.Workspace;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.runner.llm.LlmRun;
import io.tradecore.runner.paper.PaperExchange;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A runner process trading with the LLM strategy as {@code tradecore run --strategy llm} does (the
 * {@code llm:} section of the config file, OPENAI_* variables), at a given pace. Arguments: CONFIG
 * PORTFOLIO FEED BARS_PER_SECOND.
 */
public final class LlmRunnerMain {
  private LlmRunnerMain() {}

  public static void main(String[] args) throws Exception {
    try (Workspace ws = Workspace.open(Path.of(args[0]), System.getenv(), true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(args[1]);
      PortfolioSettings settings = Portfolios.settings(record);
      ExecutionCosts costs =
          new ExecutionCosts(new BigDecimal("5"), BigDecimal.ONE, BigDecimal.ZERO, 2);
      RunnerOptions options =
          new RunnerOptions(
              LlmStrategy.NAME,
              Map.of(),
              "llm-test",
              costs,
              null,
              ws.config().runner().lease(),
              ws.config().runner().heartbeat(),
              Double.parseDouble(args[3]),
              "localhost",
              ProcessHandle.current().pid());
      Clock clock = Clock.systemUTC();
      try (LlmRun llm =
              new LlmRun(
                  ws.db(), record, settings, ws.config().llm(), options.botVersion(), clock);
          PortfolioRunner runner =
              PortfolioRunner.open(
                  ws.db(),
                  record,
                  settings,
                  options,
                  clock,
                  llm,
                  PaperExchange.factory(costs, options.volumeShare()))) {
        int applied =
            runner.run(
                ReplayFeed.open(args[2], record.baseCurrency(), Path.of("").toAbsolutePath()));
        System.out.println("applied " + applied + " events");
      }
    }
  }
}
