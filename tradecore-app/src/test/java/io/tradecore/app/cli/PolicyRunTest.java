package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import io.tradecore.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --strategy policy}: the runner trades a portfolio with a trained policy, and the
 * store, the daily log and the status (what the dashboard reads) show it as any strategy: the run's
 * strategy and bot_version, its signals and trades per day, its fills under its bot_version.
 */
class PolicyRunTest {
  private static final Instant CREATED = Instant.parse("2026-01-04T12:00:00Z");

  @TempDir Path dir;

  @Test
  void a_policy_runs_a_portfolio_and_its_signals_trades_and_bot_version_are_logged()
      throws IOException {
    LogTestKit kit = LogTestKit.initialised(dir.resolve("data"), "rl", CREATED);
    Path model = PolicyBacktestTest.writePolicy(dir.resolve("ppo"), PolicyBacktestTest.SPEC);
    Path csv = dir.resolve("SYN.csv");
    BarCsvWriter.write(
        csv,
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2026, 1, 5), 60, 11, 50));

    Cli.Run run =
        kit.ok(
            CREATED,
            "run",
            "--portfolio",
            "rl",
            "--strategy",
            "policy",
            "--param",
            "model=" + model,
            "--bot-version",
            "ppo-v3",
            "--feed",
            "replay:" + csv.toAbsolutePath());

    assertThat(run.out()).contains("applied 60 events");
    JsonNode status =
        OutputFiles.json(kit.ok(CREATED, "status", "--portfolio", "rl", "--json").out());
    JsonNode lastRun = status.get("last_run");
    assertThat(lastRun.get("strategy").asText()).isEqualTo("policy");
    assertThat(lastRun.get("bot_version").asText()).isEqualTo("ppo-v3");
    assertThat(lastRun.get("params").toString()).contains("model", model.toString());
    assertThat(status.get("fills").asLong()).isPositive();

    JsonNode logs = kit.show(CREATED, "rl", 100);
    long signals = 0;
    long trades = 0;
    for (JsonNode day : logs) {
      signals += day.get("signals").asLong();
      trades += day.get("trades").asLong();
    }
    assertThat(signals).as("the policy's plan actions are signals").isPositive();
    assertThat(trades).as("and they traded").isPositive();

    String url = "jdbc:sqlite:" + kit.dataDir().resolve("tradecore.db");
    try (Database db = Database.open(url, null, null, 1)) {
      List<String> versions =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT DISTINCT bot_version FROM fills")
                          .mapTo(String.class)
                          .list());
      assertThat(versions).containsExactly("ppo-v3");
    }
  }
}
