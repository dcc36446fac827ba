package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradecore.core.domain.Side;
import io.tradecore.core.plan.ExitReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static final BigDecimal CASH = new BigDecimal("100");
  // Monday 2025-01-06 .. Friday 2025-01-10.
  static final Instant MONDAY = Instant.parse("2025-01-06T00:00:00Z");

  static List<EquityPoint> curve(Instant start, Duration step, String... equities) {
    List<EquityPoint> out = new ArrayList<>();
    for (int i = 0; i < equities.length; i++) {
      out.add(point(start.plus(step.multipliedBy(i)), equities[i]));
    }
    return out;
  }

  static EquityPoint point(Instant time, String equity) {
    BigDecimal e = new BigDecimal(equity);
    return new EquityPoint(time, BigDecimal.ONE, e, BigDecimal.ZERO, e, BarAction.HOLD);
  }

  static RoundTrip trade(String pnl) {
    return new RoundTrip(
        "p",
        "X",
        Side.BUY,
        MONDAY,
        BigDecimal.ONE,
        MONDAY,
        BigDecimal.ONE,
        BigDecimal.ONE,
        new BigDecimal(pnl),
        BigDecimal.ZERO,
        ExitReason.STRATEGY);
  }

  @Test
  void five_point_curve_gives_hand_computed_figures() {
    // Returns +10%, -10%, +10%, +10%: mean 0.05; deviations 0.05, -0.15, 0.05, 0.05 square to
    // 0.0025 + 0.0225 + 0.0025 + 0.0025 = 0.03, /3 = 0.01, sd 0.1. Downside: only -0.1, so
    // sqrt(0.01 / 4) = 0.05. Five consecutive days, no weekend: 365.25 periods a year.
    List<EquityPoint> c = curve(MONDAY, Duration.ofDays(1), "100", "110", "99", "108.9", "119.79");

    Metrics m = Metrics.of(CASH, c, List.of(), 0, new BigDecimal("1.50"));

    assertThat(m.finalEquity()).isEqualByComparingTo("119.79");
    assertThat(m.totalReturn()).isCloseTo(0.1979, within(1e-12));
    assertThat(m.periodsPerYear()).isEqualTo(365.25);
    assertThat(m.sharpe()).isCloseTo(0.05 / 0.1 * Math.sqrt(365.25), within(1e-9));
    assertThat(m.sortino()).isCloseTo(0.05 / 0.05 * Math.sqrt(365.25), within(1e-9));
    // Peak 110, trough 99: 11 / 110.
    assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
    assertThat(m.fees()).isEqualByComparingTo("1.50");
    assertThat(m.bars()).isEqualTo(5);
    assertThat(m.trades()).isZero();
    assertThat(m.winRate()).isNull();
    assertThat(m.profitFactor()).isNull();
  }

  @Test
  void weekday_daily_bars_annualise_with_252_periods() {
    // Thursday, Friday, Monday, Tuesday, Wednesday: one of four spacings spans the weekend.
    Instant thursday = Instant.parse("2025-01-09T00:00:00Z");
    List<EquityPoint> c =
        List.of(
            point(thursday, "100"),
            point(thursday.plus(Duration.ofDays(1)), "101"),
            point(thursday.plus(Duration.ofDays(4)), "102"),
            point(thursday.plus(Duration.ofDays(5)), "101"),
            point(thursday.plus(Duration.ofDays(6)), "103"));

    assertThat(Metrics.periodsPerYear(c)).isEqualTo(252.0);
  }

  @Test
  void intraday_and_seven_day_bars_annualise_by_their_spacing() {
    assertThat(Metrics.periodsPerYear(curve(MONDAY, Duration.ofHours(1), "1", "2", "3")))
        .isEqualTo(365.25 * 24);
    assertThat(Metrics.periodsPerYear(curve(MONDAY, Duration.ofDays(1), "1", "2", "3", "4")))
        .isEqualTo(365.25);
    assertThat(Metrics.periodsPerYear(curve(MONDAY, Duration.ofDays(7), "1", "2")))
        .isCloseTo(365.25 / 7, within(1e-12));
  }

  @Test
  void cagr_uses_calendar_years_of_365_25_days() {
    // 100 -> 121 over exactly two years of 365.25 days: sqrt(1.21) - 1 = 0.1.
    List<EquityPoint> c =
        List.of(
            point(MONDAY, "100"),
            point(MONDAY.plus(Duration.ofHours(24 * 365 + 6)), "105"),
            point(MONDAY.plus(Duration.ofHours(2 * (24 * 365 + 6))), "121"));

    assertThat(Metrics.of(CASH, c, List.of(), 0, BigDecimal.ZERO).cagr())
        .isCloseTo(0.1, within(1e-12));
  }

  @Test
  void win_rate_and_profit_factor_come_from_closed_trades() {
    List<RoundTrip> trades =
        List.of(trade("50"), trade("-20"), trade("30"), trade("-10"), trade("0"));

    Metrics m =
        Metrics.of(
            CASH, curve(MONDAY, Duration.ofDays(1), "100", "150"), trades, 1, BigDecimal.ZERO);

    // 2 winners of 5; gross profit 80, gross loss 30.
    assertThat(m.trades()).isEqualTo(5);
    assertThat(m.openPositions()).isEqualTo(1);
    assertThat(m.winRate()).isCloseTo(0.4, within(1e-12));
    assertThat(m.profitFactor()).isCloseTo(80.0 / 30.0, within(1e-12));
  }

  @Test
  void profit_factor_is_null_without_losing_trades() {
    Metrics m =
        Metrics.of(
            CASH,
            curve(MONDAY, Duration.ofDays(1), "100", "101"),
            List.of(trade("5"), trade("0")),
            0,
            BigDecimal.ZERO);

    assertThat(m.profitFactor()).isNull();
    assertThat(m.winRate()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void a_flat_curve_has_no_sharpe_no_sortino_and_no_drawdown() {
    Metrics m =
        Metrics.of(
            CASH,
            curve(MONDAY, Duration.ofDays(1), "100", "100", "100"),
            List.of(),
            0,
            BigDecimal.ZERO);

    assertThat(m.sharpe()).isNull();
    assertThat(m.sortino()).isNull();
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.totalReturn()).isZero();
  }

  @Test
  void no_bars_keep_the_starting_cash() {
    Metrics m = Metrics.of(CASH, List.of(), List.of(), 0, BigDecimal.ZERO);

    assertThat(m.finalEquity()).isEqualByComparingTo("100");
    assertThat(m.cagr()).isNull();
    assertThat(m.periodsPerYear()).isNull();
    assertThat(m.bars()).isZero();
  }
}
