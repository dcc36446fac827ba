package io.tradecore.app.cli;

import io.tradecore.app.Version;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradecore db migrate}: applies the pending schema migrations. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Apply pending schema migrations (creates the database if it is missing).")
public final class DbMigrateCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  public DbMigrateCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Workspace ws = Workspace.open(config.file(), env, false)) {
      int applied = ws.db().migrate();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "applied %d migration(s) to %s; the schema is current%n", applied, ws.db().redacted());
      out.flush();
    }
    return 0;
  }
}
