package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.store.Database;
import io.tradecore.store.LeaseRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradecore plan open,adjust,close,list} on a portfolio no runner trades: each request is
 * applied at once by the command (which holds the portfolio for the moment), through risk, and the
 * plan is an engine plan like a strategy's: its entry fills and its exit goes out when a runner
 * trades the feed again. Bad input names the option that is wrong and changes nothing.
 */
class PlanCommandsTest {
  @TempDir Path tmp;
  Workdir w;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
    w.ok("init");
  }

  /**
   * Trades {@code days} zigzag bars of ZIG with an sma-cross too slow to ever trade, so only the
   * plans opened by hand trade; a later call with more days carries on where the last stopped.
   */
  private String trade(String portfolio, int days) {
    Path feed = w.zigzagFeed("ZIG", days);
    return w.ok(
        "run",
        "--portfolio",
        portfolio,
        "--strategy",
        "sma-cross",
        "--param",
        "fast=100",
        "--param",
        "slow=200",
        "--feed",
        "replay:" + feed);
  }

  private List<String> plan(String id) {
    return w.query(
        "SELECT status, stop_price, target_price, filled, exited, exit_reason FROM plans"
            + " WHERE plan_id = '"
            + id
            + "'");
  }

  @Test
  void open_adjust_list_and_close_a_plan_by_hand() {
    trade("main", 30); // the last close is 103.00

    String opened =
        w.ok(
            "plan",
            "open",
            "--portfolio",
            "main",
            "--symbol",
            "ZIG",
            "--side",
            "buy",
            "--quantity",
            "10",
            "--stop",
            "95",
            "--target",
            "110");
    assertThat(opened)
        .contains("plan-1 opened: buy 10 ZIG at the market, stop 95, target 110")
        .contains("no runner was trading portfolio main");
    assertThat(plan("plan-1")).containsExactly("PENDING,9500,11000,0.000000,0.000000,null");

    String list = w.ok("plan", "list", "--portfolio", "main");
    assertThat(list).contains("plan-1", "ZIG", "BUY", "PENDING", "95", "110", "103");
    JsonNode json = OutputFiles.json(w.ok("plan", "list", "--portfolio", "main", "--json"));
    assertThat(json.get("plans")).hasSize(1);
    assertThat(json.get("plans").get(0).get("plan_id").asText()).isEqualTo("plan-1");
    assertThat(json.get("plans").get(0).get("stop").asText()).isEqualTo("95");
    assertThat(json.get("pending_requests")).isEmpty();

    assertThat(w.ok("plan", "adjust", "plan-1", "--portfolio", "main", "--stop", "97"))
        .contains("plan-1 adjusted: stop 97, target 110");
    assertThat(plan("plan-1")).containsExactly("PENDING,9700,11000,0.000000,0.000000,null");

    // A runner trades on: the market entry fills at the next bar's open.
    trade("main", 34);
    assertThat(plan("plan-1")).containsExactly("ACTIVE,9700,11000,10.000000,0.000000,null");

    assertThat(w.ok("plan", "close", "plan-1", "--portfolio", "main")).contains("plan-1 closing");
    trade("main", 36);
    assertThat(plan("plan-1")).containsExactly("CLOSED,9700,11000,10.000000,10.000000,MANUAL");
    assertThat(w.ok("plan", "list", "--portfolio", "main"))
        .contains("portfolio main has no open plans", "latest requests:")
        .contains("(cli) close plan-1 -> accepted: plan-1")
        .contains("(cli) adjust plan-1 stop 97 -> accepted: plan-1")
        .contains("(cli) open buy 10 ZIG stop 95 target 110 -> accepted: plan-1");
    assertThat(
            w.query(
                "SELECT kind, status, result_plan FROM plan_requests ORDER BY created_ms,"
                    + " request_id"))
        .hasSize(3)
        .allMatch(r -> r.contains("ACCEPTED,plan-1"));

    // A closed plan cannot be changed.
    Cli.Run closed = w.run("plan", "close", "plan-1", "--portfolio", "main");
    assertThat(closed.exitCode()).isEqualTo(2);
    assertThat(closed.err()).contains("PLAN_ID: plan plan-1 is closed");
  }

  @Test
  void bad_input_names_the_option_and_queues_nothing() {
    trade("main", 30);
    String before = w.fingerprint();

    expectUsageError(
        "--symbol: unknown symbol NOPE",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "NOPE",
        "--side",
        "buy",
        "--quantity",
        "1");
    expectUsageError(
        "--quantity: quantity must be more than 0",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "ZIG",
        "--side",
        "buy",
        "--quantity",
        "0");
    expectUsageError(
        "--quantity: quantity must be more than 0",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "ZIG",
        "--side",
        "buy",
        "--quantity",
        "-5");
    expectUsageError(
        "--side: 'hold' is not buy or sell",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "ZIG",
        "--side",
        "hold",
        "--quantity",
        "1");
    expectUsageError(
        "--stop: a long plan's stop 104 must be below the price of ZIG, 103",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "ZIG",
        "--side",
        "buy",
        "--quantity",
        "1",
        "--stop",
        "104");
    expectUsageError(
        "--target: a short plan's target 105 must be below the price of ZIG, 103",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "ZIG",
        "--side",
        "sell",
        "--quantity",
        "1",
        "--target",
        "105");
    expectUsageError(
        "--stop: a long plan's stop 100 must be below its target 99",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "ZIG",
        "--side",
        "buy",
        "--quantity",
        "1",
        "--stop",
        "100",
        "--target",
        "99");
    expectUsageError(
        "'abc' is not a number",
        "plan",
        "open",
        "--portfolio",
        "main",
        "--symbol",
        "ZIG",
        "--side",
        "buy",
        "--quantity",
        "abc");
    expectUsageError(
        "PLAN_ID: unknown plan id plan-9: portfolio main has no such plan",
        "plan",
        "adjust",
        "plan-9",
        "--portfolio",
        "main",
        "--stop",
        "90");
    expectUsageError(
        "PLAN_ID: unknown plan id plan-9", "plan", "close", "plan-9", "--portfolio", "main");
    expectUsageError(
        "give a new --stop, a new --target or both",
        "plan",
        "adjust",
        "plan-1",
        "--portfolio",
        "main");
    expectUsageError("Missing required option: '--portfolio=NAME'", "plan", "list");

    Cli.Run unknown = w.run("plan", "list", "--portfolio", "nope");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("'nope'");

    assertThat(w.fingerprint()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void a_request_over_a_risk_cap_is_refused_naming_the_cap() {
    w.ok("portfolio", "create", "capped", "--max-order-value", "500");
    trade("capped", 30);

    Cli.Run refused =
        w.run(
            "plan",
            "open",
            "--portfolio",
            "capped",
            "--symbol",
            "ZIG",
            "--side",
            "buy",
            "--quantity",
            "10");
    assertThat(refused.exitCode()).isEqualTo(PlanCommand.REFUSED);
    assertThat(refused.err())
        .contains("refused: refused by risk, cap max_order_value")
        .contains("500");
    assertThat(w.query("SELECT status FROM plan_requests")).containsExactly("REFUSED");
    assertThat(w.ok("plan", "list", "--portfolio", "capped"))
        .contains("(cli) open buy 10 ZIG -> refused: refused by risk, cap max_order_value");
    assertThat(w.query("SELECT COUNT(*) FROM plans")).containsExactly("0");

    JsonNode ok =
        OutputFiles.json(
            w.ok(
                "plan",
                "open",
                "--portfolio",
                "capped",
                "--symbol",
                "ZIG",
                "--side",
                "buy",
                "--quantity",
                "4",
                "--json"));
    assertThat(ok.get("status").asText()).isEqualTo("ACCEPTED");
    // The refused request took plan-1's number, as a strategy's refused plan does.
    assertThat(ok.get("plan_id").asText()).isEqualTo("plan-2");
  }

  @Test
  void a_request_the_runner_does_not_answer_in_time_stays_queued_and_the_next_runner_applies_it() {
    trade("main", 30);
    PortfolioId main =
        new PortfolioId(w.query("SELECT id FROM portfolios WHERE name = 'main'").get(0));
    // A runner holds the portfolio (its lease is live) but does not get to the request.
    try (Database db = Database.open("jdbc:sqlite:" + w.database(), null, null, 1)) {
      db.jdbi()
          .useTransaction(
              h ->
                  new LeaseRepository()
                      .tryAcquire(
                          h,
                          main,
                          new RunId("run-busy"),
                          "busy-host",
                          4242,
                          Cli.NOW,
                          Duration.ofHours(1)));
    }
    Cli.Run queued =
        w.run(
            "plan",
            "open",
            "--portfolio",
            "main",
            "--symbol",
            "ZIG",
            "--side",
            "buy",
            "--quantity",
            "2",
            "--wait",
            "0");
    assertThat(queued.exitCode()).isEqualTo(PlanCommand.QUEUED);
    assertThat(queued.out())
        .contains("queued: request req-")
        .contains("run run-busy on host busy-host (pid 4242) holds portfolio main");
    assertThat(w.ok("plan", "list", "--portfolio", "main")).contains("open buy 2 ZIG -> queued");

    // That runner goes away; the next one applies the request as it starts.
    try (Database db = Database.open("jdbc:sqlite:" + w.database(), null, null, 1)) {
      db.jdbi().useTransaction(h -> new LeaseRepository().release(h, main, new RunId("run-busy")));
    }
    trade("main", 31);
    assertThat(w.query("SELECT status, result_plan FROM plan_requests"))
        .containsExactly("ACCEPTED,plan-1");
    assertThat(plan("plan-1")).containsExactly("ACTIVE,0,0,2.000000,0.000000,null");
  }

  private void expectUsageError(String message, String... args) {
    Cli.Run run = w.run(args);
    assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
    assertThat(run.err()).as(String.join(" ", args)).contains(message);
  }
}
