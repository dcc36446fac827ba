package io.tradecore.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.Progress;
import io.tradecore.marketdata.BarSeries;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimizerTest {
  private static final BacktestSpec BASE =
      BacktestSpec.of("sma-cross", Map.of(), new BigDecimal("100000"))
          .withCosts(new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO);

  private static SearchSpace space(String fast, String slow) {
    Map<String, String> specs = new LinkedHashMap<>();
    specs.put("fast", fast);
    specs.put("slow", slow);
    return SearchSpace.parse("sma-cross", specs);
  }

  private static Sweep sweep(Method method, int trials, long seed, int threads, BarSeries bars) {
    try (TrialRunner runner = new TrialRunner(BASE, Objective.SHARPE, 1, threads)) {
      return new Optimizer(method, trials, seed, 30)
          .run(space("2..30", "3..60"), List.of(bars), runner, Progress.NONE);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 7, 11})
  void the_grid_finds_the_fast_average_that_cancels_the_planted_cycle(int cycle) {
    Sweep sweep = sweep(Method.GRID, 1, 1, 2, PlantedBars.series(cycle, 2000));

    Trial best = sweep.best().orElseThrow();
    assertThat(best.params().get("fast"))
        .as("best %s of %d trials", best.params(), sweep.trials().size())
        .isEqualTo(Integer.toString(cycle));
    // Every fast length is tried, but the three best all sit on the cycle's multiples.
    for (Trial t : sweep.ranked().subList(0, 3)) {
      assertThat(Integer.parseInt(t.params().get("fast")) % cycle)
          .as(t.params().toString())
          .isZero();
    }
  }

  @Test
  void a_grid_runs_every_combination_the_strategy_takes_and_counts_the_others() {
    Sweep sweep = sweep(Method.GRID, 1, 1, 2, PlantedBars.series(7, 400));

    // fast 2..30 and slow 3..60: the pairs with fast < slow.
    long taken = 0;
    for (int f = 2; f <= 30; f++) {
      for (int s = 3; s <= 60; s++) {
        taken += f < s ? 1 : 0;
      }
    }
    assertThat(sweep.trials()).hasSize((int) taken);
    assertThat(sweep.refused()).isEqualTo(29L * 58 - taken);
    assertThat(sweep.trials())
        .allSatisfy(
            t ->
                assertThat(Integer.parseInt(t.params().get("fast")))
                    .isLessThan(Integer.parseInt(t.params().get("slow"))));
  }

  @Test
  void a_trial_is_the_backtest_of_its_parameters_whatever_the_threads() {
    BarSeries bars = PlantedBars.series(7, 600);
    Sweep one = sweep(Method.GRID, 1, 1, 1, bars);
    Sweep two = sweep(Method.GRID, 1, 1, 2, bars);

    assertThat(two.trials()).isEqualTo(one.trials());
    Trial some = one.trials().get(one.trials().size() / 3);
    assertThat(TrialRunner.backtest(BASE.withParams(some.params()), List.of(bars)).metrics())
        .isEqualTo(some.metrics());
  }

  @ParameterizedTest
  @ValueSource(strings = {"RANDOM", "GENETIC"})
  void a_seed_gives_the_same_trials_and_another_seed_other_ones(String method) {
    BarSeries bars = PlantedBars.series(7, 500);
    Method m = Method.valueOf(method);
    Sweep a = sweep(m, 60, 42, 2, bars);
    Sweep b = sweep(m, 60, 42, 1, bars);
    Sweep c = sweep(m, 60, 43, 2, bars);

    assertThat(b.trials()).isEqualTo(a.trials());
    assertThat(c.trials().stream().map(Trial::params).toList())
        .isNotEqualTo(a.trials().stream().map(Trial::params).toList());
    assertThat(a.trials().stream().map(Trial::params).distinct()).hasSize(a.trials().size());
    assertThat(a.trials().size()).isBetween(60, m == Method.RANDOM ? 60 : 60 + 30 - 1);
  }

  @Test
  void the_genetic_search_finds_the_planted_cycle_with_a_fraction_of_the_grid() {
    Sweep sweep = sweep(Method.GENETIC, 300, 3, 2, PlantedBars.series(7, 2000));

    assertThat(sweep.trials().size()).isLessThan(1_300 / 3);
    assertThat(Integer.parseInt(sweep.best().orElseThrow().params().get("fast")) % 7).isZero();
  }

  @Test
  void a_parameter_the_strategy_does_not_take_is_named() {
    assertThatThrownBy(() -> SearchSpace.parse("sma-cross", Map.of("fsat", "2..5")))
        .hasMessage("unknown parameter fsat for strategy sma-cross; it takes fast, slow");
    assertThatThrownBy(() -> SearchSpace.parse("sma-cross", Map.of("fast", "0..5")))
        .hasMessage("parameter fast of strategy sma-cross must be in [1, ∞) but was '0'");
    assertThatThrownBy(() -> SearchSpace.parse("sma-cross", Map.of("slow", "10,x")))
        .hasMessage("parameter slow of strategy sma-cross must be a whole number but was 'x'");
    assertThatThrownBy(() -> SearchSpace.parse("sma-cross", Map.of("slow", "10..5")))
        .hasMessage("--param slow=10..5 is not a range of values: it starts above its end");
    assertThatThrownBy(() -> SearchSpace.parse("sma-cross", Map.of("slow", "5..50:2.5")))
        .hasMessage(
            "--param slow=5..50:2.5 is not a range of values: a whole-number parameter takes a"
                + " whole-number step");
  }

  @Test
  void ranges_steps_and_lists_give_their_values_in_order() {
    SearchSpace s = space("2..10:4", "30,20,30");
    assertThat(s.axes().get(0).values()).containsExactly("2", "6", "10");
    assertThat(s.axes().get(1).values()).containsExactly("30", "20");
    assertThat(s.gridSize()).isEqualTo(6);
  }
}
