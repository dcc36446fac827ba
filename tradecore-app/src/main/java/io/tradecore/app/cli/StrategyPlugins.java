package io.tradecore.app.cli;

import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.strategies.StrategyCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The plug-in strategies a command sees: every jar in {@code <data_dir>/strategies/} (in name
 * order) and those of {@code --strategy-jar}, each loaded in its own class loader by the catalog.
 */
final class StrategyPlugins {
  /** The folder of the data directory that holds plug-in jars. */
  static final String FOLDER = "strategies";

  private StrategyPlugins() {}

  /**
   * Makes the catalog offer the built-ins and the plug-ins of {@code dataDir} and {@code extra}.
   *
   * @throws ParameterException one line naming the jar that does not load, or the two jars with one
   *     strategy name
   */
  static void use(CommandSpec spec, Path dataDir, List<Path> extra) {
    try {
      StrategyCatalog.usePlugins(jars(dataDir, extra));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    for (StrategyCatalog.Entry entry : StrategyCatalog.entries()) {
      if (entry.name().equals(LlmStrategy.NAME)) {
        throw new ParameterException(
            spec.commandLine(),
            "strategy jar "
                + entry.origin()
                + ": the name "
                + LlmStrategy.NAME
                + " is the language-model strategy's; rename the plug-in");
      }
    }
  }

  /** The jars of {@code <dataDir>/strategies/} in name order, then {@code extra}, each once. */
  static List<Path> jars(Path dataDir, List<Path> extra) {
    Set<Path> out = new LinkedHashSet<>();
    Path folder = dataDir.resolve(FOLDER);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".jar"))
            .map(f -> f.toAbsolutePath().normalize())
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + folder, e);
      }
    }
    extra.forEach(f -> out.add(f.toAbsolutePath().normalize()));
    return new ArrayList<>(out);
  }
}
