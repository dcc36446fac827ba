package io.tradecore.app.cli;

import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Portfolio settings in words, and the check of a portfolio name before anything is written. */
final class PortfolioText {
  private PortfolioText() {}

  /** Checked before anything is written, so a bad name never creates a database. */
  static void checkName(CommandSpec spec, String name) {
    try {
      Portfolios.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** "USD, time zone Australia/Sydney, calendar NYSE, starting cash 100,000.00 USD". */
  static String basics(PortfolioSettings s) {
    return s.baseCurrency()
        + ", time zone "
        + s.timeZone().getId()
        + ", calendar "
        + s.calendar()
        + ", starting cash "
        + SummaryText.money(s.startingCash(), s.baseCurrency());
  }

  /** "max order value 10,000.00 USD, max open positions 3", or "none". */
  static String caps(PortfolioSettings s) {
    Caps c = s.caps();
    List<String> parts = new ArrayList<>();
    money(parts, "max order value", c.maxOrderValue(), s);
    money(parts, "max gross exposure", c.maxGrossExposure(), s);
    if (c.maxOpenPositions() != null) {
      parts.add("max open positions " + c.maxOpenPositions());
    }
    money(parts, "max position value", c.maxPositionValue(), s);
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** "widen stops and targets by 2% overnight", or "none". */
  static String overnight(PortfolioSettings s) {
    OvernightSettings o = s.overnight();
    if (o.mode() == OvernightMode.NONE || o.widen().signum() == 0) {
      return "none";
    }
    String widen = o.widen().stripTrailingZeros().toPlainString();
    return o.mode() == OvernightMode.PERCENT
        ? "widen stops and targets by " + widen + "% overnight"
        : String.format(
            Locale.ROOT, "widen stops and targets by %s ATR(%d) overnight", widen, o.atrPeriod());
  }

  private static void money(
      List<String> parts, String label, BigDecimal value, PortfolioSettings s) {
    if (value != null) {
      parts.add(label + " " + SummaryText.money(value, s.baseCurrency()));
    }
  }
}
