package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.StandbyRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every read endpoint against the two seeded portfolios; run on SQLite and on PostgreSQL by the
 * subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadEndpointsContract {
  ServerFixture fixture;
  Http http;

  abstract Dialect dialect();

  @BeforeAll
  void start() throws Exception {
    fixture = ServerFixture.start(dialect(), ServerFixture.config());
    http = fixture.http(null);
  }

  @AfterAll
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  JsonNode ok(String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    return r.json();
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  static BigDecimal dec(JsonNode node, String field) {
    return new BigDecimal(node.get(field).asText());
  }

  @Test
  void health_names_the_database_and_schema() {
    JsonNode h = ok("/api/health");
    assertThat(h.get("status").asText()).isEqualTo("ok");
    assertThat(h.get("database").asText()).isEqualTo(dialect().name().toLowerCase(Locale.ROOT));
    List<Database.MigrationState> migrations = fixture.db.status();
    assertThat(h.get("schema_version").asText())
        .as("the newest migration shipped")
        .isEqualTo(migrations.get(migrations.size() - 1).version());
    assertThat(h.get("schema_current").asBoolean()).isTrue();
    assertThat(h.get("time").asText()).endsWith("Z");
  }

  @Test
  void portfolios_are_listed_by_name_with_their_identity() {
    JsonNode all = ok("/api/portfolios").get("portfolios");
    assertThat(texts(all, "name")).containsExactly("alpha", "beta");
    JsonNode beta = all.get(1);
    assertThat(beta.get("id").asText()).startsWith("beta-");
    assertThat(beta.get("base_currency").asText()).isEqualTo("USD");
    assertThat(beta.get("calendar").asText()).isEqualTo("CRYPTO_24_7");
    assertThat(beta.get("time_zone").asText()).isEqualTo("Australia/Sydney");
    assertThat(beta.get("starting_cash").asText()).isEqualTo("50000");
    assertThat(beta.get("created").asText()).isEqualTo("2024-06-01T00:00:00Z");
  }

  @Test
  void a_portfolio_names_the_runner_trading_it_and_the_standbys() {
    JsonNode idle = ok("/api/portfolios/alpha").get("runner");
    assertThat(idle.get("holder").isNull()).isTrue();
    assertThat(idle.get("standbys")).isEmpty();

    PortfolioId alpha =
        new PortfolioId(ok("/api/portfolios").get("portfolios").get(0).get("id").asText());
    Instant now = Instant.now();
    fixture
        .db
        .jdbi()
        .useTransaction(
            h -> {
              new LeaseRepository()
                  .tryAcquire(
                      h, alpha, new RunId("run-a"), "host-a", 41, now, Duration.ofMinutes(1));
              new StandbyRepository().heartbeat(h, alpha, "host-b", 42, now);
              new StandbyRepository()
                  .heartbeat(h, alpha, "host-c", 43, now.minus(Duration.ofHours(1)));
            });
    try {
      JsonNode runner = ok("/api/portfolios/alpha").get("runner");
      assertThat(runner.get("holder").get("run").asText()).isEqualTo("run-a");
      assertThat(runner.get("holder").get("host").asText()).isEqualTo("host-a");
      assertThat(runner.get("holder").get("pid").asLong()).isEqualTo(41);
      // The standby not heard from for an hour has gone.
      assertThat(texts(runner.get("standbys"), "host")).containsExactly("host-b");
    } finally {
      fixture
          .db
          .jdbi()
          .useTransaction(
              h -> {
                h.execute("DELETE FROM leases");
                h.execute("DELETE FROM standbys");
              });
    }
  }

  @Test
  void a_portfolio_has_its_summary_in_total_and_per_bot_version() {
    JsonNode p = ok("/api/portfolios/alpha");
    assertThat(p.get("portfolio").get("name").asText()).isEqualTo("alpha");
    JsonNode s = p.get("summary");
    // 10 ACME bought at 100 and sold at its target 106 (v1); 5 bought at 107, marked at 111 (v2).
    assertThat(dec(s, "realized_pnl")).isEqualByComparingTo("60");
    assertThat(dec(s, "unrealized_pnl")).isEqualByComparingTo("20");
    assertThat(dec(s, "fees")).isEqualByComparingTo("3.06");
    assertThat(dec(s, "other_costs")).isEqualByComparingTo("0");
    assertThat(dec(s, "total_pnl")).isEqualByComparingTo("76.94");
    assertThat(dec(s, "equity")).isEqualByComparingTo("100076.94");
    assertThat(dec(s, "cash")).isEqualByComparingTo("99521.94");
    assertThat(dec(s, "gross_exposure")).isEqualByComparingTo("555");
    assertThat(s.get("open_positions").asInt()).isEqualTo(1);
    assertThat(s.get("fills").asLong()).isEqualTo(3);
    assertThat(s.has("bot_version")).isFalse();
    assertThat(dec(s, "total_pnl"))
        .isEqualByComparingTo(
            dec(s, "realized_pnl").add(dec(s, "unrealized_pnl")).subtract(dec(s, "fees")));
    JsonNode versions = p.get("by_bot_version");
    assertThat(texts(versions, "bot_version")).containsExactly("v1", "v2");
    assertThat(versions.get(0).get("fills").asLong()).isEqualTo(2);
    assertThat(dec(versions.get(0), "total_pnl")).isEqualByComparingTo("57.94");
    assertThat(dec(versions.get(1), "unrealized_pnl")).isEqualByComparingTo("20");
    assertThat(p.get("open_plans").asInt()).isEqualTo(2);
    assertThat(p.get("marks").get("ACME").asText()).isEqualTo("111");
    assertThat(p.get("last_event").asText()).isEqualTo("2024-06-12T00:00:00Z");
    assertThat(p.get("last_run").get("bot_version").asText()).isEqualTo("v2");
    assertThat(p.get("drift").isNull()).as("no drift on the paper exchange").isTrue();
  }

  @Test
  void each_portfolio_shows_its_own_positions() {
    JsonNode alpha = ok("/api/portfolios/alpha/positions").get("positions");
    assertThat(texts(alpha, "symbol")).containsExactly("ACME");
    assertThat(dec(alpha.get(0), "quantity")).isEqualByComparingTo("5");
    assertThat(dec(alpha.get(0), "average_cost")).isEqualByComparingTo("107");
    assertThat(dec(alpha.get(0), "unrealized_pnl")).isEqualByComparingTo("20");
    JsonNode beta = ok("/api/portfolios/beta/positions").get("positions");
    assertThat(texts(beta, "symbol")).containsExactly("ZED");
    assertThat(dec(beta.get(0), "quantity")).isEqualByComparingTo("50");
  }

  @Test
  void plans_filter_by_status_and_open_means_pending_and_active_of_any_run() {
    JsonNode open = ok("/api/portfolios/alpha/plans?status=open").get("plans");
    assertThat(texts(open, "plan_id")).containsExactly("plan-2", "plan-3");
    assertThat(texts(open, "status")).containsExactly("ACTIVE", "PENDING");
    JsonNode active = open.get(0);
    assertThat(active.get("stop").asText()).isEqualTo("100");
    assertThat(active.get("target").asText()).isEqualTo("130");
    assertThat(active.get("mark").asText()).isEqualTo("111");
    assertThat(dec(active, "stop_distance")).isEqualByComparingTo("-0.099099");
    assertThat(active.get("entry").isNull()).isTrue();
    assertThat(open.get(1).get("entry").asText()).isEqualTo("90");
    JsonNode closed = ok("/api/portfolios/alpha/plans?status=closed").get("plans");
    assertThat(texts(closed, "plan_id")).containsExactly("plan-1");
    assertThat(closed.get(0).get("exit_reason").asText()).isEqualTo("TARGET");
    assertThat(closed.get(0).get("bot_version").asText()).isEqualTo("v1");
    assertThat(ok("/api/portfolios/alpha/plans?status=all").get("plans")).hasSize(3);
    assertThat(ok("/api/portfolios/alpha/plans").get("plans")).hasSize(3);
    assertThat(ok("/api/portfolios/alpha/plans?status=CANCELLED").get("plans")).isEmpty();
    JsonNode beta = ok("/api/portfolios/beta/plans?status=open").get("plans");
    assertThat(texts(beta, "symbol")).containsExactly("ZED");
  }

  @Test
  void orders_are_paged_newest_first_and_filter_by_status() {
    JsonNode all = ok("/api/portfolios/alpha/orders");
    assertThat(all.get("total").asLong()).isEqualTo(4);
    assertThat(all.get("limit").asInt()).isEqualTo(100);
    assertThat(texts(all.get("items"), "client_order_id"))
        .containsExactly("plan-3-entry", "plan-2-entry", "plan-1-exit-1", "plan-1-entry");
    JsonNode page = ok("/api/portfolios/alpha/orders?limit=1&offset=1&order=asc");
    assertThat(page.get("total").asLong()).isEqualTo(4);
    assertThat(texts(page.get("items"), "client_order_id")).containsExactly("plan-1-exit-1");
    JsonNode filled = ok("/api/portfolios/alpha/orders?status=FILLED");
    assertThat(filled.get("total").asLong()).isEqualTo(3);
    JsonNode working = ok("/api/portfolios/alpha/orders?status=working").get("items");
    assertThat(texts(working, "client_order_id")).containsExactly("plan-3-entry");
    assertThat(working.get(0).get("limit_price").asText()).isEqualTo("90");
  }

  @Test
  void fills_are_paged_and_filter_by_run_and_bot_version() {
    JsonNode all = ok("/api/portfolios/alpha/fills");
    assertThat(all.get("total").asLong()).isEqualTo(3);
    assertThat(texts(all.get("items"), "seq")).containsExactly("3", "2", "1");
    JsonNode first = all.get("items").get(2);
    assertThat(first.get("price").asText()).isEqualTo("100");
    assertThat(first.get("value").asText()).isEqualTo("1000");
    assertThat(first.get("fee").asText()).isEqualTo("1");
    assertThat(first.get("day").asText()).isEqualTo("2024-06-04");
    JsonNode v1 = ok("/api/portfolios/alpha/fills?bot_version=v1");
    assertThat(v1.get("total").asLong()).isEqualTo(2);
    String run = v1.get("items").get(0).get("run_id").asText();
    JsonNode byRun = ok("/api/portfolios/alpha/fills?run=" + run + "&order=asc&limit=1");
    assertThat(byRun.get("total").asLong()).isEqualTo(2);
    assertThat(texts(byRun.get("items"), "seq")).containsExactly("1");
    assertThat(ok("/api/portfolios/alpha/fills?bot_version=v9").get("total").asLong()).isZero();
    assertThat(ok("/api/portfolios/alpha/fills?offset=3").get("items")).isEmpty();
  }

  @Test
  void fills_filtered_by_day_are_exactly_that_days_fills_in_the_portfolios_zone() {
    JsonNode all = ok("/api/portfolios/beta/fills?limit=1000").get("items");
    List<String> days = texts(all, "day");
    assertThat(days).contains("2024-06-03", "2024-06-04");
    for (String day : List.of("2024-06-03", "2024-06-04", "2024-06-05")) {
      List<String> expected = new ArrayList<>();
      all.forEach(
          f -> {
            if (f.get("day").asText().equals(day)) {
              expected.add(f.get("trade_id").asText());
            }
          });
      JsonNode page = ok("/api/portfolios/beta/fills?day=" + day);
      assertThat(texts(page.get("items"), "trade_id")).as(day).isEqualTo(expected);
      assertThat(page.get("total").asLong()).isEqualTo(expected.size());
    }
    // 19:00 UTC on 3 June is 05:00 on 4 June in Sydney.
    JsonNode sydney = ok("/api/portfolios/beta/fills?day=2024-06-04").get("items");
    assertThat(texts(sydney, "time")).contains("2024-06-03T19:00:00Z");
    // A daily bar's fill (00:00 UTC, a date with no time) stays on its own date in New York.
    JsonNode daily = ok("/api/portfolios/alpha/fills?day=2024-06-05").get("items");
    assertThat(texts(daily, "time")).containsExactly("2024-06-05T00:00:00Z");
    assertThat(ok("/api/portfolios/alpha/fills?day=2024-06-06").get("total").asLong()).isZero();
  }

  @Test
  void the_equity_curve_comes_from_the_snapshots_with_drawdown_from_the_running_peak() {
    JsonNode curve = ok("/api/portfolios/alpha/equity").get("equity");
    assertThat(texts(curve, "day"))
        .containsExactly(
            "2024-06-03",
            "2024-06-04",
            "2024-06-05",
            "2024-06-06",
            "2024-06-07",
            "2024-06-10",
            "2024-06-11",
            "2024-06-12");
    BigDecimal peak = new BigDecimal("100000");
    for (JsonNode point : curve) {
      peak = peak.max(dec(point, "equity"));
      assertThat(dec(point, "peak")).isEqualByComparingTo(peak);
      assertThat(dec(point, "drawdown")).isEqualByComparingTo(dec(point, "equity").subtract(peak));
      assertThat(dec(point, "drawdown")).isLessThanOrEqualTo(BigDecimal.ZERO);
    }
    JsonNode window = ok("/api/portfolios/alpha/equity?from=2024-06-05&to=2024-06-07");
    assertThat(texts(window.get("equity"), "day"))
        .containsExactly("2024-06-05", "2024-06-06", "2024-06-07");
    JsonNode beta = ok("/api/portfolios/beta/equity").get("equity");
    assertThat(beta.size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void portfolio_days_are_listed_with_their_returns() {
    JsonNode days = ok("/api/portfolios/alpha/days").get("days");
    assertThat(days).hasSize(8);
    JsonNode fifth = days.get(2);
    assertThat(fifth.get("day").asText()).isEqualTo("2024-06-05");
    assertThat(fifth.get("fills").asLong()).isEqualTo(1);
    assertThat(dec(fifth, "realized_pnl")).isEqualByComparingTo("60");
    assertThat(fifth.has("return_ratio")).isTrue();
    assertThat(ok("/api/portfolios/alpha/days?from=2024-06-11").get("days")).hasSize(2);
    assertThat(ok("/api/portfolios/alpha/days?to=2024-06-03").get("days")).hasSize(1);
  }

  @Test
  void daily_logs_come_oldest_first_with_parsed_observations() {
    JsonNode logs = ok("/api/portfolios/alpha/logs?last=3").get("logs");
    assertThat(texts(logs, "day")).containsExactly("2024-06-10", "2024-06-11", "2024-06-12");
    JsonNode last = logs.get(2);
    assertThat(last.get("tier").asText()).isNotBlank();
    assertThat(last.get("observations").isArray()).isTrue();
    assertThat(dec(last, "account_value")).isEqualByComparingTo("100076.94");
    // Every trading day from the day the portfolio was created (31 May in New York) on.
    JsonNode all = ok("/api/portfolios/alpha/logs").get("logs");
    assertThat(all.size()).isEqualTo(9);
    // Observations fire on the day a state begins; some day has one, parsed.
    JsonNode observed = null;
    for (JsonNode log : all) {
      if (observed == null && !log.get("observations").isEmpty()) {
        observed = log.get("observations").get(0);
      }
    }
    assertThat(observed).as("an observation on some day").isNotNull();
    assertThat(observed.get("code").asText()).isNotBlank();
    assertThat(observed.get("facts").isObject()).isTrue();
    assertThat(all.get(0).get("day").asText()).isEqualTo("2024-05-31");
    JsonNode day = ok("/api/portfolios/alpha/logs/2024-06-05");
    assertThat(day.get("day").asText()).isEqualTo("2024-06-05");
    assertThat(day.get("trades").asLong()).isEqualTo(1);
  }

  @Test
  void runs_of_each_portfolio_are_listed_in_start_order() {
    JsonNode alpha = ok("/api/portfolios/alpha/runs").get("runs");
    assertThat(texts(alpha, "bot_version")).containsExactly("v1", "v2");
    assertThat(alpha.get(0).get("end_reason").asText()).isEqualTo("feed ended");
    assertThat(alpha.get(0).get("ended").isNull()).isFalse();
    assertThat(texts(ok("/api/portfolios/beta/runs").get("runs"), "bot_version"))
        .containsExactly("b1");
  }
}
