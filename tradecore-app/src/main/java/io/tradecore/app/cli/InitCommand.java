package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore init}: creates the database and its schema, and a first portfolio. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "Create the database and schema, and a first portfolio.",
      "Creates the data directory and database if missing, brings the schema up to date, and"
          + " creates a first portfolio when there is none yet. Running it again is harmless.",
      "The portfolio takes its settings from the configuration (portfolios.NAME, else"
          + " portfolio_defaults); the flags override them."
    })
public final class InitCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(
      names = "--portfolio",
      paramLabel = "NAME",
      defaultValue = "main",
      description = "Name of the first portfolio (${DEFAULT-VALUE}).")
  private String portfolio;

  @Mixin private PortfolioSettingsOptions settings;

  public InitCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    PortfolioText.checkName(spec, portfolio);
    TradeCoreConfig cfg = Workspace.config(config.file(), env);
    PortfolioSettings wanted = settings.apply(cfg.settingsFor(portfolio), spec);
    Optional<Path> file = Workspace.sqliteFile(cfg.database().url());
    boolean existed = file.isEmpty() || Files.isRegularFile(file.get());
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace ws = Workspace.open(cfg, Workspace.Need.CREATE)) {
      int applied = ws.db().migrate();
      out.printf(
          "database %s: %s, %s%n",
          ws.db().redacted(),
          existed ? "found" : "created",
          applied == 0
              ? "schema already current"
              : "applied " + applied + " migration(s), schema current");
      Portfolios portfolios = new Portfolios(ws.db());
      List<PortfolioRecord> existing = portfolios.list();
      if (existing.isEmpty()) {
        PortfolioRecord created = portfolios.create(portfolio, wanted, clock);
        out.printf(
            "created portfolio %s (%s): %s%n",
            created.name(), created.id().value(), PortfolioText.basics(wanted));
        out.printf(
            "next: ./tradecore run --portfolio %s --strategy sma-cross --feed replay:FILE.csv%n",
            created.name());
      } else {
        out.printf(
            "already initialised: portfolios %s (add another with ./tradecore portfolio create"
                + " NAME)%n",
            existing.stream().map(PortfolioRecord::name).collect(Collectors.joining(", ")));
      }
    }
    out.flush();
    return 0;
  }
}
