package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.strategies.StrategyCatalog;
import io.tradecore.strategy.api.Param;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore strategy list}: every strategy {@code --strategy} takes (built-ins and the
 * plug-ins of the data directory and {@code --strategy-jar}), with its parameters.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "List the strategies: the built-ins and the plug-in jars of <data_dir>/strategies/, with"
            + " their parameters (type, default, range, doc).")
public final class StrategyListCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (default: TRADECORE_CONFIG or ./tradecore.yaml).")
  private Path config;

  @Option(
      names = "--strategy-jar",
      paramLabel = "FILE",
      description = "A plug-in jar of strategies, repeatable.")
  private List<Path> strategyJars = new ArrayList<>();

  public StrategyListCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    StrategyPlugins.use(spec, Workspace.config(config, env).dataDir(), strategyJars);
    PrintWriter out = spec.commandLine().getOut();
    for (StrategyCatalog.Entry entry : StrategyCatalog.entries()) {
      out.printf("%s (%s)%n  %s%n", entry.name(), entry.origin(), entry.provider().description());
      List<Param> params = entry.provider().parameters().list();
      if (params.isEmpty()) {
        out.println("  no parameters");
      }
      TextTable table = new TextTable("parameter", "type", "default", "range", "doc");
      for (Param p : params) {
        table.row(
            p.name(),
            p.type().label(),
            p.required() ? "(required)" : p.defaultValue(),
            p.range().isEmpty() ? null : p.range(),
            p.doc());
      }
      if (!params.isEmpty()) {
        out.print(table);
      }
      out.println();
    }
    out.printf(
        "%s (built-in)%n  A language model decides; set up in the llm: section of the"
            + " configuration (docs/llm.md).%n  no parameters%n",
        LlmStrategy.NAME);
    out.flush();
    return 0;
  }
}
