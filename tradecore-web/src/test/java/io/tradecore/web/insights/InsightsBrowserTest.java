package io.tradecore.web.insights;

import static io.tradecore.web.insights.InsightsBrowser.shot;
import static io.tradecore.web.insights.InsightsBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.tradecore.insights.SampleRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Run Insights page in headless chromium against a real server over two sample runs: pick a
 * run, switch metric and environment, drag to zoom, and see the stats cards change; overlay the
 * other run on the chart; screenshots go to target/screenshots/.
 */
class InsightsBrowserTest {
  @TempDir static Path tmp;
  private static InsightsBrowser browser;
  private static InsightsServer server;

  @BeforeAll
  static void start() throws IOException {
    browser = InsightsBrowser.launch();
    Path root = tmp.resolve("runs");
    SampleRun.write(root.resolve("ppo/run-a"), 40_000, 4, 3);
    SampleRun.write(root.resolve("tf/run-b"), 20_000, 2, 4);
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
  void pickARunSwitchMetricAndEnvironmentZoomAndSeeTheStatsChange() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = browser.context()) {
      Page page = InsightsBrowser.pageUnderPolicy(context, errors);
      page.navigate(server.url() + "#/insights");
      page.locator("#runs-table").waitFor();
      assertThat(page.locator("#runs-table .run-link").allTextContents())
          .containsExactly("ppo/run-a", "tf/run-b");

      page.locator("#runs-table .run-link[data-run='tf/run-b']").click();
      waitFor(page, "document.querySelector('#run-detail h2')?.textContent === 'tf/run-b'");
      loaded(page);
      assertThat(page.locator("#eval-cards").textContent()).contains("%");
      assertThat(page.locator("#experiment-cards").textContent()).contains("PPO");
      String equityMax = stat(page, "equity", "max");
      page.screenshot(shot("insights-run"));

      page.locator("#metric-select").selectOption("cash");
      waitFor(page, "document.querySelector('#trace-stats [data-metric=cash]') !== null");
      loaded(page);
      assertThat(page.locator("#trace-stats [data-metric=equity]").count()).isZero();
      String cashMean = stat(page, "cash", "mean");
      String cashCount = stat(page, "cash", "count");

      page.locator("#env-select").selectOption("1");
      waitFor(
          page,
          "document.querySelector('#trace-stats [data-metric=cash] h3')"
              + ".textContent.includes('env 1')");
      loaded(page);
      assertThat(stat(page, "cash", "count")).isNotEqualTo(cashCount);
      String envMean = stat(page, "cash", "mean");
      String envCount = stat(page, "cash", "count");
      assertThat(envMean).isNotEqualTo(cashMean);
      page.screenshot(shot("insights-env"));

      String fullTo = page.locator("#trace-panel").getAttribute("data-to");
      page.locator("#trace-chart").scrollIntoViewIfNeeded();
      BoundingBox box = page.locator("#trace-chart").boundingBox();
      double y = box.y + box.height / 2;
      page.mouse().move(box.x + box.width * 0.45, y);
      page.mouse().down();
      page.mouse().move(box.x + box.width * 0.55, y, new Mouse.MoveOptions().setSteps(5));
      page.mouse().up();
      waitFor(page, "document.querySelector('#trace-panel').dataset.to !== '" + fullTo + "'");
      loaded(page);
      assertThat(page.locator("#zoom-reset").isEnabled()).isTrue();
      assertThat(stat(page, "cash", "count")).isNotEqualTo(envCount);
      assertThat(stat(page, "cash", "mean")).isNotEqualTo(envMean);
      page.screenshot(shot("insights-zoomed"));

      page.locator("#zoom-reset").click();
      waitFor(page, "document.querySelector('#trace-panel').dataset.to === '" + fullTo + "'");
      loaded(page);
      assertThat(stat(page, "cash", "mean")).isEqualTo(envMean);
      assertThat(equityMax).isNotBlank();
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void overlayAnotherRunsMetricOnTheSameChart() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = browser.context()) {
      Page page = InsightsBrowser.page(context, errors);
      page.navigate(server.url() + "#/insights?run=tf/run-b");
      waitFor(page, "document.querySelector('#run-detail h2')?.textContent === 'tf/run-b'");
      loaded(page);
      String runBCount = stat(page, "equity", "count");
      String runBMean = stat(page, "equity", "mean");

      page.navigate(server.url() + "#/insights?run=ppo/run-a");
      waitFor(page, "document.querySelector('#run-detail h2')?.textContent === 'ppo/run-a'");
      loaded(page);
      assertThat(labels(page))
          .containsExactly("equity · env 0", "equity · env 1", "equity · env 2", "equity · env 3");
      String runACount = stat(page, "equity", "count");

      page.locator("#compare-select").selectOption("tf/run-b");
      waitFor(page, "document.querySelector('#compare-stats [data-metric=equity]') !== null");
      loaded(page);
      assertThat(labels(page))
          .containsExactly(
              "equity · env 0",
              "equity · env 1",
              "equity · env 2",
              "equity · env 3",
              "tf/run-b · equity · env 0",
              "tf/run-b · equity · env 1");
      assertThat(
              page.evaluate(
                  "() => Chart.getChart(document.querySelector('#trace-chart')).data.datasets"
                      + ".filter(d => d.borderDash.length > 0).length"))
          .as("the overlaid run's lines are dashed")
          .isEqualTo(2);
      assertThat(stat(page, "equity", "count")).isEqualTo(runACount);
      assertThat(compareStat(page, "equity", "count")).isEqualTo(runBCount);
      assertThat(compareStat(page, "equity", "mean")).isEqualTo(runBMean);
      assertThat(page.locator("#compare-stats h3").first().textContent())
          .isEqualTo("Overlaid: tf/run-b");
      page.screenshot(shot("insights-overlay"));

      page.locator("#metric-select").selectOption("cash");
      waitFor(page, "document.querySelector('#compare-stats [data-metric=cash]') !== null");
      loaded(page);
      assertThat(labels(page)).contains("cash · env 0", "tf/run-b · cash · env 1");

      page.locator("#compare-select").selectOption("");
      waitFor(page, "document.querySelector('#compare-stats').childElementCount === 0");
      loaded(page);
      assertThat(labels(page)).hasSize(4).noneMatch(l -> l.startsWith("tf/run-b"));
    }
    assertThat(errors).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<String> labels(Page page) {
    return (List<String>)
        page.evaluate(
            "() => Chart.getChart(document.querySelector('#trace-chart')).data.datasets"
                + ".map(d => d.label)");
  }

  private static String compareStat(Page page, String metric, String stat) {
    return page.locator(
            "#compare-stats [data-metric=" + metric + "] [data-stat=" + stat + "] .card-value")
        .textContent();
  }

  private static void loaded(Page page) {
    waitFor(page, "document.querySelector('#trace-panel')?.dataset.loading === 'false'");
  }

  private static String stat(Page page, String metric, String stat) {
    Locator card =
        page.locator(
            "#trace-stats [data-metric=" + metric + "] [data-stat=" + stat + "] .card-value");
    return card.textContent();
  }
}
