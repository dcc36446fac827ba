package io.tradecore.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run folders of backtests written with {@code --out}, noted in {@code
 * <data_dir>/backtest-runs.txt} (one absolute {@code DIR/runs} path a line) so that {@code serve}
 * lists them in Run Insights without being told where they are.
 */
final class BacktestRuns {
  static final String FILE = "backtest-runs.txt";

  private BacktestRuns() {}

  /**
   * Notes {@code runsDir} in the data directory, once; does nothing when the data directory does
   * not exist (TradeCore was not set up here, so nothing serves from it).
   */
  static void register(Path dataDir, Path runsDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      return;
    }
    Path file = dataDir.resolve(FILE);
    String line = runsDir.toAbsolutePath().normalize().toString();
    if (Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).contains(line)) {
      return;
    }
    Files.writeString(
        file,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The noted run folders that still exist, in the order they were noted. */
  static List<Path> registered(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    List<Path> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && Files.isDirectory(Path.of(line.strip()))) {
        out.add(Path.of(line.strip()));
      }
    }
    return out;
  }
}
