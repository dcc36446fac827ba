package io.tradecore.app.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore llm}: the parent of {@code traces}. */
@Command(
    name = "llm",
    mixinStandardHelpOptions = true,
    description = "The LLM strategy's questions to the model (run --strategy llm).")
public final class LlmCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Map<String, String> env) {
    return new CommandLine(new LlmCommand()).addSubcommand(new LlmTracesCommand(env));
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand; use llm traces");
  }
}
