package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tradecore.store.Dialect;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Prometheus metrics at /metrics and the request log with portfolio_id. */
class MetricsTest {

  @Test
  void requests_and_the_runners_counts_are_exported_and_requests_are_logged() throws Exception {
    Logger requests = (Logger) LoggerFactory.getLogger("io.tradecore.web.requests");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    requests.addAppender(captured);
    try (ServerFixture f = ServerFixture.start(Dialect.SQLITE, ServerFixture.config())) {
      Http http = f.http(null);
      http.get("/api/portfolios/alpha");
      http.get("/api/portfolios/alpha/fills?day=2024-06-05");
      http.get("/api/portfolios/beta/fills?limit=0");
      http.get("/api/portfolios/nope");
      Http.Response r = http.get("/metrics");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Type")).startsWith("text/plain");
      String m = r.body();
      assertThat(m)
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/portfolios/{name}\","
                  + "status=\"200\"} 1")
          .contains(
              "http_server_requests_seconds_count{method=\"GET\","
                  + "route=\"/api/portfolios/{name}/fills\",status=\"400\"} 1")
          .contains("route=\"/api/portfolios/{name}\",status=\"404\"")
          .contains("http_server_requests_seconds_bucket");
      assertThat(line(m, "tradecore_fills_total{", "portfolio=\"alpha\"")).endsWith(" 3.0");
      assertThat(line(m, "tradecore_fills_total{", "portfolio=\"beta\"")).endsWith(" 3.0");
      assertThat(line(m, "tradecore_runner_events_applied_total{", "portfolio=\"alpha\""))
          .endsWith(" 8.0");
      assertThat(line(m, "tradecore_runner_events_applied_total{", "portfolio=\"beta\""))
          .endsWith(" 24.0");
      assertThat(line(m, "tradecore_runner_errors_total{", "portfolio=\"alpha\"")).endsWith(" 0.0");
      assertThat(line(m, "tradecore_plans_open{", "portfolio=\"alpha\"")).endsWith(" 2.0");
      assertThat(m).contains("tradecore_stream_subscribers ");
    } finally {
      requests.detachAppender(captured);
    }
    ILoggingEvent fills =
        captured.list.stream()
            .filter(e -> e.getFormattedMessage().startsWith("GET /api/portfolios/alpha/fills 200"))
            .findFirst()
            .orElseThrow();
    assertThat(fills.getMDCPropertyMap().get("portfolio_id")).startsWith("alpha-");
    assertThat(fills.getFormattedMessage())
        .matches("GET /api/portfolios/alpha/fills 200 [0-9.]+ ms");
    ILoggingEvent unknown =
        captured.list.stream()
            .filter(e -> e.getFormattedMessage().startsWith("GET /api/portfolios/nope 404"))
            .findFirst()
            .orElseThrow();
    assertThat(unknown.getMDCPropertyMap()).doesNotContainKey("portfolio_id");
  }

  private static String line(String metrics, String prefix, String label) {
    for (String l : metrics.split("\n")) {
      if (l.startsWith(prefix) && l.contains(label)) {
        return l;
      }
    }
    throw new AssertionError("no " + prefix + " line with " + label + " in\n" + metrics);
  }
}
