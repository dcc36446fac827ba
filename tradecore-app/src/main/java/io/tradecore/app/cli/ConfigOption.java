package io.tradecore.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command that reads the configuration takes. */
public final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file (default: the file TRADECORE_CONFIG names, else tradecore.yaml in the"
              + " current directory if there is one, else built-in defaults).")
  Path file;

  /** The file given, or null to look in TRADECORE_CONFIG and the current directory. */
  public Path file() {
    return file;
  }
}
