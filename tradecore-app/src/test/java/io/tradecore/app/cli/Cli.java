package io.tradecore.app.cli;

import io.tradecore.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** Runs the tradecore command line in-process with captured output and a fixed wall clock. */
final class Cli {
  static final Instant NOW = Instant.parse("2025-03-14T09:30:00Z");

  /** Exit code, stdout and stderr of one run. */
  record Run(int exitCode, String out, String err) {}

  private Cli() {}

  static Run run(String... args) {
    return run(Map.of(), args);
  }

  static Run run(Map<String, String> env, String... args) {
    CommandLine cmd = Main.commandLine(Clock.fixed(NOW, ZoneOffset.UTC), env);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
