package io.tradecore.app.cli;

import io.tradecore.core.domain.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore plan open}: opens a plan by hand, with a market entry. */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Open a plan by hand: a market entry of --quantity, with an optional stop and target, through"
          + " the portfolio's risk caps."
    })
public final class PlanOpenCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private PlanCommand.Common common;

  @Option(names = "--symbol", required = true, description = "The instrument.")
  private String symbol;

  @Option(
      names = "--side",
      required = true,
      paramLabel = "buy|sell",
      description = "buy (a long plan) or sell (a short plan).")
  private String side;

  @Option(
      names = "--quantity",
      required = true,
      paramLabel = "N",
      description = "How much to buy or sell (more than 0).")
  private BigDecimal quantity;

  @Option(
      names = "--stop",
      paramLabel = "X",
      description = "Stop price: below the price for a buy, above it for a sell.")
  private BigDecimal stop;

  @Option(
      names = "--target",
      paramLabel = "Y",
      description = "Target price: above the price for a buy, below it for a sell.")
  private BigDecimal target;

  public PlanOpenCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    Side parsed =
        switch (side.toLowerCase(Locale.ROOT)) {
          case "buy" -> Side.BUY;
          case "sell" -> Side.SELL;
          default ->
              throw new ParameterException(
                  spec.commandLine(), "--side: '" + side + "' is not buy or sell");
        };
    return PlanCommand.submit(
        spec,
        common,
        clock,
        env,
        desk -> desk.open(symbol, parsed, quantity, stop, target, "cli"),
        desk ->
            "{plan} opened: "
                + side.toLowerCase(Locale.ROOT)
                + " "
                + quantity.toPlainString()
                + " "
                + symbol.toUpperCase(Locale.ROOT)
                + " at the market, stop "
                + PlanCommand.level(stop)
                + ", target "
                + PlanCommand.level(target));
  }
}
