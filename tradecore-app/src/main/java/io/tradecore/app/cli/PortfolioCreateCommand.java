package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradecore portfolio create NAME}: adds a portfolio with its settings. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "Create a portfolio. Its settings come from the configuration (portfolios.NAME, else"
          + " portfolio_defaults); the flags override them. They are stored with the portfolio."
    })
public final class PortfolioCreateCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "1-64 letters, digits, '.', '_' or '-'.")
  private String name;

  @Option(
      names = "--venue",
      defaultValue = "paper",
      description =
          "Where it trades: paper (TradeCore's paper exchange, the default) or alpaca (the Alpaca"
              + " account the alpaca: configuration and APCA_* variables reach; its paper endpoint"
              + " unless the live one is configured).")
  private String venue;

  @Mixin private ConfigOption config;
  @Mixin private PortfolioSettingsOptions settings;
  @Mixin private RiskOptions risk;

  public PortfolioCreateCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    PortfolioText.checkName(spec, name);
    if (!Portfolios.VENUES.contains(venue)) {
      throw new ParameterException(
          spec.commandLine(),
          "--venue '" + venue + "' is not one of " + String.join(", ", Portfolios.VENUES));
    }
    TradeCoreConfig cfg = Workspace.config(config.file(), env);
    PortfolioSettings wanted = risk.apply(settings.apply(cfg.settingsFor(name), spec), spec);
    try (Workspace ws = Workspace.open(cfg, Workspace.Need.CURRENT)) {
      PortfolioRecord created = new Portfolios(ws.db()).create(name, wanted, venue, clock);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "created portfolio %s (%s): %s%n",
          created.name(), created.id().value(), PortfolioText.basics(wanted));
      out.printf("  %-16s%s%n", "venue", venue);
      out.printf("  %-16s%s%n", "caps", PortfolioText.caps(wanted));
      out.printf("  %-16s%s%n", "overnight", PortfolioText.overnight(wanted));
      out.flush();
    }
    return 0;
  }
}
