package io.tradecore.app.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradecore plan close}: closes an open plan. */
@Command(
    name = "close",
    mixinStandardHelpOptions = true,
    description = {
      "Close an open plan: withdraw its unfilled entry and exit what it holds at the market (exit"
          + " reason MANUAL). Plan ids belong to a portfolio, so --portfolio is needed."
    })
public final class PlanCloseCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private PlanCommand.Common common;

  @Parameters(index = "0", paramLabel = "PLAN_ID", description = "The plan (see plan list).")
  private String planId;

  public PlanCloseCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    return PlanCommand.submit(
        spec,
        common,
        clock,
        env,
        desk -> desk.close(planId, "cli"),
        desk ->
            "{plan} closing: its unfilled entry is withdrawn and what it holds exits at the"
                + " market");
  }
}
