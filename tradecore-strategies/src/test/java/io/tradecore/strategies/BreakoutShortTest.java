package io.tradecore.strategies;

import static io.tradecore.strategies.HandBars.bar;
import static io.tradecore.strategies.HandBars.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.EngineEvent.PlanChanged;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.testkit.TestBacktest;
import io.tradecore.testkit.TestRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * breakout with {@code direction=short}: 25 quiet bars (high 101, low 99, close 100: ATR 2.00),
 * then a close at 95 below the 20-bar low of 99. The breakdown bar's true range is 100.50 - 95 =
 * 5.50, so the ATR becomes 2.25: the stop is 2 ATRs above the close, the target 4 below.
 */
class BreakoutShortTest {
  private static final int BREAKDOWN = 25;
  private static final long STOP = 9500 + 450;
  private static final long TARGET = 9500 - 900;

  private static List<Bar> quietThenBreakdown() {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < BREAKDOWN; i++) {
      bars.add(bar(i, 10000, 10100, 9900, 10000));
    }
    bars.add(bar(BREAKDOWN, 10000, 10050, 9500, 9500));
    // The short sale fills at the next open; this bar stays between the target and the stop.
    bars.add(bar(BREAKDOWN + 1, 9480, 9600, 9400, 9500));
    return bars;
  }

  private static TestRun run(List<Bar> bars, String direction) {
    return run(bars, Map.of("direction", direction));
  }

  private static TestRun run(List<Bar> bars, Map<String, String> params) {
    return TestBacktest.of(StrategyCatalog.factory("breakout", params))
        .cash("100000.00")
        .costs(ExecutionCosts.FREE)
        .run(bars);
  }

  @Test
  void a_close_below_the_channel_sells_short_with_the_stop_above_and_the_target_below() {
    List<Bar> bars = quietThenBreakdown();
    bars.add(bar(BREAKDOWN + 2, 9600, 9980, 9550, 9900)); // reaches 99.50

    TestRun backtest = run(bars, "short");

    Plan opened = backtest.events(PlanChanged.class).getFirst().after();
    assertThat(opened.side()).isEqualTo(Side.SELL);
    assertThat(opened.createdAt()).isEqualTo(day(BREAKDOWN));
    assertThat(opened.stop()).isEqualTo(STOP);
    assertThat(opened.target()).isEqualTo(TARGET);
    List<Fill> fills = backtest.fills();
    assertThat(fills).extracting(Fill::side).containsExactly(Side.SELL, Side.BUY);
    Fill entry = fills.getFirst();
    assertThat(entry.price().units()).isEqualTo(9480);
    // Half the cash as margin: the largest quantity worth at most 50,000.00 at 94.80.
    assertThat(entry.notional()).isLessThanOrEqualTo(new BigDecimal("50000.00"));
    assertThat(entry.notional().add(new BigDecimal("94.80").movePointLeft(6)))
        .isGreaterThan(new BigDecimal("50000.00"));
    Fill exit = fills.get(1);
    assertThat(exit.time()).isEqualTo(day(BREAKDOWN + 2));
    assertThat(exit.price().units()).isEqualTo(STOP);
    assertThat(exit.quantity()).isEqualTo(entry.quantity());
    assertThat(planStates(backtest).getLast().exitReason()).isEqualTo(ExitReason.STOP);
    assertThat(backtest.portfolio().ledger().realizedPnl())
        .isEqualByComparingTo(entry.notional().subtract(exit.notional()));
  }

  @Test
  void the_default_direction_ignores_a_breakdown_and_both_takes_it() {
    assertThat(run(quietThenBreakdown(), "long").fills()).isEmpty();
    assertThat(run(quietThenBreakdown(), Map.of()).fills()).isEmpty();
    assertThat(run(quietThenBreakdown(), "both").fills())
        .extracting(Fill::side)
        .containsExactly(Side.SELL);
  }

  @Test
  void a_direction_other_than_long_short_or_both_is_refused_by_name() {
    assertThatThrownBy(() -> StrategyCatalog.factory("breakout", Map.of("direction", "up")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter direction must be long, short or both but was 'up'");
    assertThat(StrategyCatalog.defaults("breakout")).containsEntry("direction", "long");
  }

  private static List<Plan> planStates(TestRun backtest) {
    return backtest.events(PlanChanged.class).stream().map(PlanChanged::after).toList();
  }
}
