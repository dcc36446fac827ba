package io.tradecore.app.cli;

import io.tradecore.web.view.PlanView;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradecore plan adjust}: moves an open plan's stop and/or target. */
@Command(
    name = "adjust",
    mixinStandardHelpOptions = true,
    description = {
      "Move an open plan's stop and/or target (any open plan: a strategy's or one opened by hand)."
          + " Plan ids belong to a portfolio, so --portfolio is needed."
    })
public final class PlanAdjustCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private PlanCommand.Common common;

  @Parameters(index = "0", paramLabel = "PLAN_ID", description = "The plan (see plan list).")
  private String planId;

  @Option(names = "--stop", paramLabel = "X", description = "New stop price.")
  private BigDecimal stop;

  @Option(names = "--target", paramLabel = "Y", description = "New target price.")
  private BigDecimal target;

  public PlanAdjustCommand(Clock clock, Map<String, String> env) {
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
        desk -> desk.adjust(planId, stop, target, "cli"),
        desk -> {
          PlanView v = PlanCommand.view(desk, planId);
          return v == null
              ? "{plan} adjusted"
              : "{plan} adjusted: stop "
                  + PlanCommand.level(v.stop())
                  + ", target "
                  + PlanCommand.level(v.target());
        });
  }
}
