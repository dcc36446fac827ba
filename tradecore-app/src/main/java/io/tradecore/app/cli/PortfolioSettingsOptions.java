package io.tradecore.app.cli;

import io.tradecore.runner.config.PortfolioSettings;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The flags of a new portfolio's basic settings, each overriding the configuration's value. */
public final class PortfolioSettingsOptions {
  @Option(
      names = "--starting-cash",
      paramLabel = "X",
      description = "Starting capital (default: from the configuration, else 100000).")
  BigDecimal startingCash;

  @Option(
      names = "--currency",
      paramLabel = "CCY",
      description = "Base currency, e.g. USD (default: from the configuration, else USD).")
  String currency;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "Reporting time zone (default: from the configuration, else Australia/Sydney).")
  String timeZone;

  @Option(
      names = "--calendar",
      paramLabel = "CAL",
      description = "Trading calendar: NYSE, ASX or CRYPTO_24_7 (default: configuration, NYSE).")
  String calendar;

  /** {@code base} with every flag given laid over it; a bad value is a usage error naming it. */
  PortfolioSettings apply(PortfolioSettings base, CommandSpec spec) {
    PortfolioSettings s = base;
    if (currency != null) {
      PortfolioSettings b = s;
      s =
          check(
              spec,
              "--currency",
              () ->
                  new PortfolioSettings(
                      currency.strip(),
                      b.timeZone(),
                      b.calendar(),
                      b.startingCash(),
                      b.caps(),
                      b.overnight(),
                      b.tiers()));
    }
    if (timeZone != null) {
      ZoneId zone;
      try {
        zone = ZoneId.of(timeZone.strip());
      } catch (DateTimeException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--time-zone '" + timeZone + "' is not a time zone (e.g. Australia/Sydney, UTC)");
      }
      s = withZone(s, zone);
    }
    if (calendar != null) {
      PortfolioSettings b = s;
      s =
          check(
              spec,
              "--calendar",
              () ->
                  new PortfolioSettings(
                      b.baseCurrency(),
                      b.timeZone(),
                      calendar.strip().toUpperCase(Locale.ROOT),
                      b.startingCash(),
                      b.caps(),
                      b.overnight(),
                      b.tiers()));
    }
    if (startingCash != null) {
      PortfolioSettings b = s;
      s =
          check(
              spec,
              "--starting-cash",
              () ->
                  new PortfolioSettings(
                      b.baseCurrency(),
                      b.timeZone(),
                      b.calendar(),
                      startingCash,
                      b.caps(),
                      b.overnight(),
                      b.tiers()));
    }
    return s;
  }

  private static PortfolioSettings withZone(PortfolioSettings b, ZoneId zone) {
    return new PortfolioSettings(
        b.baseCurrency(), zone, b.calendar(), b.startingCash(), b.caps(), b.overnight(), b.tiers());
  }

  /** Builds settings, turning a validation failure into a usage error that names the flag. */
  static PortfolioSettings check(
      CommandSpec spec, String option, Supplier<PortfolioSettings> settings) {
    try {
      return settings.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + " " + e.getMessage());
    }
  }
}
