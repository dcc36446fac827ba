package io.tradecore.web.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.TestDatabases;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on the Run Insights page in headless chromium: the heat map over fast and slow, its best
 * cell the best trial, and a walk-forward analysis's out-of-sample equity chart; screenshots go to
 * target/screenshots/.
 */
class SweepBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path tmp;
  private static Database db;
  private static WebServer server;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("1".equals(System.getenv("TRADECORE_REQUIRE_CHROMIUM"))) {
        throw new IllegalStateException(CHROMIUM + " is missing (TRADECORE_REQUIRE_CHROMIUM=1)");
      }
      Assumptions.abort(CHROMIUM + " is missing: install Debian's chromium");
    }
    Path root = tmp.resolve("runs");
    SweepRuns.write(root.resolve("sweeps/grid"), false);
    SweepRuns.write(root.resolve("sweeps/walk"), true);
    db = TestDatabases.open(Dialect.SQLITE);
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    TradeCoreConfig cfg = TradeCoreConfig.load(null, Map.of(), data);
    WebConfig config =
        WebConfig.defaults()
            .withPort(0)
            .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(15));
    server = WebServer.start(config, db, cfg, Clock.systemUTC(), List.of(root));
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
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
  void aSweepShowsAHeatMapAndAWalkForwardItsOutOfSampleEquity() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(1360, 1000).setLocale("en-US"))) {
      context.setDefaultTimeout(20_000);
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.onConsoleMessage(
          m -> {
            if (m.text().contains("Content Security Policy")) {
              errors.add(m.text());
            }
          });
      page.navigate(server.url() + "#/insights?run=sweeps/grid");
      page.locator("#sweep-heatmap").waitFor();
      // 5 rows of fast, each a header and 5 cells of slow; fast >= slow cells are empty.
      assertThat(page.locator("#sweep-heatmap td").count()).isEqualTo(25);
      assertThat(page.locator("#sweep-heatmap td.none").count()).isEqualTo(25 - 19);
      String best =
          (String)
              page.evaluate(
                  "() => [...document.querySelectorAll('#sweep-heatmap td[data-value]')]"
                      + ".sort((a, b) => b.dataset.value - a.dataset.value)[0].title");
      assertThat(best).startsWith("fast=3, slow=6:");
      assertThat(page.locator("#trace-panel").count()).isZero();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sweep-heatmap.png")));

      page.navigate(server.url() + "#/insights?run=sweeps/walk");
      page.locator("#sweep-equity-chart").waitFor();
      page.waitForCondition(
          () ->
              Boolean.TRUE.equals(
                  page.evaluate(
                      "() => window.Chart && !!window.Chart.getChart("
                          + "document.querySelector('#sweep-equity-chart'))")));
      Object points =
          page.evaluate(
              "() => window.Chart.getChart(document.querySelector('#sweep-equity-chart'))"
                  + ".data.datasets[0].data.length");
      assertThat(((Number) points).intValue()).isEqualTo(4);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sweep-walk.png")));
    }
    assertThat(errors).isEmpty();
  }
}
