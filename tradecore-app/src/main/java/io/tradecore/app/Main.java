package io.tradecore.app;

import io.tradecore.app.cli.BacktestCommand;
import io.tradecore.app.cli.CalendarCommand;
import io.tradecore.app.cli.DataCommand;
import io.tradecore.app.cli.DbCommand;
import io.tradecore.app.cli.DemoCommand;
import io.tradecore.app.cli.ErrorReporter;
import io.tradecore.app.cli.ImportCommand;
import io.tradecore.app.cli.InitCommand;
import io.tradecore.app.cli.InsightsCommand;
import io.tradecore.app.cli.LlmCommand;
import io.tradecore.app.cli.LogCommand;
import io.tradecore.app.cli.NotifyCommand;
import io.tradecore.app.cli.NumberConverters;
import io.tradecore.app.cli.PolicyCommand;
import io.tradecore.app.cli.PortfolioCommand;
import io.tradecore.app.cli.ResyncCommand;
import io.tradecore.app.cli.RunCommand;
import io.tradecore.app.cli.ServeCommand;
import io.tradecore.app.cli.StatusCommand;
import io.tradecore.app.cli.StrategyCommand;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code tradecore} command line: wires the wall clock and the subcommands. */
@Command(
    name = "tradecore",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "TradeCore: a portfolio-first trading bot platform for the JVM.",
    footer = {"", "Start with: tradecore demo"})
public final class Main implements Runnable {
  @Spec private CommandSpec spec;

  // Read by ErrorReporter from the arguments; declared here so every subcommand accepts it.
  @Option(
      names = ErrorReporter.DEBUG_OPTION,
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors (also TRADECORE_DEBUG=1).")
  private boolean debug;

  public static void main(String[] args) {
    System.exit(commandLine(Clock.systemUTC(), System.getenv()).execute(args));
  }

  /** The command line with its subcommands and error handling; tests pass their own clock. */
  public static CommandLine commandLine(Clock wallClock, Map<String, String> env) {
    ErrorReporter errors = new ErrorReporter("1".equals(env.get("TRADECORE_DEBUG")));
    CommandLine cmd =
        new CommandLine(new Main())
            .addSubcommand(new BacktestCommand(wallClock, env))
            .addSubcommand(new DemoCommand(wallClock, env))
            .addSubcommand(new InitCommand(wallClock, env))
            .addSubcommand(PortfolioCommand.commandLine(wallClock, env))
            .addSubcommand(new RunCommand(wallClock, env))
            .addSubcommand(new ServeCommand(wallClock, env))
            .addSubcommand(new StatusCommand(env))
            .addSubcommand(new ResyncCommand(wallClock, env))
            .addSubcommand(ImportCommand.commandLine(wallClock, env))
            .addSubcommand(DbCommand.commandLine(env))
            .addSubcommand(CalendarCommand.commandLine(wallClock))
            .addSubcommand(InsightsCommand.commandLine())
            .addSubcommand(PolicyCommand.commandLine())
            .addSubcommand(DataCommand.commandLine(env))
            .addSubcommand(LogCommand.commandLine(wallClock, env))
            .addSubcommand(LlmCommand.commandLine(env))
            .addSubcommand(NotifyCommand.commandLine(wallClock, env))
            .addSubcommand(StrategyCommand.commandLine(env))
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setParameterExceptionHandler(errors)
            .setExecutionExceptionHandler(errors);
    return NumberConverters.register(cmd);
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command; try 'tradecore demo' or 'tradecore --help'");
  }
}
