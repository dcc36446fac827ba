package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.app.output.Json;
import io.tradecore.runner.PortfolioStatus;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.OutboxRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.RunnerPresence;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore status}: a portfolio's cash, equity, PnL, positions, plans and last run. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Show a portfolio's cash, equity, PnL, positions, plans and last run.",
      "Cash, equity, realized/unrealized/total PnL, fees, gross exposure, open positions, open"
          + " plans with their stops and targets, the number of fills, the last run and the last"
          + " market event; which runner trades it now and which stand by to take it over.",
      "Rebuilt from the stored fills, whichever runs made them; positions are marked at the last"
          + " prices the runner saw. Reads only: it works while a runner trades."
    })
public final class StatusCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  public StatusCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(portfolio);
      PortfolioStatus status = PortfolioStatus.of(ws.db(), record);
      RunnerPresence runners =
          ws.db()
              .jdbi()
              .withHandle(
                  h ->
                      RunnerPresence.of(
                          h, record.id(), Instant.now(), ws.config().runner().lease()));
      List<OutboxRepository.Backlog> backlog =
          ws.db().jdbi().withHandle(h -> new OutboxRepository().backlog(h, record.id()));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>(StatusView.json(status));
        m.put("runner", runners.json());
        m.put("notifications", backlog.stream().map(StatusCommand::json).toList());
        out.print(Json.write(m) + System.lineSeparator());
      } else {
        out.print(StatusView.text(status));
        out.printf("traded by: %s%nstandbys: %s%n", runners.lines().get(0), runners.lines().get(1));
        if (!backlog.isEmpty()) {
          out.printf(
              "notifications: %s%n",
              String.join("; ", backlog.stream().map(StatusCommand::text).toList()));
        }
      }
      out.flush();
    }
    return 0;
  }

  /** One destination's outbox: what waits (since when, why), what was given up. */
  static String text(OutboxRepository.Backlog b) {
    StringBuilder s = new StringBuilder(b.destination()).append(": ");
    if (b.waiting() == 0) {
      s.append("all sent");
    } else {
      s.append(b.waiting()).append(" waiting since ").append(b.oldestWaiting());
      if (b.lastError() != null) {
        s.append(" (last error: ").append(b.lastError()).append(')');
      }
    }
    if (b.givenUp() > 0) {
      s.append(", ").append(b.givenUp()).append(" given up");
    }
    return s.toString();
  }

  private static Map<String, Object> json(OutboxRepository.Backlog b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("destination", b.destination());
    m.put("waiting", b.waiting());
    m.put("given_up", b.givenUp());
    m.put("oldest_waiting", b.oldestWaiting() == null ? null : b.oldestWaiting().toString());
    m.put("last_error", b.lastError());
    return m;
  }
}
