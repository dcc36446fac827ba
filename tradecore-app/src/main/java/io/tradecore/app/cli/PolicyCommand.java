package io.tradecore.app.cli;

import io.tradecore.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore policy}: the parent of {@code replay} (trained ONNX policies). */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Trained RL policies exported to ONNX with their observation spec.")
public final class PolicyCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine() {
    return new CommandLine(new PolicyCommand()).addSubcommand(new PolicyReplayCommand());
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand; use policy replay");
  }
}
