package io.tradecore.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.EquityPoint;
import io.tradecore.backtest.Progress;
import io.tradecore.marketdata.BarSeries;
import java.math.BigDecimal;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
  private static final BacktestSpec BASE =
      BacktestSpec.of("sma-cross", Map.of(), new BigDecimal("100000"))
          .withCosts(new BigDecimal("10"), BigDecimal.ONE, BigDecimal.ZERO);

  @Test
  void each_window_picks_the_best_of_its_training_bars_and_tests_it_on_the_next_bars_alone() {
    BarSeries bars = PlantedBars.series(7, 2_000); // daily, every day, from 2000-01-03
    Map<String, String> specs = new LinkedHashMap<>();
    specs.put("fast", "2..12:2");
    specs.put("slow", "10..30:5");
    SearchSpace space = SearchSpace.parse("sma-cross", specs);
    Optimizer grid = new Optimizer(Method.GRID, 1, 1, 10);
    WalkForward.Result r;
    try (TrialRunner runner = new TrialRunner(BASE, Objective.SHARPE, 1, 2)) {
      r =
          WalkForward.parse("train=2y,test=6m")
              .run(space, List.of(bars), grid, runner, n -> Progress.NONE);

      // 2,000 days from 2000-01-03 end on 2005-06-24: tests start on 2002-01-03 and every 6
      // months after, the last on 2005-01-03.
      assertThat(r.windows()).hasSize(7);
      assertThat(r.windows().getLast().testStart()).hasToString("2005-01-03T00:00:00Z");
      BigDecimal equity = BASE.startingCash();
      int points = 0;
      for (WalkForward.Window w : r.windows()) {
        List<BarSeries> train = WalkForward.slice(List.of(bars), w.trainStart(), w.testStart());
        List<BarSeries> test = WalkForward.slice(List.of(bars), w.testStart(), w.testEnd());
        assertThat(w.testStart()).isEqualTo(WalkForward.plus(w.trainStart(), Period.ofYears(2)));
        // In sample: the best trial of the same search run on the training bars by itself.
        Trial best = grid.run(space, train, runner, Progress.NONE).best().orElseThrow();
        assertThat(w.chosen()).isEqualTo(best);
        // Out of sample: a backtest of those parameters on the test bars, from the equity so far.
        BacktestResult oos =
            TrialRunner.backtest(BASE.withParams(best.params()).withStartingCash(equity), test);
        assertThat(w.outOfSample()).isEqualTo(oos.metrics());
        assertThat(w.startEquity()).isEqualTo(equity);
        equity = oos.metrics().finalEquity();
        assertThat(w.endEquity()).isEqualTo(equity);
        points += test.getFirst().size();
      }
      assertThat(r.outOfSampleCurve()).hasSize(points);
      assertThat(r.outOfSample().finalEquity()).isEqualTo(equity);
      List<EquityPoint> curve = r.outOfSampleCurve();
      for (int i = 1; i < curve.size(); i++) {
        assertThat(curve.get(i).time()).isAfter(curve.get(i - 1).time());
      }
    }
    // The stability of a parameter counts its choices as the windows made them.
    WalkForward.Stability fast = r.stability().getFirst();
    assertThat(fast.name()).isEqualTo("fast");
    assertThat(fast.chosen()).hasSize(7);
    assertThat(fast.modeShare())
        .isEqualTo(fast.chosen().stream().filter(fast.mode()::equals).count() / 7.0);
  }

  @Test
  void a_bad_plan_is_an_error_naming_what_is_wrong() {
    assertThatThrownBy(() -> WalkForward.parse("train=3y"))
        .hasMessageContaining("needs train= and test=");
    assertThatThrownBy(() -> WalkForward.parse("train=3y,test=1x"))
        .hasMessageContaining("--walk-forward test must be a whole number of y, m, w or d");
    assertThatThrownBy(() -> WalkForward.parse("train=3y,test=1y,step=6m"))
        .hasMessage(
            "--walk-forward step (6m) must be at least test (1y), so that the test windows do not"
                + " overlap");
    assertThatThrownBy(() -> WalkForward.parse("train=3y,test=1y,size=2y"))
        .hasMessage("--walk-forward knows train, test and step, not 'size'");
    assertThat(WalkForward.parse("train=3y,test=1y"))
        .isEqualTo(new WalkForward(Period.ofYears(3), Period.ofYears(1), Period.ofYears(1)));
  }
}
