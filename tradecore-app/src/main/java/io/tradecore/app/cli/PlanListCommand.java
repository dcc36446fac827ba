package io.tradecore.app.cli;

import io.tradecore.runner.PlanDesk;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.PlanRequestRepository.Request;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.web.Json;
import io.tradecore.web.view.PlanView;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore plan list}: a portfolio's open plans and the requests still queued. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List a portfolio's open plans (pending an entry or active), a strategy's and those opened"
          + " by hand, and the plan requests not applied yet."
    })
public final class PlanListCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      description = "Config file (default: TRADECORE_CONFIG or ./tradecore.yaml).")
  private java.nio.file.Path config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  @Option(names = "--json", description = "Print one JSON object: plans and pending_requests.")
  private boolean json;

  /** How many of the latest requests the list shows. */
  static final int RECENT = 10;

  public PlanListCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = Workspace.open(config, env, true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(portfolio);
      PlanDesk desk = new PlanDesk(ws.db(), record, clock);
      List<PlanView> plans = PlanCommand.views(desk);
      List<Request> pending = desk.pending();
      List<Request> latest = desk.latest(RECENT);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("portfolio", record.name());
        m.put("plans", plans);
        m.put("pending_requests", pending.stream().map(PlanDesk::json).toList());
        m.put("recent_requests", latest.stream().map(PlanDesk::json).toList());
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        out.flush();
        return 0;
      }
      if (plans.isEmpty()) {
        out.println("portfolio " + record.name() + " has no open plans");
      } else {
        TextTable table =
            new TextTable(
                "PLAN", "SYMBOL", "SIDE", "STATUS", "HELD", "STOP", "TARGET", "MARK", "OPENED",
                "RUN");
        for (PlanView v : plans) {
          table.row(
              v.planId(),
              v.symbol(),
              v.side(),
              v.status(),
              v.openQuantity().stripTrailingZeros().toPlainString(),
              PlanCommand.level(v.effectiveStop()),
              PlanCommand.level(v.target()),
              PlanCommand.level(v.mark()),
              v.created(),
              v.runId() == null ? "" : v.runId());
        }
        out.print(table);
      }
      if (!latest.isEmpty()) {
        out.println();
        out.println("latest requests:");
        for (Request r : latest) {
          out.println("  " + describe(r));
        }
      }
      out.flush();
    }
    return 0;
  }

  /** One request on a line: when, what, and what became of it. */
  static String describe(Request r) {
    String what =
        switch (r.kind()) {
          case OPEN ->
              "open "
                  + r.side().toLowerCase(Locale.ROOT)
                  + " "
                  + r.quantity().toPlainString()
                  + " "
                  + r.symbol()
                  + (r.stop() != null ? " stop " + r.stop().toPlainString() : "")
                  + (r.target() != null ? " target " + r.target().toPlainString() : "");
          case ADJUST ->
              "adjust "
                  + r.planId()
                  + (r.stop() != null ? " stop " + r.stop().toPlainString() : "")
                  + (r.target() != null ? " target " + r.target().toPlainString() : "");
          case CLOSE -> "close " + r.planId();
        };
    String outcome =
        switch (r.status()) {
          case PENDING -> "queued";
          case ACCEPTED -> "accepted: " + r.resultPlan();
          case REFUSED -> "refused: " + r.reason();
        };
    return r.createdAt() + " " + r.id() + " (" + r.origin() + ") " + what + " -> " + outcome;
  }
}
