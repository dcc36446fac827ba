package io.tradecore.runner.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.llm.LlmAnswer;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.LlmMode;
import io.tradecore.llm.LlmTrace;
import io.tradecore.llm.Outcome;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.runner.notify.Destination;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.Fence;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.OutboxRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmRecordsTest {
  static final PortfolioId P = new PortfolioId("p-llm");
  static final LocalDate MONDAY = LocalDate.parse("2024-06-03");
  static final LocalDate TUESDAY = LocalDate.parse("2024-06-04");

  final LlmTraceRepository traces = new LlmTraceRepository();
  Database db;

  static final PortfolioRecord RECORD =
      new PortfolioRecord(
          P,
          "llm",
          "USD",
          "America/New_York",
          "NYSE",
          new BigDecimal("100000"),
          "{}",
          Instant.parse("2024-06-01T00:00:00Z"));

  @BeforeEach
  void open() {
    db = TestDatabases.open(Dialect.SQLITE);
    db.jdbi().useHandle(h -> new PortfolioRepository().insert(h, RECORD));
  }

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  static LlmTrace trace(String id, LocalDate day, String cost) {
    Instant moment = day.atTime(20, 0).toInstant(java.time.ZoneOffset.UTC);
    return new LlmTrace(
        id,
        P,
        new RunId("run-1"),
        "v1",
        moment,
        day,
        "ab".repeat(32),
        LlmMode.RECORD,
        "gpt-4o-mini",
        "gpt-4o-mini-2024-07-18",
        "system",
        "user",
        "{\"decisions\":[]}",
        1500L,
        40L,
        new BigDecimal(cost),
        812,
        1,
        Outcome.HELD,
        "no decisions",
        "{\"accepted\":[],\"refused\":[]}",
        moment.plusSeconds(1));
  }

  @Test
  void a_question_the_cap_stopped_is_a_warning_of_its_day_and_an_llm_cap_notification() {
    Notifications notifications =
        Notifications.of(
            RECORD,
            List.of(
                new Destination.Webhook(
                    "audit", URI.create("http://127.0.0.1:9/hook"), null, 60, Map.of())));
    StoreTraces store =
        new StoreTraces(db, Fence.NONE, P, new RunId("run-1"), notifications, Clock.systemUTC());
    LlmTrace held = trace("t-cap", MONDAY, "0");

    store.answered(
        new LlmAnswer(
            held.moment(),
            Outcome.HELD,
            "the daily spending cap of 1.00 USD is reached",
            List.of(),
            List.of(),
            true,
            held));

    List<OutboxRepository.Row> staged = db.jdbi().withHandle(h -> new OutboxRepository().all(h, P));
    assertThat(staged)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.message().kind()).isEqualTo("llm_cap");
              assertThat(r.message().subject()).isEqualTo("llm: LLM spending cap reached");
              assertThat(r.message().body()).startsWith("the model at " + held.moment());
            });
    long warnings =
        db.jdbi()
            .withHandle(h -> new TelemetryRepository().countKind(h, P, "2024-06-03", "llm-cap"));
    assertThat(warnings).isOne();
  }

  @Test
  void a_stored_trace_reads_back_field_for_field() {
    LlmTrace trace = trace("t-1", MONDAY, "0.000249");

    db.jdbi().useTransaction(h -> traces.insertIfAbsent(h, LlmRecords.row(trace)));

    LlmTraceRepository.Row stored = db.jdbi().withHandle(h -> traces.get(h, "t-1")).orElseThrow();
    assertThat(stored).isEqualTo(LlmRecords.row(trace));
    assertThat(stored.mode()).isEqualTo("record");
    assertThat(stored.outcome()).isEqualTo("held");
    assertThat(stored.day()).isEqualTo("2024-06-03");
  }

  @Test
  void a_restarted_cap_counts_the_stored_spend_in_total_and_for_today() {
    db.jdbi()
        .useTransaction(
            h -> {
              traces.insertIfAbsent(h, LlmRecords.row(trace("t-1", MONDAY, "0.30")));
              traces.insertIfAbsent(h, LlmRecords.row(trace("t-2", TUESDAY, "0.25")));
            });
    LlmConfig config =
        LlmConfig.builder()
            .model("gpt-4o-mini")
            .maxCost(new BigDecimal("1.00"))
            .maxCostPerDay(new BigDecimal("0.40"))
            .build();

    SpendingCap cap =
        db.jdbi().withHandle(h -> LlmRecords.resumeCap(h, traces, P, config, "USD", TUESDAY));

    assertThat(cap.spent()).isEqualTo(new BigDecimal("0.55"));
    assertThat(cap.refusal(TUESDAY, new BigDecimal("0.15"))).isEmpty();
    assertThat(cap.refusal(TUESDAY, new BigDecimal("0.16"))).get().asString().contains("per_day");
    assertThat(cap.refusal(LocalDate.parse("2024-06-05"), new BigDecimal("0.40"))).isEmpty();
    assertThat(cap.refusal(LocalDate.parse("2024-06-05"), new BigDecimal("0.46")))
        .get()
        .asString()
        .contains("llm.max_cost 1 USD");
  }
}
