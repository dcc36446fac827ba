package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore resync}: brings a portfolio's ledger in line with the paper exchange. */
@Command(
    name = "resync",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Resync a portfolio with its paper exchange account.",
      "Adds the fills the exchange has and the ledger lacks (each stored once), closes the orders"
          + " the exchange closed, and reports any drift. Takes the portfolio's lease, so it is refused while a runner trades it"
          + " (a runner resyncs by itself when it starts)."
    })
public final class ResyncCommand implements Callable<Integer> {
  /** The runner is opened only to restore and resync; it sees no bars and trades nothing. */
  private static final Strategy IDLE = Strategy.idle("resync");

  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  public ResyncCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      Database db = ws.db();
      PortfolioRecord record = new Portfolios(db).find(portfolio);
      RunnerOptions options =
          new RunnerOptions(
              RunRecord.RESYNC,
              Map.of(),
              Version.current(),
              ExecutionCosts.FREE,
              null,
              ws.config().runner().lease(),
              ws.config().runner().heartbeat(),
              0,
              RunCommand.hostName(),
              ProcessHandle.current().pid());
      String run;
      String summary;
      // Opening a runner takes the lease, restores the portfolio and resyncs.
      try (PortfolioRunner runner =
          PortfolioRunner.open(
              db, record, Portfolios.settings(record), options, clock, instrument -> IDLE)) {
        run = runner.runId().value();
        summary = "resync: " + runner.openingResync().summary();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("portfolio %s (run %s) %s%n", record.name(), run, summary);
      out.flush();
    }
    return 0;
  }
}
