package io.tradecore.app.cli;

import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import java.math.BigDecimal;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The flags of a new portfolio's risk caps and overnight policy, over the configuration's. */
public final class RiskOptions {
  @Option(
      names = "--max-order-value",
      paramLabel = "V",
      description = "Risk cap: largest value of one order, in the base currency.")
  BigDecimal maxOrderValue;

  @Option(
      names = "--max-gross-exposure",
      paramLabel = "V",
      description = "Risk cap: largest total value of all positions.")
  BigDecimal maxGrossExposure;

  @Option(
      names = "--max-open-positions",
      paramLabel = "N",
      description = "Risk cap: most instruments held at once.")
  Integer maxOpenPositions;

  @Option(
      names = "--max-position-value",
      paramLabel = "V",
      description = "Risk cap: largest value held in one instrument.")
  BigDecimal maxPositionValue;

  @Option(
      names = "--overnight",
      paramLabel = "MODE",
      description = "Overnight policy: percent, atr or none (default: from the configuration).")
  OvernightMode overnight;

  @Option(
      names = "--overnight-widen",
      paramLabel = "X",
      description = "How far stops and targets widen overnight: percent of price, or ATR multiple.")
  BigDecimal overnightWiden;

  /** {@code base} with every flag given laid over it; a bad value is a usage error naming it. */
  PortfolioSettings apply(PortfolioSettings base, CommandSpec spec) {
    PortfolioSettings s = base;
    s = caps(s, spec, "--max-order-value", maxOrderValue, null, null, null);
    s = caps(s, spec, "--max-gross-exposure", null, maxGrossExposure, null, null);
    s = caps(s, spec, "--max-open-positions", null, null, maxOpenPositions, null);
    s = caps(s, spec, "--max-position-value", null, null, null, maxPositionValue);
    if (overnight != null || overnightWiden != null) {
      PortfolioSettings b = s;
      OvernightSettings o = b.overnight();
      String option = overnightWiden != null ? "--overnight-widen" : "--overnight";
      s =
          PortfolioSettingsOptions.check(
              spec,
              option,
              () ->
                  with(
                      b,
                      b.caps(),
                      new OvernightSettings(
                          overnight == null ? o.mode() : overnight,
                          overnightWiden == null ? o.widen() : overnightWiden,
                          o.atrPeriod())));
    }
    return s;
  }

  private static PortfolioSettings caps(
      PortfolioSettings b,
      CommandSpec spec,
      String option,
      BigDecimal order,
      BigDecimal gross,
      Integer positions,
      BigDecimal position) {
    if (order == null && gross == null && positions == null && position == null) {
      return b;
    }
    Caps c = b.caps();
    return PortfolioSettingsOptions.check(
        spec,
        option,
        () ->
            with(
                b,
                new Caps(
                    order != null ? order : c.maxOrderValue(),
                    gross != null ? gross : c.maxGrossExposure(),
                    positions != null ? positions : c.maxOpenPositions(),
                    position != null ? position : c.maxPositionValue()),
                b.overnight()));
  }

  private static PortfolioSettings with(
      PortfolioSettings b, Caps caps, OvernightSettings overnight) {
    return new PortfolioSettings(
        b.baseCurrency(), b.timeZone(), b.calendar(), b.startingCash(), caps, overnight, b.tiers());
  }
}
