package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line builds only the subcommand it is given in full; what the user sees (help,
 * errors, a subcommand's own help) is the same as with every subcommand built.
 */
class LazySubcommandsTest {
  @Test
  void help_and_errors_read_as_with_every_subcommand_built() {
    for (String[] args :
        new String[][] {
          {"--help"},
          {},
          {"-V"},
          {"--debug", "--help"},
          {"backtest", "--help"},
          {"portfolio", "list", "--help"},
          {"plan", "open", "--help"},
          {"plan"},
          {"status"},
          {"bakctest"},
          {"status", "--help", "--portfolio"},
        }) {
      assertThat(output(Main.commandLine(Clock.systemUTC(), Map.of(), args), args))
          .as(String.join(" ", args))
          .isEqualTo(output(Main.commandLine(Clock.systemUTC(), Map.of()), args));
    }
  }

  @Test
  void only_the_named_subcommand_reads_its_options() {
    CommandLine cli = Main.commandLine(Clock.systemUTC(), Map.of(), new String[] {"status"});

    assertThat(cli.getSubcommands().get("status").getCommandSpec().findOption("--portfolio"))
        .isNotNull();
    assertThat(cli.getSubcommands().get("backtest").getCommandSpec().findOption("--data")).isNull();
    assertThat(cli.getSubcommands().keySet())
        .as("every subcommand is there, the others as placeholders")
        .isEqualTo(Main.commandLine(Clock.systemUTC(), Map.of(), null).getSubcommands().keySet());
  }

  private static String output(CommandLine cli, String[] args) {
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int code = cli.execute(args);
    return code + "\n" + out;
  }
}
