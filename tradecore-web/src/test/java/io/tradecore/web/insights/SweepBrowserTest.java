package io.tradecore.web.insights;

import static io.tradecore.web.insights.InsightsBrowser.shot;
import static io.tradecore.web.insights.InsightsBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on the Run Insights page in headless chromium: the heat map over fast and slow, its best
 * cell the best trial, and a walk-forward analysis's out-of-sample equity chart; screenshots go to
 * target/screenshots/.
 */
class SweepBrowserTest {
  @TempDir static Path tmp;
  private static InsightsBrowser browser;
  private static InsightsServer server;

  @BeforeAll
  static void start() throws IOException {
    browser = InsightsBrowser.launch();
    Path root = tmp.resolve("runs");
    SweepRuns.write(root.resolve("sweeps/grid"), false);
    SweepRuns.write(root.resolve("sweeps/walk"), true);
    server = InsightsServer.start(tmp, root);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aSweepShowsAHeatMapAndAWalkForwardItsOutOfSampleEquity() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = browser.context()) {
      Page page = InsightsBrowser.pageUnderPolicy(context, errors);
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
      page.screenshot(shot("sweep-heatmap"));

      page.navigate(server.url() + "#/insights?run=sweeps/walk");
      page.locator("#sweep-equity-chart").waitFor();
      waitFor(
          page,
          "window.Chart && window.Chart.getChart(document.querySelector('#sweep-equity-chart'))");
      Object points =
          page.evaluate(
              "() => window.Chart.getChart(document.querySelector('#sweep-equity-chart'))"
                  + ".data.datasets[0].data.length");
      assertThat(((Number) points).intValue()).isEqualTo(4);
      page.screenshot(shot("sweep-walk"));
    }
    assertThat(errors).isEmpty();
  }
}
