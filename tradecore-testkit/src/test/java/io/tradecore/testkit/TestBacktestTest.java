package io.tradecore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.strategy.api.InstrumentStrategyProvider;
import io.tradecore.strategy.api.Param;
import io.tradecore.strategy.api.Parameters;
import io.tradecore.strategy.api.Params;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestBacktestTest {
  /** Opens an all-in plan on bar {@code enter} and closes it on bar {@code exit}. */
  private static final class Timed implements Strategy {
    private final int enter;
    private final int exit;

    Timed(int enter, int exit) {
      this.enter = enter;
      this.exit = exit;
    }

    @Override
    public String name() {
      return "timed";
    }

    @Override
    public void init(StrategySetup setup) {}

    @Override
    public List<Action> onBar(TradingContext context) {
      if (context.barIndex() == enter) {
        return List.of(new Action.OpenPlan(PlanSpec.longAllIn()));
      }
      if (context.barIndex() == exit && context.openPlanCount() > 0) {
        return List.of(new Action.ClosePlan(context.openPlans().getFirst().id()));
      }
      return List.of();
    }
  }

  private static final class TimedProvider implements InstrumentStrategyProvider {
    @Override
    public String name() {
      return "timed";
    }

    @Override
    public String description() {
      return "Enters and exits on given bars.";
    }

    @Override
    public Parameters parameters() {
      return Parameters.of(
          Param.integer("enter", 1, "Bar to enter on.").min("0"),
          Param.integer("exit", 3, "Bar to exit on.").min("1"));
    }

    @Override
    public StrategyFactory factory(Params params) {
      int enter = params.integer("enter");
      int exit = params.integer("exit");
      return instrument -> new Timed(enter, exit);
    }
  }

  @Test
  void bars_are_a_day_apart_and_open_at_the_previous_close() {
    List<Bar> bars = Bars.daily("TEST").closes("10", "11", "9.5").list();
    assertThat(bars).extracting(Bar::open).containsExactly(1000L, 1000L, 1100L);
    assertThat(bars).extracting(Bar::high).containsExactly(1000L, 1100L, 1100L);
    assertThat(bars).extracting(Bar::low).containsExactly(1000L, 1000L, 950L);
    assertThat(Duration.between(bars.get(0).time(), bars.get(2).time())).hasDays(2);
  }

  @Test
  void a_signal_fills_at_the_next_open_and_the_round_trip_shows_it() {
    List<Bar> bars = Bars.daily("TEST").closes("10", "11", "12", "13", "12", "11").list();
    TestRun run = TestBacktest.of(new TimedProvider()).cash("1200").run(bars);

    assertThat(run.events(EngineEvent.SignalEmitted.class)).hasSize(2);
    TestRun.RoundTrip trip = run.roundTrips().getFirst();
    assertThat(trip.entryIndex()).isEqualTo(2);
    assertThat(trip.entryPrice()).isEqualByComparingTo("11"); // bar 2 opens at bar 1's close
    assertThat(trip.exitIndex()).isEqualTo(4);
    assertThat(trip.exitPrice()).isEqualByComparingTo("13");
    // 1200 buys 1200 / 11 units (fractional), sold at 13: cash grows by 2/11 of 1200.
    BigDecimal quantity = run.fills().getFirst().quantity().toBigDecimal();
    assertThat(run.portfolio().ledger().cash())
        .isEqualByComparingTo(
            new BigDecimal("1200")
                .subtract(quantity.multiply(new BigDecimal("11")))
                .add(quantity.multiply(new BigDecimal("13"))));
    assertThat(run.engine().portfolio().openPlans()).isEmpty();
  }

  @Test
  void parameters_are_checked_as_the_command_line_checks_them() {
    assertThatThrownBy(() -> TestBacktest.of(new TimedProvider(), Map.of("exit", "0")))
        .hasMessage("parameter exit of strategy timed must be in [1, ∞) but was '0'");
    TestRun run =
        TestBacktest.of(new TimedProvider(), Map.of("enter", "0", "exit", "1"))
            .costs(ExecutionCosts.of(10, 1, 0))
            .run(Bars.daily("TEST").closes("10", "10", "10", "10").list());
    assertThat(run.fills()).hasSize(2).allSatisfy(f -> assertThat(f.fee()).isPositive());
  }

  @Test
  void a_run_can_go_on_bar_by_bar() {
    List<Bar> bars = Bars.daily("TEST").closes("10", "11", "12", "13").list();
    TestRun run = TestBacktest.of(instrument -> new Timed(1, 9)).run(bars.subList(0, 2));
    assertThat(run.fills()).isEmpty();
    run.engine().onBar(bars.get(2));
    assertThat(run.fills())
        .singleElement()
        .satisfies(f -> assertThat(f.price().toBigDecimal()).isEqualByComparingTo("11"));
  }
}
