package io.tradecore.strategies;

import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.strategy.api.InstrumentStrategyProvider;
import io.tradecore.strategy.api.Param;
import io.tradecore.strategy.api.Parameters;
import io.tradecore.strategy.api.Params;
import java.math.BigDecimal;

/** {@code --strategy breakout}: {@link Breakout}. */
public final class BreakoutProvider implements InstrumentStrategyProvider {
  @Override
  public String name() {
    return "breakout";
  }

  @Override
  public String description() {
    return "Donchian-channel breakout, long, short or both, with a stop and a target in ATRs.";
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(
        Param.integer("channel", 20, "Bars in the channel whose highest high a close breaks.")
            .min("2"),
        Param.integer("atr", 14, "Bars in the ATR.").min("1"),
        Param.decimal("stop-atr", "2", "Stop distance from the close (against the trade), in ATRs.")
            .above("0"),
        Param.decimal(
                "target-atr", "4", "Target distance from the close (with the trade), in ATRs.")
            .above("0"),
        Param.decimal("trail-atr", "0", "Trailing stop distance in ATRs; 0 for none.").min("0"),
        Param.decimal("cash-share", "0.5", "Share of the cash one entry spends.")
            .above("0")
            .max("1"),
        Param.text(
            "direction",
            "long",
            "long: buy a close above the channel; short: sell a close below it; both."));
  }

  @Override
  public StrategyFactory factory(Params params) {
    int channel = params.integer("channel");
    int atr = params.integer("atr");
    double stop = params.number("stop-atr");
    double target = params.number("target-atr");
    double trail = params.number("trail-atr");
    BigDecimal share = params.decimal("cash-share");
    Breakout.Direction direction = Breakout.Direction.parse(params.text("direction"));
    new Breakout(channel, atr, stop, target, trail, share, direction);
    return instrument -> new Breakout(channel, atr, stop, target, trail, share, direction);
  }
}
