package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.app.output.Json;
import io.tradecore.store.Database.MigrationState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore db status}: each migration and whether the schema is current. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Show each schema migration (version, description, state, installed on).")
public final class DbStatusCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  public DbStatusCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Workspace ws =
        Workspace.open(Workspace.config(config.file(), env), Workspace.Need.EXISTING)) {
      List<MigrationState> all = ws.db().status();
      boolean current = ws.db().isCurrent();
      long pending = all.stream().filter(m -> "Pending".equalsIgnoreCase(m.state())).count();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MigrationState m : all) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("version", m.version());
          row.put("description", m.description());
          row.put("state", m.state());
          row.put("installed_on", RunView.time(m.installedOn()));
          rows.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", ws.db().redacted());
        doc.put("current", current);
        doc.put("pending", pending);
        doc.put("migrations", rows);
        out.println(Json.write(doc));
      } else {
        out.printf("database %s%n", ws.db().redacted());
        TextTable table = new TextTable("VERSION", "DESCRIPTION", "STATE", "INSTALLED ON");
        all.forEach(
            m -> table.row(m.version(), m.description(), m.state(), RunView.time(m.installedOn())));
        out.print(table);
        out.println(
            current
                ? "schema: current"
                : "schema: not current, "
                    + pending
                    + " pending migration(s); run ./tradecore db migrate");
      }
      out.flush();
    }
    return 0;
  }
}
