package io.tradecore.strategies;

import static io.tradecore.strategies.HandBars.bar;
import static io.tradecore.strategies.HandBars.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.EngineEvent.PlanChanged;
import io.tradecore.core.engine.EngineEvent.SignalEmitted;
import io.tradecore.core.indicator.Atr;
import io.tradecore.core.indicator.Donchian;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.testkit.TestBacktest;
import io.tradecore.testkit.TestRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * breakout with its defaults (20-bar channel, ATR 14, stop 2 ATR, target 4 ATR, half the cash): 25
 * quiet bars (high 101, low 99, close 100: every true range is 2.00, so the ATR is 2.00), then a
 * close at 105 above the 20-bar high of 101.
 */
class BreakoutPlanTest {
  private static final int BREAKOUT = 25;
  // The breakout bar's true range is 105 - 99.50 = 5.50, so the ATR becomes 2 + 3.5 / 14 = 2.25:
  private static final long STOP = 10500 - 450;
  private static final long TARGET = 10500 + 900;

  private static List<Bar> quietThenBreakout() {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < BREAKOUT; i++) {
      bars.add(bar(i, 10000, 10100, 9900, 10000));
    }
    bars.add(bar(BREAKOUT, 10000, 10500, 9950, 10500));
    // The entry fills at the next open; this bar stays between the stop and the target.
    bars.add(bar(BREAKOUT + 1, 10520, 10700, 10400, 10600));
    return bars;
  }

  private static TestRun run(List<Bar> bars) {
    return TestBacktest.of(new BreakoutProvider()).cash("100000.00").run(bars);
  }

  private static List<Plan> planStates(TestRun backtest) {
    return backtest.events(PlanChanged.class).stream().map(PlanChanged::after).toList();
  }

  @Test
  void the_levels_are_the_atr_multiples_around_the_breakout_close() {
    Atr atr = new Atr(14);
    Donchian channel = new Donchian(20);
    for (Bar bar : quietThenBreakout().subList(0, BREAKOUT + 1)) {
      atr.update(bar);
      channel.update(bar);
    }
    assertThat(channel.upper()).isEqualTo(10100);
    assertThat(atr.value()).isEqualTo(225.0);
    assertThat(STOP).isEqualTo(10500 - Math.round(2 * atr.value()));
    assertThat(TARGET).isEqualTo(10500 + Math.round(4 * atr.value()));

    TestRun backtest = run(quietThenBreakout());

    assertThat(backtest.events(SignalEmitted.class))
        .singleElement()
        .satisfies(s -> assertThat(s.time()).isEqualTo(day(BREAKOUT)));
    Plan opened = backtest.events(PlanChanged.class).getFirst().after();
    assertThat(opened.createdAt()).isEqualTo(day(BREAKOUT));
    assertThat(opened.stop()).isEqualTo(STOP);
    assertThat(opened.target()).isEqualTo(TARGET);
    assertThat(opened.trailDistance()).isZero();
    Fill entry = backtest.fills().getFirst();
    assertThat(entry.time()).isEqualTo(day(BREAKOUT + 1));
    assertThat(entry.price().units()).isEqualTo(10520);
    // Half the cash: the largest quantity costing at most 50,000.00 at 105.20.
    assertThat(entry.notional()).isLessThanOrEqualTo(new BigDecimal("50000.00"));
    assertThat(entry.notional().add(new BigDecimal("105.20").movePointLeft(6)))
        .isGreaterThan(new BigDecimal("50000.00"));
  }

  @Test
  void the_target_closes_the_plan_days_later_not_the_strategy() {
    List<Bar> bars = quietThenBreakout();
    bars.add(bar(BREAKOUT + 2, 10600, 10900, 10300, 10800));
    bars.add(bar(BREAKOUT + 3, 10800, 11200, 10500, 11000));
    bars.add(bar(BREAKOUT + 4, 11000, 11450, 10900, 11100)); // reaches 114.00
    bars.add(bar(BREAKOUT + 5, 11100, 11150, 10950, 11000));

    TestRun backtest = run(bars);

    assertClosedBy(backtest, ExitReason.TARGET, BREAKOUT + 4, TARGET);
  }

  @Test
  void the_stop_closes_the_plan_days_later_not_the_strategy() {
    List<Bar> bars = quietThenBreakout();
    bars.add(bar(BREAKOUT + 2, 10600, 10650, 10300, 10400));
    bars.add(bar(BREAKOUT + 3, 10400, 10450, 10000, 10100)); // reaches 100.50

    TestRun backtest = run(bars);

    assertClosedBy(backtest, ExitReason.STOP, BREAKOUT + 3, STOP);
  }

  @Test
  void a_gap_below_the_stop_exits_at_the_open() {
    List<Bar> bars = quietThenBreakout();
    bars.add(bar(BREAKOUT + 2, 10600, 10650, 10300, 10400));
    bars.add(bar(BREAKOUT + 3, 9800, 9900, 9700, 9850)); // opens below 100.50

    TestRun backtest = run(bars);

    assertClosedBy(backtest, ExitReason.STOP, BREAKOUT + 3, 9800);
  }

  private static void assertClosedBy(
      TestRun backtest, ExitReason reason, int exitBar, long exitPrice) {
    // The strategy only ever opened the plan; the monitor closed it.
    assertThat(backtest.events(SignalEmitted.class))
        .extracting(SignalEmitted::action)
        .singleElement()
        .isInstanceOf(Action.OpenPlan.class);
    List<Fill> fills = backtest.fills();
    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    Fill exit = fills.get(1);
    assertThat(exit.time()).isEqualTo(day(exitBar));
    assertThat(exit.price().units()).isEqualTo(exitPrice);
    assertThat(exit.quantity()).isEqualTo(fills.get(0).quantity());

    List<Plan> states = planStates(backtest);
    assertThat(states).extracting(Plan::status).first().isEqualTo(PlanStatus.PENDING);
    Plan last = states.getLast();
    assertThat(last.status()).isEqualTo(PlanStatus.CLOSED);
    assertThat(last.exitReason()).isEqualTo(reason);
    assertThat(last.updatedAt()).isEqualTo(day(exitBar));
    // ACTIVE from the entry bar to the exit bar, several bars apart.
    assertThat(states)
        .filteredOn(p -> p.status() == PlanStatus.ACTIVE)
        .extracting(Plan::updatedAt)
        .containsExactly(day(BREAKOUT + 1));
    assertThat(exitBar - (BREAKOUT + 1)).isGreaterThanOrEqualTo(2);
    assertThat(backtest.engine().portfolio().openPlans()).isEmpty();
    assertThat(backtest.portfolio().ledger().positions()).isEmpty();
  }
}
