package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.store.Dialect;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad parameters get a 400 naming them, unknown things a 404, failures a 500 without detail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsTest {
  ServerFixture fixture;
  Http http;

  @BeforeAll
  void start() throws Exception {
    fixture = ServerFixture.start(Dialect.SQLITE, ServerFixture.config());
    http = fixture.http(null);
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/portfolios/alpha/fills?day=2024-6-1, day",
    "/api/portfolios/alpha/fills?day=2024-02-30, day",
    "/api/portfolios/alpha/fills?day=yesterday, day",
    "/api/portfolios/alpha/fills?limit=0, limit",
    "/api/portfolios/alpha/fills?limit=1001, limit",
    "/api/portfolios/alpha/fills?limit=ten, limit",
    "/api/portfolios/alpha/fills?offset=-1, offset",
    "/api/portfolios/alpha/fills?order=sideways, order",
    "/api/portfolios/alpha/orders?status=OPEN, status",
    "/api/portfolios/alpha/orders?limit=5000, limit",
    "/api/portfolios/alpha/orders?offset=-3, offset",
    "/api/portfolios/alpha/orders?order=up, order",
    "/api/portfolios/alpha/plans?status=done, status",
    "/api/portfolios/alpha/equity?from=2024-06-10&to=2024-06-03, from",
    "/api/portfolios/alpha/equity?to=06/10/2024, to",
    "/api/portfolios/alpha/equity?from=June, from",
    "/api/portfolios/alpha/days?from=2024-06-10&to=2024-06-03, from",
    "/api/portfolios/alpha/days?to=2024-13-01, to",
    "/api/portfolios/alpha/logs?last=0, last",
    "/api/portfolios/alpha/logs?last=abc, last",
    "/api/portfolios/alpha/logs?last=%D9%A1%D9%A2%D9%A3, last",
    "/api/portfolios/alpha/fills?limit=%EF%BC%95, limit",
    "/api/portfolios/alpha/fills?day=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94-06-05, day",
    "/api/portfolios/alpha/logs/2024-06-5, day",
  })
  void a_bad_parameter_is_a_400_naming_it(String path, String parameter) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.json().get("error").asText()).contains(parameter);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/portfolios/nope, no portfolio named 'nope'",
    "/api/portfolios/nope/positions, no portfolio named 'nope'",
    "/api/portfolios/nope/plans, no portfolio named 'nope'",
    "/api/portfolios/nope/orders, no portfolio named 'nope'",
    "/api/portfolios/nope/fills, no portfolio named 'nope'",
    "/api/portfolios/nope/runs, no portfolio named 'nope'",
    "/api/portfolios/nope/equity, no portfolio named 'nope'",
    "/api/portfolios/nope/days, no portfolio named 'nope'",
    "/api/portfolios/nope/bars?symbol=ACME, no portfolio named 'nope'",
    "/api/portfolios/nope/logs, no portfolio named 'nope'",
    "/api/portfolios/nope/logs/2024-06-05, no portfolio named 'nope'",
    "/api/portfolios/nope/stream, no portfolio named 'nope'",
    "/api/portfolios/alpha/logs/2024-06-08, has no daily log for 2024-06-08",
    "/api/nothing-here, no such endpoint: GET /api/nothing-here",
  })
  void an_unknown_portfolio_day_or_endpoint_is_a_404(String path, String message) {
    Http.Response r = http.get(path);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("error").asText()).contains(message);
    assertThat(r.json().has("parameter")).isFalse();
  }

  @Test
  void a_value_that_is_not_valid_percent_encoding_is_a_400_naming_it() {
    RawHttp raw = new RawHttp(fixture.server.port());
    for (String query : List.of("day=%zz", "day=%", "day=%u0041", "limit=1&day=2024-06-0%")) {
      RawHttp.Response r = raw.send("GET", "/api/portfolios/alpha/fills?" + query);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.json().get("parameter").asText()).as(query).isEqualTo("day");
      assertThat(r.json().get("error").asText()).contains("percent-encoding");
    }
    RawHttp.Response path = raw.send("GET", "/api/portfolios/zz%u0041");
    assertThat(path.status()).isEqualTo(400);
    assertThat(path.json().get("parameter").asText()).isEqualTo("path");
    // Jetty itself refuses this one before routing; its answer is JSON too.
    RawHttp.Response jetty = raw.send("GET", "/api/portfolios/alpha%/fills");
    assertThat(jetty.status()).isEqualTo(400);
    assertThat(jetty.header("Content-Type")).startsWith("application/json");
    assertThat(jetty.json().get("error").asText()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/portfolios/alpha/fills, 200",
    "/api/portfolios/alpha/fills?day=yesterday, 400",
    "/api/portfolios/nope, 404",
    "/api/portfolios/nope/stream, 404",
    "/api/portfolios/alpha/stream, 406",
    "/api/runs/nope, 404",
    "/api/nothing-here, 404",
    "/metrics, 200",
  })
  void head_answers_with_the_status_get_would(String path, int status) {
    RawHttp raw = new RawHttp(fixture.server.port());
    assertThat(raw.send("GET", path, "Accept: application/json").status()).isEqualTo(status);
    RawHttp.Response head = raw.send("HEAD", path, "Accept: application/json");
    assertThat(head.status()).isEqualTo(status);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void the_stream_asks_for_the_event_stream_accept_header() {
    Http.Response r = http.get("/api/portfolios/alpha/stream", "Accept", "application/json");
    assertThat(r.status()).isEqualTo(406);
    assertThat(r.json().get("parameter").asText()).isEqualTo("Accept");
  }

  @Test
  void an_internal_failure_is_a_500_without_a_stack_trace() {
    // A fill whose price is not a number: rebuilding the ledger fails inside the server.
    fixture
        .db
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO portfolios (id, name, base_currency, time_zone, calendar,"
                        + " starting_cash, settings, created_ms) VALUES ('broken-1', 'broken',"
                        + " 'USD', 'UTC', 'NYSE', '1000', '{}', 0)"));
    fixture
        .db
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO fills (portfolio_id, trade_id, seq, client_order_id, symbol,"
                        + " side, quantity, price, fee, time_ms, bot_version, source) VALUES"
                        + " ('broken-1', 't1', 1, 'o1', 'ACME', 'BUY', '1', 'not-a-price', '0',"
                        + " 0, 'v1', 'import')"));
    Http.Response r = http.get("/api/portfolios/broken");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("{\"error\":\"internal error\"}");
    Http.Response positions = http.get("/api/portfolios/broken/positions");
    assertThat(positions.status()).isEqualTo(500);
    assertThat(positions.body()).doesNotContain("Exception").doesNotContain("at io.");
  }
}
