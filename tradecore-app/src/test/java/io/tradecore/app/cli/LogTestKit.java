package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.app.Main;
import io.tradecore.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data directory for the {@code log} command tests: runs the command line in-process at a given
 * wall-clock instant, and reads the daily_logs table and the text file directly.
 */
final class LogTestKit {
  private static final Pattern DAY_HEADER = Pattern.compile("(?m)^=== (\\d{4}-\\d{2}-\\d{2}) ");

  private final Path dataDir;
  private final Map<String, String> env;

  LogTestKit(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath();
    this.env = Map.of("TRADECORE_DATA_DIR", this.dataDir.toString());
  }

  /** Creates the database and a first NYSE portfolio {@code name} at {@code createdAt}. */
  static LogTestKit initialised(Path dataDir, String name, Instant createdAt) {
    LogTestKit kit = new LogTestKit(dataDir);
    Cli.Run init = kit.run(createdAt, "init", "--portfolio", name, "--calendar", "NYSE");
    assertThat(init.exitCode()).as(init.err()).isZero();
    return kit;
  }

  Path dataDir() {
    return dataDir;
  }

  /** Runs {@code tradecore args...} with the wall clock stopped at {@code now}. */
  Cli.Run run(Instant now, String... args) {
    picocli.CommandLine cmd = Main.commandLine(Clock.fixed(now, ZoneOffset.UTC), env);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Cli.Run(code, out.toString(), err.toString());
  }

  /** Runs a command expected to succeed with nothing on stderr. */
  Cli.Run ok(Instant now, String... args) {
    Cli.Run r = run(now, args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r;
  }

  /** {@code log show --json} of a portfolio: its last {@code n} days, oldest first. */
  JsonNode show(Instant now, String portfolio, int n) {
    return OutputFiles.json(
        ok(now, "log", "show", "--portfolio", portfolio, "--last", Integer.toString(n), "--json")
            .out());
  }

  /** Every row of the daily_logs table, in key order. */
  List<Map<String, Object>> table() {
    String url = "jdbc:sqlite:" + dataDir.resolve("tradecore.db");
    try (Database db = Database.open(url, null, null, 1)) {
      return db.jdbi()
          .withHandle(
              h ->
                  h.createQuery("SELECT * FROM daily_logs ORDER BY portfolio_id, day")
                      .mapToMap()
                      .list());
    }
  }

  Path textFile(String portfolio) {
    return dataDir.resolve("logs").resolve("daily-" + portfolio + ".log");
  }

  /** The days whose blocks the text file holds, in file order. */
  List<String> textFileDays(String portfolio) throws IOException {
    return days(Files.readString(textFile(portfolio)));
  }

  /** The days of the blocks in a text of day blocks, in order. */
  static List<String> days(String text) {
    List<String> days = new ArrayList<>();
    Matcher m = DAY_HEADER.matcher(text);
    while (m.find()) {
      days.add(m.group(1));
    }
    return days;
  }

  /** The days of a {@code log show --json} array, in order. */
  static List<String> days(JsonNode logs) {
    List<String> days = new ArrayList<>();
    logs.forEach(n -> days.add(n.get("day").asText()));
    return days;
  }
}
