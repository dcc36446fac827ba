package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.SyntheticBars;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestTest {
  static final BigDecimal CASH = new BigDecimal("50000");
  static final BarSeries BARS =
      SyntheticBars.generate(
          Instrument.of("SYN", "USD", 2), LocalDate.of(2019, 1, 7), 1_000, 11, 80);

  static List<BacktestSpec> specs() {
    BacktestSpec sma = BacktestSpec.of("sma-cross", Map.of("fast", "5", "slow", "20"), CASH);
    BacktestSpec breakout = BacktestSpec.of("breakout", Map.of("trail-atr", "3"), CASH);
    BigDecimal five = new BigDecimal("5");
    return List.of(
        sma,
        sma.withCosts(five, new BigDecimal("1.00"), new BigDecimal("2")),
        breakout.withCosts(five, BigDecimal.ONE, BigDecimal.ONE),
        // A thin volume cap leaves entries and exits part-filled across bars.
        breakout.withVolumeShare(new BigDecimal("0.0001")),
        sma.withRiskLimits(new RiskLimits(new BigDecimal("20000"), null, null, null)));
  }

  /** The bars cut at many lengths, so that some runs end holding a position. */
  static List<BarSeries> prefixes() {
    List<BarSeries> out = new ArrayList<>();
    for (int n = 100; n <= BARS.size(); n += 37) {
      out.add(new BarSeries(BARS.instrument(), BARS.bars().subList(0, n), "first " + n));
    }
    return out;
  }

  @Test
  void final_equity_is_cash_plus_trade_pnl_plus_open_pnl_exactly() {
    int endedOpen = 0;
    for (BarSeries bars : prefixes()) {
      for (BacktestSpec spec : specs()) {
        BacktestResult r = new Backtest(spec).run(bars, Progress.NONE);

        BigDecimal sum = CASH;
        for (RoundTrip t : r.trades()) {
          sum = sum.add(t.pnl());
        }
        for (OpenPosition p : r.openPositions()) {
          sum = sum.add(p.unrealizedPnl());
        }
        assertThat(r.metrics().finalEquity())
            .as(spec + " on " + bars.source())
            .isEqualByComparingTo(sum);
        assertThat(r.equityCurve()).hasSize(bars.size());
        endedOpen += r.openPositions().size();
      }
    }
    assertThat(endedOpen).isPositive();
  }

  @Test
  void equity_curve_matches_a_ledger_rebuilt_from_the_fills() {
    for (BarSeries bars : prefixes()) {
      for (BacktestSpec spec : specs()) {
        BacktestResult r = new Backtest(spec).run(bars, Progress.NONE);
        Portfolio rebuilt = Portfolio.rebuild(new PortfolioId("check"), "USD", CASH, r.fills());
        rebuilt.mark("SYN", bars.last().closePrice().toBigDecimal());

        EquityPoint last = r.equityCurve().getLast();
        assertThat(last.cash()).isEqualByComparingTo(rebuilt.ledger().cash());
        assertThat(last.equity()).isEqualByComparingTo(rebuilt.summary().equity());
        assertThat(r.metrics().fees())
            .isEqualByComparingTo(
                r.fills().stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add));
      }
    }
  }

  @Test
  void refused_orders_are_recorded_with_their_cap() {
    BacktestSpec spec =
        BacktestSpec.of("sma-cross", Map.of("fast", "5", "slow", "20"), CASH)
            .withRiskLimits(new RiskLimits(new BigDecimal("1000"), null, null, null));

    BacktestResult r = new Backtest(spec).run(BARS, Progress.NONE);

    assertThat(r.fills()).isEmpty();
    assertThat(r.refusals()).isNotEmpty();
    assertThat(r.refusals().getFirst().message()).contains("max_order_value");
  }

  @Test
  void the_same_spec_and_bars_give_the_same_result() {
    BacktestSpec spec = specs().get(2);

    assertThat(new Backtest(spec).run(BARS, Progress.NONE))
        .isEqualTo(new Backtest(spec).run(BARS, Progress.NONE));
  }

  @Test
  void unknown_strategy_and_parameter_are_named() {
    assertThatThrownBy(() -> new Backtest(BacktestSpec.of("nope", Map.of(), CASH)))
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> new Backtest(BacktestSpec.of("breakout", Map.of("chanel", "5"), CASH)))
        .hasMessageContaining("chanel");
  }

  @Test
  void progress_is_quiet_for_two_seconds_then_reports_rate_and_time_left() {
    var bytes = new java.io.ByteArrayOutputStream();
    long[] now = {0};
    Progress p =
        Progress.timed(new java.io.PrintStream(bytes, true), "backtest", "bars", () -> now[0]);
    for (int i = 1; i < 200_000; i++) {
      now[0] = i * 10_000L; // 10 us a bar: 100,000 bars/s, 4 s in all
      p.update(i, 400_000);
    }
    assertThat(bytes.toString()).isEmpty();

    for (int i = 200_000; i <= 400_000; i++) {
      now[0] = i * 10_000L;
      p.update(i, 400_000);
    }
    String[] shown = bytes.toString().split("\r");
    // The clock is read every 1,024 bars: first at 200,704 bars, 2.007 s in.
    assertThat(shown[1])
        .isEqualTo("backtest: 50% (200,704 of 400,000 bars, 100,000 bars/s, about 2 s left)  ");
    assertThat(shown).hasSize(4); // "", at 2 s, at 3 s, the end
    assertThat(shown[shown.length - 1])
        .startsWith("backtest: 100% (400,000 of 400,000 bars, 100,000 bars/s, in 4 s)")
        .endsWith(System.lineSeparator());
  }

  @Test
  void slow_units_such_as_whole_backtests_are_reported_with_the_clock_read_at_each() {
    var bytes = new java.io.ByteArrayOutputStream();
    long[] now = {0};
    Progress p =
        Progress.timed(new java.io.PrintStream(bytes, true), "optimize", "trials", () -> now[0], 1);
    for (int i = 1; i <= 10; i++) {
      now[0] = i * 500_000_000L; // half a second a trial
      p.update(i, 10);
    }
    String[] shown = bytes.toString().split("\r");
    assertThat(shown[1]).startsWith("optimize: 40% (4 of 10 trials, 2 trials/s");
    assertThat(shown[shown.length - 1]).startsWith("optimize: 100% (10 of 10 trials");
  }

  @Test
  void short_work_shows_no_progress_at_all() {
    var bytes = new java.io.ByteArrayOutputStream();
    long[] now = {0};
    Progress p =
        Progress.timed(new java.io.PrintStream(bytes, true), "backtest", "bars", () -> now[0]);
    for (int i = 1; i <= 150_000; i++) {
      now[0] = i * 10_000L; // done in 1.5 s
      p.update(i, 150_000);
    }
    assertThat(bytes.toString()).isEmpty();
  }

  @Test
  void progress_is_not_printed_when_not_on_a_terminal() {
    // Tests run with stdout captured: no console, so a backtest prints nothing, however long.
    assertThat(System.console()).isNull();
    assertThat(Progress.onTerminal()).isSameAs(Progress.NONE);
    assertThat(Progress.onTerminal(false)).isSameAs(Progress.NONE);
    assertThat(Progress.onTerminal(true)).isNotSameAs(Progress.NONE);
  }
}
