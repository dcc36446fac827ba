package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.plan.Plan;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Dialect;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PlanRepository;
import io.tradecore.store.PortfolioRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The live stream pushes what another writer commits to the database: the test writes through the
 * store's repositories on its own connections, as a runner in another process would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  ServerFixture fixture;
  Http http;
  PortfolioId alpha;

  @BeforeAll
  void start() throws Exception {
    fixture =
        ServerFixture.start(
            Dialect.SQLITE,
            ServerFixture.config()
                .withApiToken(ServerFixture.TOKEN)
                .withIntervals(Duration.ofMillis(100), Duration.ofMillis(300)));
    http = fixture.http(ServerFixture.TOKEN);
    alpha =
        fixture.db.jdbi().withHandle(h -> new PortfolioRepository().byName(h, "alpha")).get().id();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  static JsonNode json(SseClient.Event e) throws Exception {
    assertThat(e).isNotNull();
    return Http.JSON.readTree(e.data());
  }

  @Test
  void fills_plans_marks_and_daily_logs_committed_elsewhere_are_pushed() throws Exception {
    try (SseClient stream = new SseClient(http, "/api/portfolios/alpha/stream")) {
      assertThat(stream.status()).isEqualTo(200);
      JsonNode ready = json(stream.next("ready", WAIT));
      assertThat(ready.get("portfolio").asText()).isEqualTo("alpha");
      assertThat(ready.get("fill_seq").asLong()).isEqualTo(3);

      Seed.importFill(fixture.db, alpha, "MANUAL-1", Instant.parse("2024-06-13T00:00:00Z"));
      SseClient.Event pushed = stream.next("fill", WAIT);
      JsonNode f = json(pushed);
      assertThat(f.get("trade_id").asText()).isEqualTo("MANUAL-1");
      assertThat(f.get("seq").asLong()).isEqualTo(4);
      assertThat(f.get("price").asText()).isEqualTo("112");
      assertThat(f.get("quantity").asText()).isEqualTo("2");
      assertThat(f.get("value").asText()).isEqualTo("224");
      assertThat(f.get("day").asText()).isEqualTo("2024-06-13");
      assertThat(pushed.id()).isEqualTo("fill-4");
      JsonNode afterFill = json(stream.next("equity", WAIT));
      assertThat(afterFill.get("summary").get("fills").asLong()).isEqualTo(4);

      Map<String, Instrument> instruments =
          fixture.db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
      Plan active =
          fixture
              .db
              .jdbi()
              .withHandle(h -> new PlanRepository().open(h, alpha, instruments))
              .stream()
              .filter(p -> p.id().equals(new PlanId("plan-2")))
              .findFirst()
              .orElseThrow();
      fixture
          .db
          .jdbi()
          .useTransaction(
              h ->
                  new PlanRepository()
                      .save(
                          h,
                          alpha,
                          active.withLevels(
                              10_500, 13_000, 0, Instant.parse("2024-06-13T00:00:00Z")),
                          "stop raised",
                          null));
      JsonNode plan = json(stream.next("plan", WAIT));
      assertThat(plan.get("plan_id").asText()).isEqualTo("plan-2");
      assertThat(plan.get("stop").asText()).isEqualTo("105");

      fixture
          .db
          .jdbi()
          .useTransaction(
              h ->
                  new EngineStateRepository()
                      .save(
                          h,
                          alpha,
                          new EngineStateRepository.State(
                              "manual-feed",
                              0,
                              Instant.parse("2024-06-13T00:00:00Z").toEpochMilli(),
                              4,
                              "2024-06-13",
                              null,
                              "{\"ACME\":\"120\"}")));
      JsonNode equity = json(stream.next("equity", WAIT));
      assertThat(equity.get("marks").get("ACME").asText()).isEqualTo("120");
      assertThat(equity.get("time").asText()).isEqualTo("2024-06-13T00:00:00Z");

      fixture
          .db
          .jdbi()
          .useTransaction(
              h ->
                  new DailyLogRepository()
                      .saveGenerated(
                          h,
                          alpha,
                          new DailyLogRepository.Row(
                              "2024-06-13",
                              new BigDecimal("100100"),
                              BigDecimal.ONE,
                              BigDecimal.ZERO,
                              BigDecimal.TEN,
                              "FLAT",
                              1,
                              0,
                              0,
                              0,
                              "OPEN",
                              "[]",
                              "",
                              "",
                              "",
                              "",
                              Instant.now())));
      JsonNode log = json(stream.next("daily_log", WAIT));
      assertThat(log.get("day").asText()).isEqualTo("2024-06-13");

      SseClient.Event heartbeat = stream.next(":", WAIT);
      assertThat(heartbeat.data()).startsWith("heartbeat");
    }
  }

  @Test
  void the_stream_takes_the_token_as_a_query_parameter_as_eventsource_cannot_send_headers()
      throws Exception {
    Http anonymous = fixture.http(null);
    try (SseClient refused = new SseClient(anonymous, "/api/portfolios/beta/stream")) {
      assertThat(refused.status()).isEqualTo(401);
    }
    try (SseClient stream =
        new SseClient(
            anonymous, "/api/portfolios/beta/stream?access_token=" + ServerFixture.TOKEN)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(json(stream.next("ready", WAIT)).get("portfolio").asText()).isEqualTo("beta");
    }
    Http.Response elsewhere = anonymous.get("/api/portfolios?access_token=" + ServerFixture.TOKEN);
    assertThat(elsewhere.status()).isEqualTo(401);
  }

  @Test
  void a_closed_stream_is_let_go() throws Exception {
    try (SseClient stream = new SseClient(http, "/api/portfolios/beta/stream")) {
      assertThat(stream.next("ready", WAIT)).isNotNull();
      assertThat(subscribers()).isGreaterThanOrEqualTo(1.0);
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (subscribers() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(subscribers()).isZero();
  }

  private double subscribers() {
    for (String line : http.get("/metrics").body().split("\n")) {
      if (line.startsWith("tradecore_stream_subscribers ")) {
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    throw new AssertionError("no tradecore_stream_subscribers in /metrics");
  }
}
