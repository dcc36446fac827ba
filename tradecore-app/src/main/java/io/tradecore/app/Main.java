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
import io.tradecore.app.cli.OptimizeCommand;
import io.tradecore.app.cli.PlanCommand;
import io.tradecore.app.cli.PolicyCommand;
import io.tradecore.app.cli.PortfolioCommand;
import io.tradecore.app.cli.ResyncCommand;
import io.tradecore.app.cli.RunCommand;
import io.tradecore.app.cli.ServeCommand;
import io.tradecore.app.cli.StatusCommand;
import io.tradecore.app.cli.StrategyCommand;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    System.exit(commandLine(Clock.systemUTC(), System.getenv(), args).execute(args));
  }

  /** The command line with its subcommands and error handling; tests pass their own clock. */
  public static CommandLine commandLine(Clock wallClock, Map<String, String> env) {
    return commandLine(wallClock, env, null);
  }

  /**
   * The command line for {@code args}: only the subcommand they name is built in full (its options
   * read from its annotations, its subcommands with it); the others are stand-ins with the same
   * name and description, which is all {@code --help} shows of them. A command line that names no
   * known subcommand, or {@code args} null, gets every subcommand in full, so its errors and
   * suggestions are as they always were.
   */
  public static CommandLine commandLine(Clock wallClock, Map<String, String> env, String[] args) {
    ErrorReporter errors = new ErrorReporter("1".equals(env.get("TRADECORE_DEBUG")));
    Map<Class<?>, Supplier<Object>> subcommands = new LinkedHashMap<>();
    subcommands.put(BacktestCommand.class, () -> new BacktestCommand(wallClock, env));
    subcommands.put(OptimizeCommand.class, () -> new OptimizeCommand(wallClock, env));
    subcommands.put(DemoCommand.class, () -> new DemoCommand(wallClock, env));
    subcommands.put(InitCommand.class, () -> new InitCommand(wallClock, env));
    subcommands.put(PortfolioCommand.class, () -> PortfolioCommand.commandLine(wallClock, env));
    subcommands.put(RunCommand.class, () -> new RunCommand(wallClock, env));
    subcommands.put(PlanCommand.class, () -> PlanCommand.commandLine(wallClock, env));
    subcommands.put(ServeCommand.class, () -> new ServeCommand(wallClock, env));
    subcommands.put(StatusCommand.class, () -> new StatusCommand(env));
    subcommands.put(ResyncCommand.class, () -> new ResyncCommand(wallClock, env));
    subcommands.put(ImportCommand.class, () -> ImportCommand.commandLine(wallClock, env));
    subcommands.put(DbCommand.class, () -> DbCommand.commandLine(env));
    subcommands.put(CalendarCommand.class, () -> CalendarCommand.commandLine(wallClock));
    subcommands.put(InsightsCommand.class, InsightsCommand::commandLine);
    subcommands.put(PolicyCommand.class, PolicyCommand::commandLine);
    subcommands.put(DataCommand.class, () -> DataCommand.commandLine(env));
    subcommands.put(LogCommand.class, () -> LogCommand.commandLine(wallClock, env));
    subcommands.put(LlmCommand.class, () -> LlmCommand.commandLine(env));
    subcommands.put(NotifyCommand.class, () -> NotifyCommand.commandLine(wallClock, env));
    subcommands.put(StrategyCommand.class, () -> StrategyCommand.commandLine(env));
    String named = args == null ? null : subcommandName(args, subcommands.keySet());
    boolean all = args == null || (named == null && firstWord(args) != null);
    CommandLine cmd = new CommandLine(new Main());
    subcommands.forEach(
        (type, factory) -> {
          Command command = type.getAnnotation(Command.class);
          if (all || command.name().equals(named)) {
            cmd.addSubcommand(factory.get());
          } else {
            cmd.addSubcommand(command.name(), standIn(command));
          }
        });
    cmd.setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
    return NumberConverters.register(cmd);
  }

  /** The first argument that is not an option: the subcommand's name, if any. */
  private static String firstWord(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  private static String subcommandName(String[] args, Iterable<Class<?>> types) {
    String word = firstWord(args);
    for (Class<?> type : types) {
      if (type.getAnnotation(Command.class).name().equals(word)) {
        return word;
      }
    }
    return null;
  }

  /** A subcommand's name and description, without reading its options. */
  private static CommandSpec standIn(Command command) {
    CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
    spec.usageMessage().header(command.header()).description(command.description());
    return spec;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command; try 'tradecore demo' or 'tradecore --help'");
  }
}
