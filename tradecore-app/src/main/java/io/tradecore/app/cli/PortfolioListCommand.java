package io.tradecore.app.cli;

import io.tradecore.app.output.Json;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore portfolio list}: every portfolio with its basic settings. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the portfolios.")
public final class PortfolioListCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--json", description = "Print a JSON array of objects.")
  private boolean json;

  public PortfolioListCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      List<PortfolioRecord> all = new Portfolios(ws.db()).list();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        all.forEach(p -> rows.add(basics(p)));
        out.println(Json.write(rows));
      } else if (all.isEmpty()) {
        out.println("no portfolios yet; create one with ./tradecore portfolio create NAME");
      } else {
        TextTable table =
            new TextTable("NAME", "ID", "CURRENCY", "TIME ZONE", "CALENDAR", "STARTING CASH");
        for (PortfolioRecord p : all) {
          table.row(
              p.name(),
              p.id().value(),
              p.baseCurrency(),
              p.timeZone(),
              p.calendar(),
              TextTable.money(p.startingCash()));
        }
        out.print(table);
      }
      out.flush();
    }
    return 0;
  }

  /** The stored columns of a portfolio as JSON keys. */
  static Map<String, Object> basics(PortfolioRecord p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("id", p.id().value());
    m.put("base_currency", p.baseCurrency());
    m.put("time_zone", p.timeZone());
    m.put("calendar", p.calendar());
    m.put("starting_cash", p.startingCash());
    m.put("created_at", p.createdAt().toString());
    return m;
  }
}
