package io.tradecore.core.dailylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationRulesTest {
  /** A quiet day: some trades, no errors, no refusals, flat positions, costs negligible. */
  static DayFacts quiet() {
    return new DayFacts(
        new BigDecimal("100500"),
        new BigDecimal("100000"),
        new BigDecimal("100000"),
        new BigDecimal("100500"),
        new BigDecimal("100000"),
        4,
        6,
        0,
        0,
        0,
        0,
        new BigDecimal("1.00"),
        BigDecimal.ZERO,
        List.of(4L, 4L, 4L, 4L),
        true,
        1);
  }

  static DayFacts with(DayFacts f, String field, Object value) {
    return new DayFacts(
        field.equals("account") ? (BigDecimal) value : f.accountValue(),
        field.equals("previousClose") ? (BigDecimal) value : f.previousClose(),
        f.startingCapital(),
        field.equals("peak") ? (BigDecimal) value : f.peakValue(),
        field.equals("previousPeak") ? (BigDecimal) value : f.previousPeak(),
        field.equals("trades") ? (Long) value : f.trades(),
        f.signals(),
        f.warnings(),
        field.equals("errors") ? (Long) value : f.errors(),
        field.equals("refusals") ? (Long) value : f.riskRefusals(),
        field.equals("positions") ? (Integer) value : f.openPositions(),
        field.equals("fees") ? (BigDecimal) value : f.fees(),
        f.otherCosts(),
        field.equals("recent") ? cast(value) : f.recentTrades(),
        field.equals("open") ? (Boolean) value : f.marketOpen(),
        field.equals("gap") ? (Integer) value : f.daysUntilNextSession());
  }

  @SuppressWarnings("unchecked")
  private static List<Long> cast(Object value) {
    return (List<Long>) value;
  }

  static List<String> codes(DayFacts f) {
    return ObservationRules.DEFAULTS.evaluate(f).stream().map(Observation::code).toList();
  }

  @Test
  void a_quiet_day_has_no_observations() {
    assertThat(codes(quiet())).isEmpty();
  }

  @Test
  void high_activity_fires_at_twice_the_average_and_three_more_not_below() {
    // average 4: 8 trades is 2x and +4 -> fires; 7 is below 2x.
    assertThat(codes(with(quiet(), "trades", 8L))).containsExactly("HIGH_ACTIVITY");
    assertThat(codes(with(quiet(), "trades", 7L))).isEmpty();
    // average 1: 3 trades is 3x but only +2 -> quiet; 4 trades is +3 -> fires.
    DayFacts lowBase = with(quiet(), "recent", List.of(1L, 1L));
    assertThat(codes(with(lowBase, "trades", 3L))).isEmpty();
    Observation o = ObservationRules.DEFAULTS.evaluate(with(lowBase, "trades", 4L)).get(0);
    assertThat(o.facts()).containsEntry("trades", "4").containsEntry("recent_average", "1");
  }

  @Test
  void low_activity_fires_at_half_the_average_not_above() {
    assertThat(codes(with(quiet(), "trades", 2L))).containsExactly("LOW_ACTIVITY");
    assertThat(codes(with(quiet(), "trades", 3L))).isEmpty();
  }

  @Test
  void error_burst_fires_at_five_errors_not_four() {
    assertThat(codes(with(quiet(), "errors", 5L))).containsExactly("ERROR_BURST");
    assertThat(codes(with(quiet(), "errors", 4L))).isEmpty();
  }

  @Test
  void no_trades_fires_on_an_open_day_only() {
    DayFacts idle = with(with(quiet(), "trades", 0L), "recent", List.of());
    assertThat(codes(idle)).containsExactly("NO_TRADES");
    assertThat(codes(with(idle, "open", false))).isEmpty();
    assertThat(codes(with(with(quiet(), "trades", 1L), "recent", List.of()))).isEmpty();
  }

  @Test
  void drawdown_fires_at_ten_percent_below_the_peak_not_just_above() {
    // (111667 - 100500) / 111667 = 10.0003% below the peak; 111666 gives 9.9995%.
    DayFacts peak = with(quiet(), "peak", new BigDecimal("111667"));
    assertThat(codes(peak)).contains("DRAWDOWN");
    DayFacts justBelow = with(quiet(), "peak", new BigDecimal("111666"));
    assertThat(codes(justBelow)).doesNotContain("DRAWDOWN");
    Observation o =
        ObservationRules.DEFAULTS.evaluate(peak).stream()
            .filter(x -> x.code().equals("DRAWDOWN"))
            .findFirst()
            .orElseThrow();
    assertThat(o.facts())
        .containsEntry("peak", "111667.00")
        .containsEntry("close", "100500.00")
        .containsEntry("drawdown", "10.00%");
    assertThat(o.message())
        .isEqualTo("close 100,500.00 is 10.00% below the peak of 111,667.00 (threshold 10.00%)");
  }

  @Test
  void a_risk_refusal_is_observed() {
    assertThat(codes(with(quiet(), "refusals", 1L))).containsExactly("RISK_CAP_HIT");
    assertThat(codes(with(quiet(), "refusals", 0L))).isEmpty();
  }

  @Test
  void positions_held_over_a_weekend_are_observed_not_overnight() {
    DayFacts holding = with(quiet(), "positions", 2);
    assertThat(codes(with(holding, "gap", 3))).containsExactly("HELD_OVER_CLOSURE");
    assertThat(codes(with(holding, "gap", 1))).isEmpty();
    assertThat(codes(with(with(quiet(), "positions", 0), "gap", 3))).isEmpty();
  }

  @Test
  void costs_fire_at_half_the_days_pnl_not_below() {
    // PnL 500: fees 250 is exactly half -> fires; 249.99 does not.
    assertThat(codes(with(quiet(), "fees", new BigDecimal("250.00"))))
        .containsExactly("COSTS_HIGH");
    assertThat(codes(with(quiet(), "fees", new BigDecimal("249.99")))).isEmpty();
  }

  @Test
  void a_drawdown_is_observed_the_day_it_crosses_the_threshold_not_each_day_it_lasts() {
    // Day 1 closes 12% below a peak of 125,000; day 2 stays there; day 3 recovers; day 4 falls
    // again.
    DayFacts day1 = drawdown("125000", "110000", "100000", "125000");
    DayFacts day2 = drawdown("125000", "109000", "125000", "110000");
    DayFacts day3 = drawdown("125000", "120000", "125000", "109000");
    DayFacts day4 = drawdown("125000", "108000", "125000", "120000");

    assertThat(codes(day1)).containsExactly("DRAWDOWN");
    assertThat(codes(day2)).isEmpty();
    assertThat(codes(day3)).isEmpty();
    assertThat(codes(day4)).containsExactly("DRAWDOWN");
  }

  @Test
  void days_without_trades_are_observed_on_the_first_not_each_day_they_last() {
    DayFacts afterTrading = with(with(quiet(), "trades", 0L), "recent", List.of(1L, 1L));
    DayFacts stillIdle = with(afterTrading, "recent", List.of(1L, 1L, 0L));

    assertThat(codes(afterTrading)).containsExactly("NO_TRADES");
    assertThat(codes(stillIdle)).isEmpty();
  }

  @Test
  void money_is_shown_with_two_decimals_and_an_empty_history_without_a_ratio() {
    DayFacts deep = drawdown("360999.03694275453", "300000.128", "100000", "100000");
    Observation dd = ObservationRules.DEFAULTS.evaluate(deep).getFirst();
    assertThat(dd.message())
        .isEqualTo("close 300,000.13 is 16.90% below the peak of 360,999.04 (threshold 10.00%)");
    assertThat(dd.facts()).containsEntry("peak", "360999.04");

    DayFacts busy = with(with(quiet(), "recent", List.of(0L, 0L, 0L)), "trades", 5L);
    Observation high = ObservationRules.DEFAULTS.evaluate(busy).getFirst();
    assertThat(high.message()).isEqualTo("5 trades, against none on the 3 recent day(s)");
    DayFacts thirds = with(with(quiet(), "recent", List.of(1L, 1L, 2L)), "trades", 6L);
    assertThat(ObservationRules.DEFAULTS.evaluate(thirds).getFirst().message())
        .isEqualTo("6 trades, 4.5 times the recent average of 1.33");
  }

  /** A day closing at {@code close} under {@code peak}, after {@code previousClose}. */
  private static DayFacts drawdown(
      String peak, String close, String previousPeak, String previousClose) {
    DayFacts f = with(quiet(), "peak", new BigDecimal(peak));
    f = with(f, "account", new BigDecimal(close));
    f = with(f, "previousPeak", new BigDecimal(previousPeak));
    f = with(f, "fees", BigDecimal.ZERO);
    return with(f, "previousClose", new BigDecimal(previousClose));
  }
}
