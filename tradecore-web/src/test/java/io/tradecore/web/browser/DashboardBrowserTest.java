package io.tradecore.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.tradecore.runner.PortfolioStatus;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.RunRepository;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.store.TestDatabases;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard in real headless chromium against a real server over a SQLite database holding two
 * portfolios with weeks of history, with an API token configured (so notes can be written). Each
 * test has its own browser context; screenshots of each page go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  static final String TOKEN = "browser-test-token-0123456789";
  static final Duration WAIT = Duration.ofSeconds(15);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final ObjectMapper JSON = new ObjectMapper();

  Database db;
  Path dir;
  WebServer server;
  Playwright playwright;
  Browser browser;
  BrowserContext context;
  Page page;
  final List<String> pageErrors = new ArrayList<>();
  final List<String> policyViolations = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws IOException {
    Chromium.assumeInstalled();
    long started = System.nanoTime();
    db = TestDatabases.open(Dialect.SQLITE);
    dir = Path.of(System.getProperty("java.io.tmpdir"), "browser-" + UUID.randomUUID());
    Files.createDirectories(dir);
    BrowserSeed.both(db, dir);
    server = serve(db, TOKEN);
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
    Files.createDirectories(SCREENSHOTS);
    System.out.printf(
        "browser tests: seeded, serving and browser up in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  WebServer serve(Database database, String token) {
    WebConfig config =
        WebConfig.defaults()
            .withPort(0)
            .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(15));
    if (token != null) {
      config = config.withApiToken(token);
    }
    TradeCoreConfig cfg = TradeCoreConfig.load(null, Map.of(), dir);
    return WebServer.start(config, database, cfg, Clock.systemUTC());
  }

  @AfterAll
  void stop() throws IOException {
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

  @BeforeEach
  void newContext() {
    context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1360, 860)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
    context.setDefaultTimeout(WAIT.toMillis());
    page = context.newPage();
    pageErrors.clear();
    page.onPageError(pageErrors::add);
    policyViolations.clear();
    context.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            policyViolations.add(m.text());
          }
        });
  }

  @AfterEach
  void closeContext() {
    context.close();
    assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
    assertThat(policyViolations).as("what the Content-Security-Policy refused").isEmpty();
  }

  /** Keeps the API token in the browser's storage, as the token prompt would. */
  void withToken() {
    context.addInitScript("window.localStorage.setItem('tradecore.apiToken', '" + TOKEN + "');");
  }

  void open(String hash) {
    page.navigate(server.url() + hash);
  }

  Locator rows(String table) {
    return page.locator("#" + table + " tbody tr");
  }

  /** A screenshot of the whole page. */
  void shot(String name) {
    shot(name, true);
  }

  /** A screenshot of the whole page, or of what the window shows (for long pages). */
  void shot(String name, boolean fullPage) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(name + ".png"))
            .setFullPage(fullPage));
  }

  void waitUntil(String what, BooleanSupplier condition) {
    page.waitForCondition(
        condition, new Page.WaitForConditionOptions().setTimeout(WAIT.toMillis()));
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  JsonNode api(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + "api/" + path))
                  .header("Authorization", "Bearer " + TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static TreeSet<String> texts(JsonNode array, String field) {
    TreeSet<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  TreeSet<String> attributes(String table, String attribute) {
    TreeSet<String> out = new TreeSet<>();
    for (Locator row : rows(table).all()) {
      out.add(row.getAttribute(attribute));
    }
    return out;
  }

  @Test
  @Order(1)
  void the_dashboard_asks_for_the_token_then_shows_the_summary_and_equity_curve() {
    open("#/overview");
    page.locator("#token-panel").waitFor();
    assertThat(page.locator("#banner").textContent()).contains("needs an API token");
    page.locator("#token-input").fill(TOKEN);
    page.locator("#token-form button[type=submit]").click();
    page.locator("[data-card=equity]").waitFor();
    assertThat(page.locator("#token-panel").isHidden()).isTrue();

    JsonNode alpha = api("portfolios/alpha");
    String equity = alpha.get("summary").get("equity").asText();
    String shown =
        "$"
            + String.format(
                Locale.US, "%,.2f", new BigDecimal(equity).setScale(2, RoundingMode.HALF_EVEN));
    assertThat(page.locator("[data-card=equity] .card-value").textContent()).isEqualTo(shown);
    assertThat(page.locator("#summary-cards .card").count()).isEqualTo(8);
    assertThat(page.locator("#portfolio-select").inputValue()).isEqualTo("alpha");
    waitUntil(
        "the equity chart is drawn",
        () -> (Boolean) page.evaluate("() => !!Chart.getChart('equity-chart')"));
    assertThat(attributesOfCells("#slices-table tbody tr td:first-child"))
        .containsExactly("v1", "v2");
    waitUntil("the live stream is open", () -> page.locator("#live-status.on").count() == 1);
    shot("overview");
  }

  List<String> attributesOfCells(String selector) {
    return page.locator(selector).allTextContents();
  }

  @Test
  @Order(2)
  void selecting_the_second_portfolio_shows_its_own_positions_and_plans() {
    withToken();
    TreeSet<String> alphaSymbols =
        texts(api("portfolios/alpha/positions").get("positions"), "symbol");
    TreeSet<String> betaSymbols =
        texts(api("portfolios/beta/positions").get("positions"), "symbol");
    JsonNode betaPlans = api("portfolios/beta/plans?status=open").get("plans");
    TreeSet<String> betaPlanSymbols = texts(betaPlans, "symbol");
    assertThat(alphaSymbols).contains("ACME").doesNotContainAnyElementsOf(betaSymbols);
    assertThat(betaSymbols).containsExactly("ZED");

    open("#/positions");
    rows("positions-table").first().waitFor();
    assertThat(attributes("positions-table", "data-symbol")).isEqualTo(alphaSymbols);
    // The side beside the signed quantity: every position the seed holds is long.
    assertThat(page.locator("#positions-table tbody tr td:nth-child(2)").allTextContents())
        .containsOnly("long");
    assertThat(rows("plans-table").count())
        .isEqualTo(api("portfolios/alpha/plans?status=open").get("plans").size());
    shot("positions");

    page.locator("#portfolio-select").selectOption("beta");
    waitUntil(
        "beta's positions are shown",
        () -> attributes("positions-table", "data-symbol").equals(betaSymbols));
    assertThat(rows("plans-table").count()).isEqualTo(betaPlans.size());
    TreeSet<String> shownPlanSymbols =
        new TreeSet<>(page.locator("#plans-table tbody tr td:nth-child(2)").allTextContents());
    assertThat(shownPlanSymbols).isEqualTo(betaPlanSymbols).doesNotContain("ACME", "GLOBEX");
    assertThat(page.locator("#positions-table").textContent()).contains("€");
    shot("positions-beta");

    page.reload();
    rows("positions-table").first().waitFor();
    assertThat(page.locator("#portfolio-select").inputValue())
        .as("the selected portfolio is remembered")
        .isEqualTo("beta");
    assertThat(attributes("positions-table", "data-symbol")).isEqualTo(betaSymbols);
  }

  @Test
  @Order(3)
  void the_day_filter_narrows_the_fills_to_that_day() {
    withToken();
    JsonNode all = api("portfolios/alpha/fills?limit=1000");
    int total = all.get("total").asInt();
    String day = all.get("items").get(all.get("items").size() / 2).get("day").asText();
    int onDay = api("portfolios/alpha/fills?day=" + day).get("total").asInt();
    assertThat(onDay).isPositive().isLessThan(total);

    open("#/activity");
    rows("fills-table").first().waitFor();
    assertThat(rows("fills-table").count()).isEqualTo(Math.min(total, 100));
    assertThat(page.locator("#fills-count").textContent()).startsWith(total + " fills");

    page.locator("#day-filter").fill(day);
    waitUntil(
        "the fills are narrowed to " + day,
        () -> page.locator("#fills-count").textContent().contains("on " + day));
    assertThat(page.url()).endsWith("#/activity?portfolio=alpha&day=" + day);
    assertThat(rows("fills-table").count()).isEqualTo(onDay);
    assertThat(page.locator("#fills-table tbody tr td:nth-child(3)").allTextContents())
        .containsOnly(day);
    assertThat(page.locator("#orders-panel h2").textContent()).contains(day);
    shot("fills-and-orders");

    page.locator("#day-clear").click();
    waitUntil("every fill again", () -> rows("fills-table").count() == Math.min(total, 100));
  }

  @Test
  @Order(4)
  void the_price_chart_marks_the_fills_and_draws_the_open_plans_levels() {
    withToken();
    open("#/prices?symbol=ACME");
    page.locator("#price-plans-table").waitFor();
    waitUntil(
        "the price chart is drawn",
        () -> (Boolean) page.evaluate("() => !!Chart.getChart('price-chart')"));
    @SuppressWarnings("unchecked")
    List<String> labels =
        (List<String>)
            page.evaluate("() => Chart.getChart('price-chart').data.datasets.map(d => d.label)");
    assertThat(labels).contains("Close", "Buys", "Sells");
    assertThat(labels).anyMatch(l -> l.startsWith("stop ")).anyMatch(l -> l.startsWith("target "));
    Object buys =
        page.evaluate(
            "() => Chart.getChart('price-chart').data.datasets.find(d => d.label === 'Buys').data.length");
    assertThat(((Number) buys).intValue()).isPositive();
    assertThat(page.locator("#symbol-select").inputValue()).isEqualTo("ACME");
    shot("prices");
  }

  @Test
  @Order(5)
  void the_days_show_as_a_heat_map_and_a_table() {
    withToken();
    int days = api("portfolios/alpha/days").get("days").size();
    open("#/days");
    rows("days-table").first().waitFor();
    assertThat(rows("days-table").count()).isEqualTo(days);
    assertThat(page.locator("#heatmap .hm-cell[data-day]:not(.none)").count()).isEqualTo(days);
    shot("days");
  }

  @Test
  @Order(6)
  void a_note_added_through_the_form_appears_after_a_reload() {
    withToken();
    JsonNode logs = api("portfolios/alpha/logs?last=1000").get("logs");
    String day = logs.get(logs.size() - 2).get("day").asText();
    String note = "browser note " + UUID.randomUUID().toString().substring(0, 8);
    open("#/logs");
    page.locator("#note-form").waitFor();
    assertThat(page.locator("article.log").count()).isEqualTo(logs.size());
    assertThat(page.locator("article.log .tier").first().textContent()).isNotBlank();

    page.locator("#note-day").selectOption(day);
    page.locator("#note-section").selectOption("lessons");
    page.locator("#note-text").fill(note);
    page.locator("#note-token").fill("not-the-token-0123456789");
    page.locator("#note-submit").click();
    waitUntil(
        "the server's refusal is shown", () -> page.locator("#note-status.error").count() == 1);
    assertThat(page.locator("#note-status").textContent()).contains("the API token is wrong");

    page.locator("#note-token").fill(TOKEN);
    page.locator("#note-submit").click();
    waitUntil(
        "the note is saved",
        () -> page.locator("#note-status").textContent().startsWith("Added to " + day));

    page.reload();
    Locator lessons = page.locator("#log-" + day + " [data-section=lessons] .person");
    lessons.waitFor();
    assertThat(lessons.textContent()).contains(note);
    assertThat(api("portfolios/alpha/logs/" + day).get("lessons").asText()).contains(note);
    shot("daily-logs", false);
  }

  @Test
  @Order(7)
  void a_fill_committed_by_a_runner_in_another_process_appears_without_a_reload() throws Exception {
    withToken();
    JsonNode pending = null;
    for (JsonNode p : api("portfolios/alpha/plans?status=open").get("plans")) {
      if (p.get("status").asText().equals("PENDING") && p.get("symbol").asText().equals("ACME")) {
        pending = p;
      }
    }
    assertThat(pending).as("alpha has a pending entry").isNotNull();
    BigDecimal entry = new BigDecimal(pending.get("entry").asText());
    long seq = api("portfolios/alpha/fills?limit=1").get("items").get(0).get("seq").asLong();

    open("#/activity");
    rows("fills-table").first().waitFor();
    waitUntil("the live stream is open", () -> page.locator("#live-status.on").count() == 1);
    page.evaluate("() => { window.notReloaded = true; }");

    // One daily bar after alpha's last, dipping below the pending entry.
    BigDecimal open = entry.add(new BigDecimal("1.50"));
    BigDecimal low = entry.subtract(new BigDecimal("0.80"));
    Path feed = dir.resolve("acme-next.csv");
    Files.writeString(
        feed,
        BrowserSeed.YAHOO
            + "2024-07-15,%s,%s,%s,%s,%s,1000000\n"
                .formatted(open, open.add(BigDecimal.ONE), low, open, open));
    Process runner = remoteRunner("replay:" + feed + "@ACME");
    assertThat(runner.waitFor(60, TimeUnit.SECONDS)).as("the remote runner ends").isTrue();
    String output = new String(runner.getInputStream().readAllBytes());
    assertThat(runner.exitValue()).as(output).isZero();

    Locator fresh = page.locator("#fills-table tbody tr[data-seq='" + (seq + 1) + "']");
    fresh.waitFor();
    assertThat(fresh.textContent()).contains("ACME").contains("BUY").contains("2024-07-15");
    assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
    page.locator(".toast").first().waitFor();
    assertThat(page.locator(".toast").first().textContent()).contains("New fill: BUY");
    shot("live-fill", false);
  }

  Process remoteRunner(String feed) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            RemoteRunnerMain.class.getName(),
            dbUrl(),
            dir.toString(),
            "alpha",
            feed,
            "v2-remote"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  String dbUrl() {
    String url = db.redacted();
    assertThat(url).startsWith("jdbc:sqlite:");
    return url;
  }

  @Test
  @Order(8)
  void a_bookmarked_address_opens_on_its_portfolio_and_day() {
    withToken();
    // This browser remembers alpha; the bookmark names beta and one of its days.
    context.addInitScript("window.localStorage.setItem('tradecore.portfolio', 'alpha');");
    JsonNode betaFills = api("portfolios/beta/fills?limit=1000").get("items");
    String betaDay = betaFills.get(0).get("day").asText();
    int onBetaDay = api("portfolios/beta/fills?day=" + betaDay).get("total").asInt();
    open("#/activity?portfolio=beta&day=" + betaDay);
    waitUntil(
        "beta's fills of " + betaDay + " are shown",
        () -> page.locator("#fills-count").textContent().contains("on " + betaDay));
    assertThat(page.locator("#portfolio-select").inputValue()).isEqualTo("beta");
    assertThat(rows("fills-table").count()).isEqualTo(onBetaDay);
    assertThat(page.locator("#fills-table tbody tr td:nth-child(3)").allTextContents())
        .containsOnly(betaDay);
    assertThat(page.locator("#fills-table").textContent()).contains("ZED");

    // Choosing a portfolio and a day writes both into the address, and the page links keep it.
    page.locator("#portfolio-select").selectOption("alpha");
    waitUntil("the address names alpha", () -> page.url().endsWith("#/activity?portfolio=alpha"));
    JsonNode alphaFills = api("portfolios/alpha/fills?limit=1000").get("items");
    String alphaDay = alphaFills.get(alphaFills.size() / 2).get("day").asText();
    page.locator("#day-filter").fill(alphaDay);
    waitUntil(
        "alpha's fills of " + alphaDay + " are shown",
        () -> page.locator("#fills-count").textContent().contains("on " + alphaDay));
    String bookmark = page.url();
    assertThat(bookmark).endsWith("#/activity?portfolio=alpha&day=" + alphaDay);
    assertThat(page.locator("#nav a[data-page=days]").getAttribute("href"))
        .isEqualTo("#/days?portfolio=alpha");

    // Going back returns to beta's day; the same address in a fresh page shows alpha's again.
    page.goBack();
    page.goBack();
    waitUntil("back on beta", () -> page.locator("#portfolio-select").inputValue().equals("beta"));
    waitUntil(
        "beta's day again",
        () -> page.locator("#fills-count").textContent().contains("on " + betaDay));
    Page fresh = context.newPage();
    fresh.navigate(bookmark);
    fresh.locator("#fills-count").waitFor();
    fresh.waitForCondition(
        () -> fresh.locator("#fills-count").textContent().contains("on " + alphaDay));
    assertThat(fresh.locator("#portfolio-select").inputValue()).isEqualTo("alpha");

    // An address naming no portfolio says so and shows the remembered one.
    open("#/positions?portfolio=nope");
    rows("positions-table").first().waitFor();
    assertThat(page.locator("#banner").textContent())
        .contains("There is no portfolio named 'nope'");
    assertThat(page.url()).doesNotContain("nope");
  }

  @Test
  @Order(9)
  void empty_states_say_what_to_do() throws IOException {
    Database empty = TestDatabases.open(Dialect.SQLITE);
    WebServer bare = serve(empty, null);
    try {
      page.navigate(bare.url());
      page.locator(".empty").waitFor();
      assertThat(page.locator(".empty").textContent())
          .contains("No portfolio yet")
          .contains("./tradecore init");
      assertThat(page.locator("#portfolio-select").isDisabled()).isTrue();
      shot("empty-no-portfolio", false);

      BrowserSeed.empty(empty, "fresh");
      page.reload();
      page.locator("#equity-panel .empty").waitFor();
      assertThat(page.locator("#equity-panel .empty").textContent()).contains("./tradecore run");
      shot("empty-overview", false);
      page.navigate(bare.url() + "#/activity");
      page.locator("#fills-panel .empty").waitFor();
      assertThat(page.locator("#fills-panel .empty").textContent())
          .contains("No fills yet")
          .contains("./tradecore run");
      page.navigate(bare.url() + "#/logs");
      assertThat(page.locator("#logs .empty").textContent()).contains("No daily logs yet");
    } finally {
      bare.stop();
      TestDatabases.dispose(empty);
    }
  }

  @Test
  @Order(10)
  void drift_with_the_broker_shows_as_a_warning_until_it_clears() {
    withToken();
    open("#/overview?portfolio=beta");
    page.locator("#equity-panel canvas").first().waitFor();
    assertThat(page.locator("#drift-line").count()).as("no drift before").isZero();

    String why =
        "the venue's positions differ from the ledger's (ZED position: ledger 40, venue 25); new"
            + " entries are halted until they agree";
    driftEvent("WARN", PortfolioStatus.DRIFT_HALT, why);
    page.reload();
    page.locator("#drift-line").waitFor();
    assertThat(page.locator("#drift-line").textContent()).isEqualTo("Drift: " + why);
    assertThat(page.locator("#drift-line").getAttribute("role")).isEqualTo("alert");
    shot("drift", false);

    driftEvent("INFO", PortfolioStatus.DRIFT_CLEARED, "the venue's positions agree again");
    page.reload();
    page.locator("#equity-panel canvas").first().waitFor();
    assertThat(page.locator("#drift-line").count()).as("the warning is gone").isZero();
  }

  /** A drift event of beta's last run, as a runner on a broker records it. */
  void driftEvent(String level, String kind, String message) {
    db.jdbi()
        .useHandle(
            h -> {
              var beta = BrowserSeed.byName(db, "beta");
              var run = new RunRepository().latestTrading(h, beta.id()).orElseThrow();
              new TelemetryRepository()
                  .insert(
                      h,
                      new TelemetryRepository.Event(
                          beta.id(),
                          run.runId(),
                          Instant.now(),
                          "2026-12-07",
                          level,
                          kind,
                          message));
            });
  }
}
