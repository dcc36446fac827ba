package io.tradecore.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.tradecore.core.domain.RunId;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.TestDatabases;
import io.tradecore.store.query.PlanQueries;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard's Decisions page in headless chromium: a portfolio traded by real runners, with the
 * traces of two questions to the model stored beside its plans (one answer opened a plan, one was
 * refused). The page shows the traced decision next to the plan it opened and the price chart of
 * its instrument, and a refused decision with its reason and no plan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionsBrowserTest {
  static final String TOKEN = "decisions-test-token-0123456789";

  Database db;
  Path dir;
  WebServer server;
  Playwright playwright;
  Browser browser;
  PlanQueries.Row plan;
  final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  void start() throws IOException {
    Chromium.assumeInstalled();
    db = TestDatabases.open(Dialect.SQLITE);
    dir = Path.of(System.getProperty("java.io.tmpdir"), "decisions-" + UUID.randomUUID());
    Files.createDirectories(dir);
    BrowserSeed.alpha(db, dir);
    PortfolioRecord alpha = BrowserSeed.byName(db, "alpha");
    plan =
        db
            .jdbi()
            .withHandle(
                h ->
                    new PlanQueries()
                        .withStatus(h, alpha.id(), List.of("ACTIVE", "CLOSED", "PENDING")))
            .stream()
            .filter(p -> p.symbol().equals("ACME"))
            .findFirst()
            .orElseThrow();
    Instant opened = Instant.ofEpochMilli(plan.createdMs());
    db.jdbi()
        .useTransaction(
            h -> {
              LlmTraceRepository traces = new LlmTraceRepository();
              traces.insertIfAbsent(
                  h,
                  trace(
                      alpha,
                      "trace-open",
                      opened,
                      "accepted",
                      "1 accepted",
                      "{\"accepted\":[{\"action\":\"open_plan\",\"instrument\":\"ACME\","
                          + "\"side\":\"buy\",\"quantity\":\"10\",\"entry\":\"market\","
                          + "\"stop\":\"95\",\"target\":\"110\",\"reason\":\"higher lows above"
                          + " the 20-day average\"}],\"refused\":[]}"));
              traces.insertIfAbsent(
                  h,
                  trace(
                      alpha,
                      "trace-refused",
                      opened.minus(Duration.ofDays(1)),
                      "refused",
                      "decision 0: oversized_order: quantity 5000 exceeds the maximum 950",
                      "{\"accepted\":[],\"refused\":[{\"index\":0,\"reason\":\"oversized_order\","
                          + "\"detail\":\"quantity 5000 exceeds the maximum 950\"}]}"));
            });
    WebConfig config =
        WebConfig.defaults()
            .withPort(0)
            .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(15))
            .withApiToken(TOKEN);
    server =
        WebServer.start(config, db, TradeCoreConfig.load(null, Map.of(), dir), Clock.systemUTC());
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
  }

  private LlmTraceRepository.Row trace(
      PortfolioRecord p, String id, Instant moment, String outcome, String reason, String json) {
    return new LlmTraceRepository.Row(
        id,
        p.id(),
        new RunId(plan.runId()),
        plan.botVersion(),
        moment,
        moment.atOffset(ZoneOffset.UTC).toLocalDate().toString(),
        "0f".repeat(32),
        "live",
        "gpt-4o-mini",
        "gpt-4o-mini-2024-07-18",
        "the rules",
        "MOMENT " + moment + "\nPORTFOLIO\n...",
        "{\"decisions\":[]}",
        2400L,
        120L,
        new BigDecimal("0.000432"),
        850,
        1,
        outcome,
        reason,
        json,
        moment);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (server != null) {
      server.stop();
    }
    if (db != null) {
      TestDatabases.dispose(db);
    }
  }

  @Test
  void the_model_spend_is_the_portfolio_s_other_costs_in_total_and_per_bot_version()
      throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + "api/portfolios/alpha"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(r.body());
    JsonNode s = body.get("summary");
    BigDecimal spent = new BigDecimal("0.000864");
    assertThat(new BigDecimal(s.get("other_costs").asText())).isEqualByComparingTo(spent);
    assertThat(new BigDecimal(s.get("total_pnl").asText()))
        .isEqualByComparingTo(
            new BigDecimal(s.get("realized_pnl").asText())
                .add(new BigDecimal(s.get("unrealized_pnl").asText()))
                .subtract(new BigDecimal(s.get("fees").asText()))
                .subtract(spent));
    for (JsonNode v : body.get("by_bot_version")) {
      assertThat(new BigDecimal(v.get("other_costs").asText()))
          .as(v.get("bot_version").asText())
          .isEqualByComparingTo(
              v.get("bot_version").asText().equals(plan.botVersion()) ? spent : BigDecimal.ZERO);
    }
  }

  @Test
  void the_decisions_page_shows_a_traced_decision_next_to_its_plan_and_chart() throws Exception {
    try (BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1360, 900)
                .setLocale("en-US")
                .setTimezoneId("UTC"))) {
      context.setDefaultTimeout(15_000);
      context.addInitScript("window.localStorage.setItem('tradecore.apiToken', '" + TOKEN + "');");
      Page page = context.newPage();
      page.onPageError(pageErrors::add);
      page.navigate(server.url() + "#/decisions?portfolio=alpha");

      page.locator("#decision-card").waitFor();
      assertThat(page.locator("#decision-card").getAttribute("data-trace"))
          .as("the decision that opened a plan is shown first")
          .isEqualTo("trace-open");
      assertThat(page.locator("#decision-list").textContent())
          .contains("open_plan", "buy 10 ACME", "higher lows above the 20-day average");
      assertThat(page.locator("#decision-plan tbody tr").allTextContents())
          .singleElement()
          .asString()
          .contains(plan.planId());
      page.waitForCondition(
          () -> (Boolean) page.evaluate("() => !!Chart.getChart('decision-chart')"));
      assertThat(
              page.evaluate(
                  "() => Chart.getChart('decision-chart').data.datasets.map(d => d.label).join('|')"))
          .asString()
          .contains("stop " + plan.planId(), "target " + plan.planId());
      assertThat(page.locator("#decision-detail h2").first().textContent()).isEqualTo("ACME");
      assertThat(page.locator("#decisions-table tbody tr").count()).isEqualTo(2);
      Files.createDirectories(Path.of("target", "screenshots"));
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target", "screenshots", "decisions.png"))
              .setFullPage(true));

      page.locator("#decisions-table tr[data-trace=trace-refused] a").click();
      page.waitForCondition(
          () -> "trace-refused".equals(page.locator("#decision-card").getAttribute("data-trace")));
      assertThat(page.locator("#decision-list").textContent())
          .contains("refused decision 0: oversized_order: quantity 5000 exceeds the maximum 950");
      assertThat(page.locator("#decision-plan").textContent())
          .isEqualTo("This decision opened no plan.");
      assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
    }
  }
}
