package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.store.Dialect;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/portfolios/{name}/bars: the stored bars of one symbol, for the price chart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarsApiTest {
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

  JsonNode bars(String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
    return r.json();
  }

  static List<String> field(JsonNode bars, String name) {
    List<String> out = new ArrayList<>();
    bars.forEach(b -> out.add(b.get(name).asText()));
    return out;
  }

  @Test
  void every_stored_bar_of_a_symbol_oldest_first_with_exact_prices() {
    JsonNode body = bars("/api/portfolios/alpha/bars?symbol=ACME");
    assertThat(body.get("symbol").asText()).isEqualTo("ACME");
    JsonNode all = body.get("bars");
    assertThat(field(all, "day"))
        .containsExactly(
            "2024-06-03",
            "2024-06-04",
            "2024-06-05",
            "2024-06-06",
            "2024-06-07",
            "2024-06-10",
            "2024-06-11",
            "2024-06-12");
    JsonNode first = all.get(0);
    assertThat(first.get("time").asText()).isEqualTo("2024-06-03T00:00:00Z");
    assertThat(first.get("open").asText()).isEqualTo("99");
    assertThat(first.get("high").asText()).isEqualTo("101");
    assertThat(first.get("low").asText()).isEqualTo("98");
    assertThat(first.get("close").asText()).isEqualTo("100");
    assertThat(first.get("volume").asText()).isEqualTo("1000000");
  }

  @Test
  void from_and_to_are_days_in_the_portfolios_zone() {
    assertThat(
            field(
                bars("/api/portfolios/alpha/bars?symbol=ACME&from=2024-06-05&to=2024-06-07")
                    .get("bars"),
                "day"))
        .containsExactly("2024-06-05", "2024-06-06", "2024-06-07");
    // Sydney's 4 June is 14:00 UTC on the 3rd to 14:00 UTC on the 4th: eight 3-hour bars.
    JsonNode sydney =
        bars("/api/portfolios/beta/bars?symbol=ZED&from=2024-06-04&to=2024-06-04").get("bars");
    assertThat(field(sydney, "time"))
        .containsExactly(
            "2024-06-03T16:00:00Z",
            "2024-06-03T19:00:00Z",
            "2024-06-03T22:00:00Z",
            "2024-06-04T01:00:00Z",
            "2024-06-04T04:00:00Z",
            "2024-06-04T07:00:00Z",
            "2024-06-04T10:00:00Z",
            "2024-06-04T13:00:00Z");
    assertThat(field(sydney, "day")).containsOnly("2024-06-04");
    assertThat(sydney.get(0).get("close").asText()).isEqualTo("51.25");
  }

  @Test
  void the_example_in_docs_api_md_holds() {
    JsonNode two =
        bars("/api/portfolios/beta/bars?symbol=ZED&from=2024-06-04&to=2024-06-04&limit=2")
            .get("bars");
    assertThat(field(two, "time")).containsExactly("2024-06-04T10:00:00Z", "2024-06-04T13:00:00Z");
    assertThat(field(two, "open")).containsExactly("52.65", "52.9");
    assertThat(field(two, "high")).containsExactly("53.25", "53.5");
    assertThat(field(two, "low")).containsExactly("52.15", "52.4");
    assertThat(field(two, "close")).containsExactly("52.75", "53");
    assertThat(field(two, "volume")).containsOnly("1000");
  }

  @Test
  void limit_keeps_the_newest_bars() {
    assertThat(field(bars("/api/portfolios/alpha/bars?symbol=ACME&limit=2").get("bars"), "day"))
        .containsExactly("2024-06-11", "2024-06-12");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/portfolios/alpha/bars,                                   symbol",
    "/api/portfolios/alpha/bars?symbol=,                           symbol",
    "/api/portfolios/alpha/bars?symbol=ACME&from=2024-6-1,         from",
    "/api/portfolios/alpha/bars?symbol=ACME&to=yesterday,          to",
    "/api/portfolios/alpha/bars?symbol=ACME&from=2024-06-10&to=2024-06-03, from",
    "/api/portfolios/alpha/bars?symbol=ACME&limit=0,               limit",
    "/api/portfolios/alpha/bars?symbol=ACME&limit=5001,            limit",
  })
  void a_bad_parameter_is_a_400_naming_it(String path, String parameter) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("parameter").asText()).isEqualTo(parameter);
  }

  @Test
  void an_unknown_symbol_or_portfolio_is_a_404() {
    Http.Response symbol = http.get("/api/portfolios/alpha/bars?symbol=NOPE");
    assertThat(symbol.status()).isEqualTo(404);
    assertThat(symbol.json().get("error").asText()).isEqualTo("no instrument named 'NOPE'");
    Http.Response portfolio = http.get("/api/portfolios/nope/bars?symbol=ACME");
    assertThat(portfolio.status()).isEqualTo(404);
  }

  @Test
  void a_server_with_a_token_wants_it_for_bars_too() {
    WebServer guarded =
        WebServer.start(
            ServerFixture.config().withApiToken(ServerFixture.TOKEN),
            fixture.db,
            fixture.cfg,
            Clock.systemUTC());
    try {
      String path = "/api/portfolios/alpha/bars?symbol=ACME";
      assertThat(new Http(guarded.url(), null).get(path).status()).isEqualTo(401);
      assertThat(new Http(guarded.url(), ServerFixture.TOKEN).get(path).status()).isEqualTo(200);
    } finally {
      guarded.stop();
    }
  }
}
