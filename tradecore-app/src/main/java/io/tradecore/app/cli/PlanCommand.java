package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.core.domain.Instrument;
import io.tradecore.runner.PlanDesk;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.PlanRequestRepository.Request;
import io.tradecore.store.PlanRequestRepository.Status;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.PlanQueries;
import io.tradecore.web.view.PlanView;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore plan}: a trader's hand on a portfolio's plans, the parent of {@code open},
 * {@code adjust}, {@code close} and {@code list}. A request goes to the portfolio's durable inbox;
 * the runner that trades the portfolio applies it on its next loop turn, through risk. When no
 * runner holds the portfolio, the command applies it itself: it takes the portfolio's lease for a
 * moment, as {@code resync} does.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Open, adjust, close and list a portfolio's plans by hand.",
      "A request goes through the portfolio's risk caps and is applied at once: by the runner"
          + " trading the portfolio (on its next loop turn), or, when none is, by this command,"
          + " which takes the portfolio's lease for a moment. A plan opened by hand is monitored"
          + " like a strategy's: stop, target, trailing and overnight widening."
    })
public final class PlanCommand implements Runnable {
  /** Exit code of a request the runner refused (risk, a level on the wrong side of the price). */
  static final int REFUSED = 1;

  /** Exit code of a request still queued when the wait ran out. */
  static final int QUEUED = 3;

  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Clock clock, Map<String, String> env) {
    return new CommandLine(new PlanCommand())
        .addSubcommand(new PlanOpenCommand(clock, env))
        .addSubcommand(new PlanAdjustCommand(clock, env))
        .addSubcommand(new PlanCloseCommand(clock, env))
        .addSubcommand(new PlanListCommand(clock, env));
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing subcommand; use plan open, plan adjust, plan close or plan list");
  }

  /** The options every plan command takes. */
  static final class Common {
    @Option(
        names = "--config",
        description = "Config file (default: TRADECORE_CONFIG or ./tradecore.yaml).")
    Path config;

    @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
    String portfolio;

    @Option(
        names = "--wait",
        defaultValue = "10",
        paramLabel = "SECONDS",
        description =
            "How long to wait for the runner's answer (default ${DEFAULT-VALUE}); a request not"
                + " answered by then stays queued.")
    long waitSeconds;

    @Option(names = "--json", description = "Print the request's outcome as one JSON object.")
    boolean json;
  }

  /**
   * Queues the request {@code make} builds, waits for its outcome and prints it. A request the desk
   * refuses before queueing is a usage error naming the option.
   */
  static int submit(
      CommandSpec spec,
      Common common,
      Clock clock,
      Map<String, String> env,
      Function<PlanDesk, Request> make,
      Function<PlanDesk, String> accepted) {
    if (common.waitSeconds < 0) {
      throw new ParameterException(
          spec.commandLine(), "--wait must be 0 or more seconds but was " + common.waitSeconds);
    }
    try (Workspace ws = Workspace.open(common.config, env, true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(common.portfolio);
      PlanDesk desk = new PlanDesk(ws.db(), record, clock);
      Request queued;
      try {
        queued = make.apply(desk);
      } catch (PlanDesk.InvalidRequest e) {
        String option = e.option().equals("plan") ? "PLAN_ID" : "--" + e.option();
        throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
      }
      AtomicReference<String> ownRun = new AtomicReference<>();
      PlanDesk.RunnerOpener own =
          PlanDesk.opener(
              ws.db(),
              record,
              ws.config(),
              env,
              RunCommand.hostName(),
              ProcessHandle.current().pid(),
              clock);
      PlanDesk.RunnerOpener opener =
          () -> {
            PortfolioRunner runner = own.open();
            ownRun.set(runner.runId().value());
            return runner;
          };
      Request done = desk.await(queued.id(), Duration.ofSeconds(common.waitSeconds), opener);
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        out.println(io.tradecore.app.output.Json.write(PlanDesk.json(done)));
        out.flush();
        return exitCode(done);
      }
      switch (done.status()) {
        case ACCEPTED -> {
          out.println(accepted.apply(desk).replace("{plan}", done.resultPlan()));
          if (done.appliedBy() != null && done.appliedBy().equals(ownRun.get())) {
            out.println(
                "no runner was trading portfolio "
                    + record.name()
                    + ": applied by run "
                    + done.appliedBy()
                    + ", which held the portfolio for the moment; orders fill once a runner"
                    + " trades it again");
          } else {
            out.println("applied by run " + done.appliedBy() + " (request " + done.id() + ")");
          }
        }
        case REFUSED -> {
          PrintWriter err = spec.commandLine().getErr();
          err.println("refused: " + done.reason() + " (request " + done.id() + ")");
          err.flush();
        }
        case PENDING ->
            out.println(
                "queued: request "
                    + done.id()
                    + " has not been applied within "
                    + common.waitSeconds
                    + " s; "
                    + desk.holder()
                        .map(
                            x ->
                                "run "
                                    + x.run().value()
                                    + " on host "
                                    + x.host()
                                    + " (pid "
                                    + x.pid()
                                    + ") holds portfolio "
                                    + record.name()
                                    + " and applies it on its next loop turn (if that runner has"
                                    + " died, the next runner or plan command does once its lease"
                                    + " lapses at "
                                    + x.expiresAt()
                                    + ")")
                        .orElse(
                            "the next runner or plan command on portfolio "
                                + record.name()
                                + " applies it")
                    + "; see tradecore plan list --portfolio "
                    + record.name());
      }
      out.flush();
      return exitCode(done);
    }
  }

  private static int exitCode(Request done) {
    return done.status() == Status.ACCEPTED
        ? 0
        : done.status() == Status.REFUSED ? REFUSED : QUEUED;
  }

  /** The open plan {@code id} as the API shows it, or null. */
  static PlanView view(PlanDesk desk, String id) {
    return views(desk).stream().filter(v -> v.planId().equals(id)).findFirst().orElse(null);
  }

  /** The portfolio's open plans as the API shows them. */
  static List<PlanView> views(PlanDesk desk) {
    Map<String, BigDecimal> marks = desk.lastPrices();
    Map<String, Instrument> known = desk.instruments();
    return desk.openPlans().stream()
        .map((PlanQueries.Row r) -> PlanView.of(r, known.get(r.symbol()), marks.get(r.symbol())))
        .toList();
  }

  /** A level for text: the price, or "none". */
  static String level(BigDecimal price) {
    return price == null ? "none" : io.tradecore.web.Json.decimal(price);
  }
}
