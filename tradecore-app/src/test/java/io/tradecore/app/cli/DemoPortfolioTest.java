package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPortfolioTest {
  @TempDir Path tmp;

  @Test
  void demo_trades_a_durable_portfolio_in_its_own_folder_and_can_run_again() {
    Path out = tmp.resolve("demo");

    Cli.Run first = Cli.run("demo", "--out", out.toString(), "--no-serve");
    Cli.Run second = Cli.run("demo", "--out", out.toString(), "--no-serve");

    for (Cli.Run run : new Cli.Run[] {first, second}) {
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("sma-cross on DEMO", "breakout on DEMO")
          .contains("Demo portfolio: demo traded breakout", "portfolio demo (")
          .contains("open positions: 2", "open plans: 2", "days: 38 in portfolio_days")
          .contains(
              "./tradecore status --portfolio demo --config " + out.resolve("tradecore.yaml"));
    }
    assertThat(out.resolve("data/tradecore.db")).isRegularFile();
    assertThat(out.resolve("feed/ACME.csv")).isRegularFile();
    assertThat(out.resolve("feed/GLOBEX.csv")).isRegularFile();

    // The printed command works with no environment at all: the config names the data directory.
    Cli.Run status =
        Cli.run(
            Map.of(),
            "status",
            "--portfolio",
            "demo",
            "--json",
            "--config",
            out.resolve("tradecore.yaml").toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    JsonNode s = OutputFiles.json(status.out());
    assertThat(s.get("open_positions")).hasSize(2);
    assertThat(s.get("open_plans")).hasSize(2);
    assertThat(s.get("fills").asLong()).isEqualTo(6);
    assertThat(s.get("time_zone").asText()).isEqualTo("America/New_York");
    for (JsonNode plan : s.get("open_plans")) {
      assertThat(plan.get("stop").decimalValue()).isPositive();
      assertThat(plan.get("target").decimalValue()).isPositive();
    }
    // A rerun started afresh: one run, not two.
    Cli.Run show =
        Cli.run(
            Map.of(),
            "portfolio",
            "show",
            "demo",
            "--json",
            "--config",
            out.resolve("tradecore.yaml").toString());
    assertThat(OutputFiles.json(show.out()).get("runs").asInt()).isEqualTo(1);
  }
}
