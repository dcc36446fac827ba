package io.tradecore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM trace and spend contract; run against SQLite and PostgreSQL by the two subclasses. */
abstract class LlmTraceContractTest {
  static final PortfolioId P = new PortfolioId("p-llm");
  static final PortfolioId OTHER = new PortfolioId("p-other");
  static final RunId RUN = new RunId("run-7");
  static final Instant MONDAY = Instant.parse("2024-06-03T20:00:00Z");
  static final Instant TUESDAY = Instant.parse("2024-06-04T20:00:00Z");

  final LlmTraceRepository traces = new LlmTraceRepository();
  Database db;

  abstract Dialect dialect();

  @BeforeEach
  void openDatabase() {
    db = TestDatabases.open(dialect());
    db.jdbi()
        .useTransaction(
            h -> {
              PortfolioRepository portfolios = new PortfolioRepository();
              for (PortfolioId id : List.of(P, OTHER)) {
                portfolios.insert(
                    h,
                    new PortfolioRecord(
                        id,
                        id.value(),
                        "USD",
                        "America/New_York",
                        "NYSE",
                        new BigDecimal("100000"),
                        "{}",
                        MONDAY));
              }
            });
  }

  @AfterEach
  void closeDatabase() {
    TestDatabases.dispose(db);
  }

  static LlmTraceRepository.Row trace(
      String id, PortfolioId p, Instant moment, String version, String cost, Long in, Long out) {
    return new LlmTraceRepository.Row(
        id,
        p,
        RUN,
        version,
        moment,
        moment.toString().substring(0, 10),
        "9f2c" + "0".repeat(60),
        "live",
        "gpt-4o-mini",
        in == null ? null : "gpt-4o-mini-2024-07-18",
        "You manage a trading portfolio.\nRules: ...",
        "MOMENT " + moment + "\nPORTFOLIO\nequity 20150 — ümlaut ✓",
        in == null ? null : "{\"decisions\":[{\"action\":\"hold\",\"reason\":\"wait\"}]}",
        in,
        out,
        new BigDecimal(cost),
        1834,
        in == null ? 0 : 1,
        in == null ? "held" : "accepted",
        in == null ? "cap reached: the call's worst case 0.0009 USD exceeds ..." : "1 accepted",
        "{\"accepted\":[],\"refused\":[]}",
        MONDAY.plusSeconds(5));
  }

  boolean insert(LlmTraceRepository.Row row) {
    return db.jdbi().inTransaction(h -> traces.insertIfAbsent(h, row));
  }

  Optional<LlmTraceRepository.Row> get(String id) {
    return db.jdbi().withHandle(h -> traces.get(h, id));
  }

  List<LlmTraceRepository.Row> all(PortfolioId p) {
    return db.jdbi().withHandle(h -> traces.forPortfolio(h, p));
  }

  BigDecimal spentTotal(PortfolioId p) {
    return db.jdbi().withHandle(h -> traces.spentTotal(h, p));
  }

  @Test
  void the_migration_is_version_5() {
    assertThat(db.status()).extracting(Database.MigrationState::version).contains("5");
  }

  @Test
  void a_trace_reads_back_exactly_with_its_nulls() {
    LlmTraceRepository.Row answered = trace("t-1", P, MONDAY, "v1", "0.000468", 2400L, 180L);
    LlmTraceRepository.Row capped = trace("t-2", P, MONDAY, "v1", "0", null, null);

    insert(answered);
    insert(capped);

    assertThat(get("t-1")).hasValue(answered);
    assertThat(get("t-2")).hasValue(capped);
    assertThat(get("t-1").orElseThrow().cost().toPlainString()).isEqualTo("0.000468");
  }

  @Test
  void a_trace_stored_twice_is_kept_and_booked_once() {
    LlmTraceRepository.Row row = trace("t-1", P, MONDAY, "v1", "0.000468", 2400L, 180L);

    assertThat(insert(row)).isTrue();
    assertThat(insert(row)).isFalse();

    assertThat(all(P)).hasSize(1);
    assertThat(spentTotal(P)).isEqualTo(new BigDecimal("0.000468"));
  }

  @Test
  void the_spend_is_the_exact_sum_of_the_traces_per_day_and_bot_version() {
    insert(trace("t-1", P, MONDAY, "v1", "0.1", 1000L, 10L));
    insert(trace("t-2", P, MONDAY.plusSeconds(60), "v1", "0.2", 2000L, 20L));
    insert(trace("t-3", P, MONDAY.plusSeconds(120), "v2", "0.000000015", 1L, 0L));
    insert(trace("t-4", P, TUESDAY, "v1", "0.3", 3000L, 30L));
    insert(trace("t-5", P, TUESDAY, "v1", "0", null, null));
    insert(trace("t-6", OTHER, MONDAY, "v1", "7", 1L, 1L));

    db.jdbi()
        .useHandle(
            h -> {
              assertThat(traces.spend(h, P))
                  .containsExactly(
                      new LlmTraceRepository.Spend(
                          "2024-06-03", "v1", 2, 3000, 30, new BigDecimal("0.3")),
                      new LlmTraceRepository.Spend(
                          "2024-06-03", "v2", 1, 1, 0, new BigDecimal("0.000000015")),
                      new LlmTraceRepository.Spend(
                          "2024-06-04", "v1", 1, 3000, 30, new BigDecimal("0.3")));
              assertThat(traces.spentTotal(h, P)).isEqualTo(new BigDecimal("0.600000015"));
              assertThat(traces.spentOn(h, P, "2024-06-03"))
                  .isEqualTo(new BigDecimal("0.300000015"));
              assertThat(traces.spentByVersion(h, P))
                  .isEqualTo(
                      Map.of("v1", new BigDecimal("0.6"), "v2", new BigDecimal("0.000000015")));
              assertThat(traces.outcomesOn(h, P, "2024-06-04"))
                  .isEqualTo(Map.of("accepted", 1L, "held", 1L));
            });
  }

  @Test
  void traces_are_listed_per_portfolio_and_day_in_moment_order() {
    insert(trace("t-b", P, MONDAY.plusSeconds(60), "v1", "0", null, null));
    insert(trace("t-a", P, MONDAY, "v1", "0", null, null));
    insert(trace("t-c", P, TUESDAY, "v1", "0", null, null));
    insert(trace("t-x", OTHER, MONDAY, "v1", "0", null, null));

    db.jdbi()
        .useHandle(
            h -> {
              assertThat(traces.onDay(h, P, "2024-06-03"))
                  .extracting(LlmTraceRepository.Row::traceId)
                  .containsExactly("t-a", "t-b");
              assertThat(traces.forPortfolio(h, P))
                  .extracting(LlmTraceRepository.Row::traceId)
                  .containsExactly("t-a", "t-b", "t-c");
            });
  }

  @Test
  void a_trace_of_an_unknown_portfolio_is_refused_and_books_nothing() {
    assertThatThrownBy(
            () -> insert(trace("t-1", new PortfolioId("nope"), MONDAY, "v1", "1", 1L, 1L)))
        .isInstanceOf(Exception.class);

    assertThat(all(new PortfolioId("nope"))).isEmpty();
    assertThat(spentTotal(new PortfolioId("nope"))).isEqualTo(BigDecimal.ZERO);
  }
}
