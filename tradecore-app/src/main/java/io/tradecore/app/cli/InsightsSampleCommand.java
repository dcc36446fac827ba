package io.tradecore.app.cli;

import io.tradecore.insights.SampleRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore insights sample}: writes a realistic sample run folder to try Run Insights. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Write a sample reinforcement-learning run folder: experiment.json, eval_summary.json,",
      "model files and a per-step action trace (CSV, with nan/inf sprinkled in)."
    })
public final class InsightsSampleCommand implements Callable<Integer> {
  static final long MAX_ROWS = 2_000_000_000L;
  static final int MAX_ENVS = 1024;

  @Spec private CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Trace rows, over all environments (default ${DEFAULT-VALUE}).")
  private long rows;

  @Option(
      names = "--envs",
      defaultValue = "4",
      paramLabel = "K",
      description = "Environments (default ${DEFAULT-VALUE}).")
  private int envs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The run folder to write (created if missing).")
  private Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws IOException {
    if (rows < 0 || rows > MAX_ROWS) {
      throw new ParameterException(
          spec.commandLine(), "--rows must be between 0 and " + MAX_ROWS + " but was " + rows);
    }
    if (envs < 1 || envs > MAX_ENVS) {
      throw new ParameterException(
          spec.commandLine(), "--envs must be between 1 and " + MAX_ENVS + " but was " + envs);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(
          spec.commandLine(), "--out " + out + " exists and is not a directory");
    }
    Path dir = out.toAbsolutePath().normalize();
    Path trace = SampleRun.write(dir, rows, envs, seed);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "wrote %s (%s; trace %s, %s)%n",
        dir, size(folderBytes(dir)), trace.getFileName(), shape(rows, envs));
    w.flush();
    return 0;
  }

  /**
   * What the trace holds: {@code rows} rows in all, one per environment and step, so each
   * environment has rows / envs steps (the last step short of some when they do not divide).
   */
  static String shape(long rows, int envs) {
    long steps = (rows + envs - 1) / envs;
    return rows % envs == 0
        ? String.format(Locale.ROOT, "%,d rows: %,d steps x %d envs", rows, steps, envs)
        : String.format(
            Locale.ROOT,
            "%,d rows: %,d steps x %d envs, the last step in %d of them",
            rows,
            steps,
            envs,
            rows % envs);
  }

  private static long folderBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }
}
