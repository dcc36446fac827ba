package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --no-serve}: the demo portfolio's replay writes a daily log each trading day. */
class DemoDailyLogTest {
  /** The demo's last day of bars: eight weeks of NYSE trading days from Monday 2024-01-08. */
  private static final String LAST_DAY = "2024-03-01";

  @TempDir Path tmp;

  @Test
  void demo_writes_daily_logs_and_ends_with_the_last_one_and_its_text_file() throws Exception {
    Path out = tmp.resolve("demo");

    Cli.Run run = Cli.run("demo", "--out", out.toString(), "--no-serve");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path db = out.resolve("data/tradecore.db");
    // 40 weekdays less Martin Luther King Jr. Day and Washington's Birthday: 38 NYSE trading days,
    // the days of the bars, of portfolio_days and of the logs (issue 11, item 6).
    for (String symbol : new String[] {"ACME", "GLOBEX"}) {
      List<String> lines = Files.readAllLines(out.resolve("feed/" + symbol + ".csv"));
      assertThat(lines).hasSize(1 + 38);
      assertThat(lines)
          .noneMatch(l -> l.startsWith("2024-01-15") || l.startsWith("2024-02-19"))
          .last()
          .asString()
          .startsWith(LAST_DAY);
    }
    assertThat(count(db, "SELECT COUNT(*) FROM portfolio_days")).isEqualTo(38);
    assertThat(count(db, "SELECT COUNT(*) FROM daily_logs")).isEqualTo(38);
    assertThat(count(db, "SELECT COUNT(DISTINCT day) FROM daily_logs")).isEqualTo(38);
    assertThat(
            count(db, "SELECT COUNT(*) FROM daily_logs WHERE day IN ('2024-01-15','2024-02-19')"))
        .isZero();

    // The block printed is the one log show prints for the last day.
    Cli.Run show =
        Cli.run(
            Map.of(),
            "log",
            "show",
            "--portfolio",
            "demo",
            "--last",
            "1",
            "--config",
            out.resolve("tradecore.yaml").toString());
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).startsWith("=== " + LAST_DAY + "  demo  market OPEN ===");
    assertThat(run.out())
        .contains("daily logs: 38 written, one at each NYSE trading day's close; the last one:")
        .contains(show.out());
    Path text = out.resolve("data/logs/daily-demo.log").toAbsolutePath().normalize();
    assertThat(run.out()).contains("All days' logs as text: " + text);
    assertThat(run.out()).doesNotContain("Dashboard:");
    assertThat(headers(text)).hasSize(38).doesNotHaveDuplicates();
    assertThat(run.out().indexOf("=== " + LAST_DAY))
        .as("the last log comes after the status")
        .isGreaterThan(run.out().indexOf("days: 38 in portfolio_days"));

    // A rerun starts afresh: the same days again, in the database and in the text file.
    assertThat(Cli.run("demo", "--out", out.toString(), "--no-serve").exitCode()).isZero();
    assertThat(count(db, "SELECT COUNT(*) FROM daily_logs")).isEqualTo(38);
    assertThat(headers(text)).hasSize(38).doesNotHaveDuplicates();
    JsonNode logs =
        OutputFiles.json(
            Cli.run(
                    Map.of(),
                    "log",
                    "show",
                    "--portfolio",
                    "demo",
                    "--last",
                    "100",
                    "--json",
                    "--config",
                    out.resolve("tradecore.yaml").toString())
                .out());
    assertThat(logs).hasSize(38);
    assertThat(logs.get(37).get("day").asText()).isEqualTo(LAST_DAY);
  }

  private static List<String> headers(Path text) throws IOException {
    return Files.readAllLines(text).stream().filter(l -> l.startsWith("=== ")).toList();
  }

  private static long count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
