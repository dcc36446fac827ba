package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.core.domain.RunId;
import io.tradecore.runner.FillImporter;
import io.tradecore.runner.Lease;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradecore import fills}: adds a CSV fill history to a portfolio, each fill once. */
@Command(
    name = "fills",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Import a fill history (trades made elsewhere) into a portfolio.",
      "A fill whose trade_id is already stored is skipped, so importing the same file twice adds"
          + " nothing. The whole file is checked before anything is written. Refused while a"
          + " runner trades the portfolio.",
      "",
      "CSV format, one fill per line, with this header (columns in any order):",
      "  trade_id,time,symbol,side,quantity,price,fee[,order_id,bot_version]",
      "  trade_id     the exchange's unique trade id",
      "  time         ISO-8601 instant (2024-03-01T14:30:00Z) or date (2024-03-01),",
      "               a date meaning midnight UTC",
      "  symbol       instrument, priced in the portfolio's base currency",
      "  side         BUY or SELL",
      "  quantity     greater than 0",
      "  price        greater than 0, in the portfolio's base currency",
      "  fee          0 or more, in the base currency",
      "  order_id     optional client order id (default import-<trade_id>)",
      "  bot_version  optional (default import)",
      "Example:",
      "  trade_id,time,symbol,side,quantity,price,fee",
      "  T-1001,2024-03-01T14:30:00Z,ORCL,BUY,10,112.50,1.00",
      ""
    })
public final class ImportFillsCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  @Parameters(paramLabel = "FILE.csv", description = "The fills to import.")
  private Path file;

  public ImportFillsCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(portfolio);
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new IllegalArgumentException(file + " does not exist or is not readable");
      }
      RunId importer = new RunId("import-" + clock.instant().toEpochMilli());
      // The lease keeps a runner from trading on a ledger that changes under it.
      Lease lease =
          Lease.acquire(
              ws.db(),
              record.id(),
              record.name(),
              importer,
              RunCommand.hostName(),
              ProcessHandle.current().pid(),
              ws.config().runner().lease(),
              ws.config().runner().heartbeat(),
              clock);
      FillImporter.Result result;
      try {
        result = FillImporter.importFile(ws.db(), record, file, clock);
      } finally {
        lease.close();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "imported %d new fill(s), %d already present (portfolio %s, %s)%n",
          result.added(), result.alreadyThere(), record.name(), file);
      out.flush();
    }
    return 0;
  }
}
