package io.tradecore.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.app.Version;
import io.tradecore.app.output.Json;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import io.tradecore.store.RunRepository;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradecore portfolio show NAME}: a portfolio's settings and runs. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Show a portfolio's settings, when it was created, and its runs.")
public final class PortfolioShowCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The portfolio.")
  private String name;

  @Mixin private ConfigOption config;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  public PortfolioShowCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      PortfolioRecord p = new Portfolios(ws.db()).find(name);
      List<RunRecord> runs = ws.db().jdbi().withHandle(h -> new RunRepository().all(h, p.id()));
      RunRecord last = runs.stream().filter(RunRecord::trades).reduce((a, b) -> b).orElse(null);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = PortfolioListCommand.basics(p);
        m.put(
            "settings",
            JSON.readValue(p.settingsJson(), new TypeReference<Map<String, Object>>() {}));
        m.put("runs", runs.size());
        m.put("last_run", RunView.json(last));
        out.println(Json.write(m));
      } else {
        PortfolioSettings s = Portfolios.settings(p);
        out.printf("portfolio %s (%s)%n", p.name(), p.id().value());
        line(out, "created", p.createdAt().toString());
        line(out, "base currency", s.baseCurrency());
        line(out, "time zone", s.timeZone().getId());
        line(out, "calendar", s.calendar());
        line(out, "starting cash", SummaryText.money(s.startingCash(), s.baseCurrency()));
        line(out, "caps", PortfolioText.caps(s));
        line(out, "overnight", PortfolioText.overnight(s));
        line(out, "runs", Integer.toString(runs.size()));
        line(out, "last run", RunView.line(last));
      }
      out.flush();
    }
    return 0;
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf("  %-16s%s%n", label, value);
  }
}
