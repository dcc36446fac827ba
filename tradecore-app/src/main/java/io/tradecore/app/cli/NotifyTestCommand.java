package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.notify.Destination;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.runner.notify.Sender;
import io.tradecore.runner.notify.TestMessage;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore notify test}: a test message to each of a portfolio's destinations. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Send a test message to every notification destination of a portfolio and report each"
          + " result.",
      "The message goes straight out, not through the outbox; exits 1 if any destination failed."
    })
public final class NotifyTestCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  public NotifyTestCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(portfolio);
      List<Destination> destinations = ws.config().notifications().of(record.name());
      if (destinations.isEmpty()) {
        throw new IllegalArgumentException(
            "portfolio "
                + record.name()
                + " has no notification destinations; add them under 'notifications: "
                + record.name()
                + ":' in the config (see docs/operations.md)");
      }
      Notifications notifications = Notifications.of(record, destinations);
      Map<String, Sender.Outcome> results =
          TestMessage.sendAll(record, notifications, clock.instant());
      PrintWriter out = spec.commandLine().getOut();
      int failed = 0;
      for (Destination d : destinations) {
        Sender.Outcome outcome = results.get(d.name());
        String type = d.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String said =
            switch (outcome) {
              case Sender.Outcome.Sent s -> "sent";
              case Sender.Outcome.Retry r ->
                  "FAILED (passing: "
                      + r.reason()
                      + (r.after() == null
                          ? ""
                          : "; it asks to wait " + r.after().toSeconds() + " s")
                      + ")";
              case Sender.Outcome.Refused r -> "FAILED (refused: " + r.reason() + ")";
            };
        failed += outcome instanceof Sender.Outcome.Sent ? 0 : 1;
        out.printf("%s (%s): %s%n", d.name(), type, said);
      }
      out.printf(
          "notify test: portfolio %s, %d of %d destination(s) reached%n",
          record.name(), destinations.size() - failed, destinations.size());
      out.flush();
      return failed == 0 ? 0 : 1;
    }
  }
}
