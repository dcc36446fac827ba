package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import io.tradecore.store.Dialect;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRepository;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes a request and the real response of every endpoint over the seeded portfolios to
 * target/api-examples.md, the source of the examples in docs/api.md.
 */
class ApiExamplesTest {
  private final StringBuilder out = new StringBuilder();

  @Test
  void captures_an_example_of_every_endpoint() throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            Dialect.SQLITE,
            ServerFixture.config()
                .withApiToken(ServerFixture.TOKEN)
                .withIntervals(Duration.ofMillis(100), Duration.ofMillis(500)))) {
      Http http = f.http(ServerFixture.TOKEN);
      for (String path :
          List.of(
              "/api/health",
              "/api/portfolios",
              "/api/portfolios/alpha",
              "/api/portfolios/alpha/positions",
              "/api/portfolios/alpha/plans?status=open",
              "/api/portfolios/alpha/orders?status=FILLED&limit=2",
              "/api/portfolios/alpha/fills?limit=2",
              "/api/portfolios/beta/fills?day=2024-06-04",
              "/api/portfolios/alpha/equity?from=2024-06-10",
              "/api/portfolios/alpha/days?from=2024-06-11",
              "/api/portfolios/alpha/logs?last=1",
              "/api/portfolios/alpha/logs/2024-06-07",
              "/api/portfolios/alpha/runs",
              "/api/portfolios/alpha/fills?day=2024-13-01",
              "/api/portfolios/alpha/fills?limit=5000",
              "/api/portfolios/alpha/equity?from=2024-06-10&to=2024-06-03",
              "/api/portfolios/nope",
              "/api/portfolios/alpha/logs/2024-06-08")) {
        record("GET " + path, http.get(path));
      }
      record("GET /api/portfolios (no token)", f.http(null).get("/api/portfolios"));
      record(
          "POST /api/portfolios/alpha/logs/2024-06-07/notes",
          http.post(
              "/api/portfolios/alpha/logs/2024-06-07/notes",
              "{\"section\": \"lessons\", \"text\": \"held over the weekend: fine with a 7% stop\"}"));
      record(
          "POST /api/portfolios/alpha/logs/2024-06-07/notes (bad section)",
          http.post(
              "/api/portfolios/alpha/logs/2024-06-07/notes",
              "{\"section\": \"diary\", \"text\": \"x\"}"));
      try (SseClient stream = new SseClient(http, "/api/portfolios/alpha/stream")) {
        out.append("STREAM\n");
        append(stream.next("ready", Duration.ofSeconds(10)));
        PortfolioId alpha =
            f.db.jdbi().withHandle(h -> new PortfolioRepository().byName(h, "alpha")).get().id();
        Instrument acme =
            f.db.jdbi().withHandle(h -> new InstrumentRepository().all(h)).get("ACME");
        Fill fill =
            new Fill(
                new TradeId("IMPORT-7"),
                new ClientOrderId("manual-7"),
                null,
                acme,
                Side.SELL,
                Quantity.of(new BigDecimal("5"), acme.quantityScale()),
                acme.price(11_150),
                new BigDecimal("0.56"),
                Instant.parse("2024-06-13T14:31:00Z"),
                "manual");
        f.db
            .jdbi()
            .useTransaction(
                h -> new FillRepository().insertIfAbsent(h, alpha, fill, null, "import"));
        append(stream.next("fill", Duration.ofSeconds(10)));
        append(stream.next("equity", Duration.ofSeconds(10)));
        append(stream.next(":", Duration.ofSeconds(10)));
      }
      Http.Response metrics = http.get("/metrics");
      out.append("GET /metrics -> ").append(metrics.status()).append('\n');
      for (String line : metrics.body().split("\n")) {
        if (!line.contains("_bucket{")) {
          out.append(line).append('\n');
        }
      }
      Path file = Path.of("target", "api-examples.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, out);
    }
  }

  private void record(String title, Http.Response r) throws Exception {
    assertThat(r.status()).isLessThan(500);
    JsonNode json = r.json();
    out.append(title)
        .append(" -> ")
        .append(r.status())
        .append('\n')
        .append(
            json == null
                ? r.body()
                : Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json))
        .append("\n\n");
  }

  private void append(SseClient.Event e) {
    assertThat(e).isNotNull();
    if (e.name().equals(":")) {
      out.append(": ").append(e.data()).append("\n\n");
      return;
    }
    if (e.id() != null) {
      out.append("id: ").append(e.id()).append('\n');
    }
    out.append("event: ").append(e.name()).append('\n');
    out.append("data: ").append(e.data()).append("\n\n");
  }
}
