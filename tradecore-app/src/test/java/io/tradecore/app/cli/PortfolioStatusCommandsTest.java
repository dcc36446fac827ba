package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.RunId;
import io.tradecore.runner.Lease;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioStatusCommandsTest {
  static final String FILLS =
      """
      trade_id,time,symbol,side,quantity,price,fee
      T-1001,2024-03-01T14:30:00Z,ORCL,BUY,10,112.50,1.00
      T-1002,2024-03-04,ORCL,SELL,4,115.25,1.00
      T-1003,2024-03-05T15:00:00Z,MSFT,BUY,2,410,0.50
      """;

  @TempDir Path tmp;
  Workdir w;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
    w.ok("init");
  }

  private String run(Path feed) {
    return w.ok(
        "run",
        "--portfolio",
        "main",
        "--strategy",
        "sma-cross",
        "--param",
        "fast=2",
        "--param",
        "slow=4",
        "--feed",
        "replay:" + feed);
  }

  @Test
  void status_after_a_run_shows_the_ledger_positions_and_the_run() {
    Path feed = w.zigzagFeed("ZIG", 30);

    String ran = run(feed);

    assertThat(ran).contains("trading portfolio main on 30 events", "applied 30 events");
    JsonNode s = w.status("main");
    assertThat(s.get("portfolio").asText()).isEqualTo("main");
    assertThat(s.get("fills").asLong()).isPositive();
    assertThat(s.get("starting_cash").decimalValue()).isEqualByComparingTo("100000");
    BigDecimal held = BigDecimal.ZERO;
    for (JsonNode p : s.get("open_positions")) {
      held = held.add(p.get("quantity").decimalValue().multiply(p.get("mark").decimalValue()));
    }
    assertThat(s.get("equity").decimalValue())
        .isEqualByComparingTo(s.get("cash").decimalValue().add(held));
    assertThat(s.get("total_pnl").decimalValue())
        .isEqualByComparingTo(s.get("equity").decimalValue().subtract(new BigDecimal("100000")));
    JsonNode lastRun = s.get("last_run");
    assertThat(lastRun.get("strategy").asText()).isEqualTo("sma-cross");
    assertThat(lastRun.get("end_reason").asText()).isEqualTo("feed ended");
    assertThat(lastRun.get("bot_version").asText()).isNotBlank();
    assertThat(s.get("last_event").asText()).isEqualTo("2024-02-09T00:00:00Z");
    assertThat(s.get("open_plans").isArray()).isTrue();

    String text = w.ok("status", "--portfolio", "main");
    assertThat(text)
        .contains("portfolio main", "cash", "equity", "realized PnL", "unrealized PnL")
        .contains("total PnL", "fees", "gross exposure", "fills", "last run", "last event")
        .contains("open positions:", "open plans:", " USD");
  }

  @Test
  void a_second_run_on_the_same_feed_resumes_and_adds_nothing() {
    Path feed = w.zigzagFeed("ZIG", 30);
    run(feed);
    long fills = w.status("main").get("fills").asLong();

    String again = run(feed);

    assertThat(again).contains("applied 0 events");
    assertThat(w.status("main").get("fills").asLong()).isEqualTo(fills);
  }

  @Test
  void importing_the_same_fills_twice_stores_each_once() {
    Path file = w.write("fills.csv", FILLS);

    String first = w.ok("import", "fills", "--portfolio", "main", file.toString());
    String second = w.ok("import", "fills", "--portfolio", "main", file.toString());

    assertThat(first).startsWith("imported 3 new fill(s), 0 already present");
    assertThat(second).startsWith("imported 0 new fill(s), 3 already present");
    JsonNode s = w.status("main");
    assertThat(s.get("fills").asLong()).isEqualTo(3);
    assertThat(w.rowCounts()).containsEntry("fills", 3L);
    // 100000 - 10 * 112.50 - 1.00 + 4 * 115.25 - 1.00 - 2 * 410 - 0.50
    assertThat(s.get("cash").decimalValue()).isEqualByComparingTo("98513.50");
    assertThat(s.get("fees").decimalValue()).isEqualByComparingTo("2.50");
    assertThat(s.get("open_positions")).hasSize(2);
  }

  @Test
  void a_malformed_fill_file_imports_nothing() {
    Path file = w.write("bad.csv", FILLS + "T-1004,2024-03-06,ORCL,HOLD,1,100,0\n");
    var before = w.rowCounts();

    Cli.Run run = w.run("import", "fills", "--portfolio", "main", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("bad.csv line 5", "side must be BUY or SELL");
    assertThat(w.rowCounts()).isEqualTo(before).containsEntry("fills", 0L);
  }

  @Test
  void resyncing_twice_adds_nothing_the_second_time() {
    run(w.zigzagFeed("ZIG", 30));
    long fills = w.status("main").get("fills").asLong();

    String first = w.ok("resync", "--portfolio", "main");
    String second = w.ok("resync", "--portfolio", "main");

    assertThat(first).contains("portfolio main", "resync:", "missing fill(s) added");
    assertThat(second).contains("resync: 0 missing fill(s) added, 0 order(s) closed", "no drift");
    assertThat(w.status("main").get("fills").asLong()).isEqualTo(fills);
    assertThat(w.rowCounts()).containsEntry("fills", fills);
    // The run, then one run per resync (the tests' clock stands still, so "last" is a tie).
    assertThat(OutputFiles.json(w.ok("portfolio", "show", "main", "--json")).get("runs").asInt())
        .isEqualTo(3);
  }

  /**
   * A resync long after the portfolio's last market day (issue 11, item 7): its drift warning is
   * filed under the day it ran on the wall clock, so the old day's log stays as it was even when it
   * is written again, and status still shows the last trading run as the last run.
   */
  @Test
  void a_resyncs_drift_leaves_the_last_market_days_log_and_the_last_run_alone() {
    run(w.zigzagFeed("ZIG", 30));
    JsonNode before = OutputFiles.json(w.ok("log", "show", "--portfolio", "main", "--json"));
    JsonNode lastLog = before.get(before.size() - 1);
    assertThat(lastLog.get("day").asText()).isEqualTo("2024-02-09");
    // A fill the paper exchange never made: the resync reports the cash it moved as drift.
    Path fills =
        w.write(
            "fills.csv",
            "trade_id,time,symbol,side,quantity,price,fee\nT-1,2024-02-09,ZIG,BUY,1,100,0\n");
    w.ok("import", "fills", "--portfolio", "main", fills.toString());

    String resync = w.ok("resync", "--portfolio", "main");

    assertThat(resync).contains("drift").doesNotContain("no drift");
    assertThat(w.query("SELECT day FROM telemetry_events WHERE kind = 'drift'"))
        .as("filed under the wall clock's day in New York (%s)", Cli.NOW)
        .containsExactly("2025-03-14");
    JsonNode after = OutputFiles.json(w.ok("log", "show", "--portfolio", "main", "--json"));
    assertThat(after.get(after.size() - 1)).isEqualTo(lastLog);
    w.ok("log", "daily", "--portfolio", "main", "--date", "2024-02-09");
    JsonNode rewritten = OutputFiles.json(w.ok("log", "show", "--portfolio", "main", "--json"));
    assertThat(rewritten.get(rewritten.size() - 1).get("warnings"))
        .as("warnings of 2024-02-09 written again")
        .isEqualTo(lastLog.get("warnings"));

    JsonNode lastRun = w.status("main").get("last_run");
    assertThat(lastRun.get("strategy").asText()).isEqualTo("sma-cross");
    assertThat(lastRun.get("end_reason").asText()).isEqualTo("feed ended");
    assertThat(w.ok("status", "--portfolio", "main"))
        .contains("sma-cross")
        .doesNotContain("resync");
    JsonNode show = OutputFiles.json(w.ok("portfolio", "show", "main", "--json"));
    assertThat(show.get("runs").asInt()).isEqualTo(2);
    assertThat(show.get("last_run").get("strategy").asText()).isEqualTo("sma-cross");
  }

  @Test
  void resync_is_refused_while_another_runner_holds_the_lease_naming_it() {
    Clock clock = Clock.fixed(Cli.NOW, ZoneOffset.UTC);
    try (Database db = Database.open("jdbc:sqlite:" + w.database(), null, null, 1)) {
      PortfolioRecord main = new Portfolios(db).find("main");
      Lease lease =
          Lease.acquire(
              db,
              main.id(),
              "main",
              new RunId("run-elsewhere"),
              "other-host",
              4242,
              Duration.ofSeconds(60),
              Duration.ofSeconds(20),
              clock);
      try {
        Cli.Run run = w.run("resync", "--portfolio", "main");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines())
            .singleElement()
            .asString()
            .startsWith("error: portfolio main is being traded by run run-elsewhere")
            .contains("other-host", "4242");
        Cli.Run imported =
            w.run("import", "fills", "--portfolio", "main", w.write("f.csv", FILLS).toString());
        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.err()).contains("run-elsewhere");
      } finally {
        lease.close();
      }
    }
    assertThat(w.rowCounts()).containsEntry("fills", 0L);
  }
}
