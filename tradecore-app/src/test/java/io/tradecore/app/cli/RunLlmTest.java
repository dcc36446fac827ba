package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.llm.FakeOpenAi;
import io.tradecore.llm.Trader;
import io.tradecore.store.Database;
import io.tradecore.store.LlmTraceRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --strategy llm} against a loopback chat-completions server: the model's plans trade
 * durably, every question is stored with the portfolio, run and moment, the spend is booked per day
 * and bot_version, and once the cap is reached the strategy holds and the day's log says so.
 */
class RunLlmTest {
  private static final Instant CREATED = Instant.parse("2024-01-01T12:00:00Z");

  @TempDir Path dir;
  FakeOpenAi server;

  @BeforeEach
  void start() throws IOException {
    server = new FakeOpenAi();
    server.respond(request -> Trader.alternate(request, "5"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_durable_llm_run_traces_its_questions_books_its_spend_and_stops_at_the_cap()
      throws IOException {
    LogTestKit kit = LogTestKit.initialised(dir.resolve("data"), "alpha", CREATED);
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"),
            "llm:\n  base_url: "
                + server.baseUrl()
                + "\n  model: gpt-4o-mini\n  price_input_per_million: 0.15\n"
                + "  price_output_per_million: 0.60\n  max_output_tokens: 300\n"
                + "  max_cost: 0.0012\n  decide_every: 2\n");
    Path csv = csv(dir.resolve("SPY.csv"), 30);

    Cli.Run run =
        kit.ok(
            CREATED,
            "run",
            "--config",
            config.toString(),
            "--portfolio",
            "alpha",
            "--strategy",
            "llm",
            "--bot-version",
            "v1",
            "--feed",
            "replay:" + csv.toAbsolutePath());
    assertThat(run.out()).contains("applied 30 events");

    try (Database db =
        Database.open("jdbc:sqlite:" + kit.dataDir().resolve("tradecore.db"), null, null, 1)) {
      PortfolioId p =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT id FROM portfolios WHERE name = 'alpha'")
                          .mapTo(String.class)
                          .one())
              .transform(PortfolioId::new);
      LlmTraceRepository repo = new LlmTraceRepository();
      List<LlmTraceRepository.Row> traces = db.jdbi().withHandle(h -> repo.forPortfolio(h, p));
      assertThat(traces).as("asked after every 2nd of 30 bars").hasSize(15);
      assertThat(traces)
          .allSatisfy(
              t -> {
                assertThat(t.runId().value()).startsWith("run-");
                assertThat(t.botVersion()).isEqualTo("v1");
              });
      long calls = traces.stream().filter(t -> t.attempts() > 0).count();
      assertThat(calls).isEqualTo(server.calls()).isBetween(2L, 14L);
      List<LlmTraceRepository.Row> capped =
          traces.stream().filter(t -> t.reason().startsWith("cap reached")).toList();
      assertThat(capped).as("the cap stopped the rest").hasSize((int) (15 - calls));
      BigDecimal booked =
          traces.stream()
              .map(LlmTraceRepository.Row::cost)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(db.jdbi().withHandle(h -> repo.spentByVersion(h, p)).get("v1"))
          .isEqualByComparingTo(booked);
      assertThat(booked).isLessThanOrEqualTo(new BigDecimal("0.0012"));
      long fills =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM fills WHERE portfolio_id = :p")
                          .bind("p", p.value())
                          .mapTo(Long.class)
                          .one());
      assertThat(fills)
          .as(
              "the model's plans traded: "
                  + traces.stream().map(t -> t.outcome() + " " + t.reason()).toList())
          .isPositive();

      String cappedDay = capped.getFirst().day();
      JsonNode logs = kit.show(CREATED, "alpha", 50);
      List<String> codes = new ArrayList<>();
      for (JsonNode day : logs) {
        if (day.get("day").asText().equals(cappedDay)) {
          day.get("observations").forEach(o -> codes.add(o.get("code").asText()));
        }
      }
      assertThat(codes).as("the log of " + cappedDay).contains("LLM_CAP_REACHED");

      JsonNode all =
          OutputFiles.json(
              kit.ok(CREATED, "llm", "traces", "--portfolio", "alpha", "--json").out());
      assertThat(all).hasSize(15);
      assertThat(all.get(0).get("run_id").asText()).startsWith("run-");
      Cli.Run day = kit.ok(CREATED, "llm", "traces", "--portfolio", "alpha", "--day", cappedDay);
      assertThat(day.out())
          .contains(capped.getFirst().moment().toString(), "held", "cap reached", "in all (v1 ");
      Cli.Run bad = kit.run(CREATED, "llm", "traces", "--portfolio", "alpha", "--day", "June 3");
      assertThat(bad.exitCode()).isEqualTo(2);
      assertThat(bad.err().lines().findFirst().orElseThrow())
          .isEqualTo("error: --day 'June 3' is not a date; expected YYYY-MM-DD");
    }
  }

  private static Path csv(Path file, int days) throws IOException {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
    LocalDate d = LocalDate.parse("2024-01-02");
    int written = 0;
    while (written < days) {
      if (d.getDayOfWeek().getValue() <= 5 && !d.toString().equals("2024-01-15")) {
        int close = 100 + (written % 7) * 2 - (written % 3);
        int open = close - 1;
        csv.append(d)
            .append(',')
            .append(open)
            .append(',')
            .append(close + 1)
            .append(',')
            .append(open - 1)
            .append(',')
            .append(close)
            .append(',')
            .append(close)
            .append(",1000000\n");
        written++;
      }
      d = d.plusDays(1);
    }
    return Files.writeString(file, csv.toString());
  }
}
