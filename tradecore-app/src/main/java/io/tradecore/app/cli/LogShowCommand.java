package io.tradecore.app.cli;

import io.tradecore.app.output.Json;
import io.tradecore.runner.dailylog.DailyLogText;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore log show}: a portfolio's recent daily logs, oldest first. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print a portfolio's most recent daily logs, oldest first.")
public final class LogShowCommand implements Callable<Integer> {
  static final int MAX_DAYS = 1000;

  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "5",
      description = "How many days, 1-1000 (${DEFAULT-VALUE}).")
  private int last;

  @Option(names = "--json", description = "Print a JSON array, one object per day.")
  private boolean json;

  public LogShowCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    if (last < 1 || last > MAX_DAYS) {
      throw new ParameterException(
          spec.commandLine(), "--last " + last + " is out of range; use 1 to " + MAX_DAYS);
    }
    try (PortfolioLogs p = PortfolioLogs.open(config.file(), env, portfolio, clock)) {
      List<DailyLogRepository.Row> rows = p.logs().last(last);
      PortfolioRecord record = p.record();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(rows.stream().map(LogJson::of).toList()));
      } else if (rows.isEmpty()) {
        out.printf(
            "portfolio %s has no daily logs yet; ./tradecore run writes one at each close, or"
                + " write one with ./tradecore log daily --portfolio %s%n",
            record.name(), record.name());
      } else {
        for (int i = 0; i < rows.size(); i++) {
          if (i > 0) {
            out.println();
          }
          out.print(DailyLogText.block(record.name(), record.baseCurrency(), rows.get(i)));
        }
      }
      out.flush();
    }
    return 0;
  }
}
