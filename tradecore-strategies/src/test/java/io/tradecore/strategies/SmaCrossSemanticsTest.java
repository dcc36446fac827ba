package io.tradecore.strategies;

import static io.tradecore.strategies.HandBars.TEST;
import static io.tradecore.strategies.HandBars.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.EngineEvent.SignalEmitted;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.indicator.Sma;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.testkit.TestBacktest;
import io.tradecore.testkit.TestRun;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sma-cross semantics on hand-made bars. With fast = 2 and slow = 3, fast - slow at bar t is (c[t]
 * + c[t-1] - 2 c[t-2]) / 6, which makes equal averages easy to build.
 */
class SmaCrossSemanticsTest {
  private static final BigDecimal CASH = new BigDecimal("10000.00");
  private static final StrategyFactory FAST_2_SLOW_3 =
      StrategyCatalog.factory("sma-cross", Map.of("fast", "2", "slow", "3"));

  /** Sign of fast - slow per bar by TradeCore's Sma, null before the slow average exists. */
  private static List<Integer> signs(List<Bar> bars) {
    Sma fast = new Sma(2);
    Sma slow = new Sma(3);
    List<Integer> signs = new ArrayList<>();
    for (Bar bar : bars) {
      fast.update(bar);
      slow.update(bar);
      signs.add(slow.isReady() ? Sma.compare(fast, slow) : null);
    }
    return signs;
  }

  private static TestRun run(List<Bar> bars) {
    return TestBacktest.of(FAST_2_SLOW_3).cash(CASH).run(bars);
  }

  /** The strategy's signals as "open@bar" / "close@bar" (bars are one day apart from DAY0). */
  private static List<String> signalDays(TestRun backtest) {
    List<String> out = new ArrayList<>();
    for (SignalEmitted s : backtest.events(SignalEmitted.class)) {
      String kind = s.action() instanceof Action.OpenPlan ? "open" : "close";
      out.add(kind + "@" + Duration.between(HandBars.DAY0, s.time()).toDays());
    }
    return out;
  }

  @Test
  void equal_averages_are_never_a_cross() {
    // Below, then equal twice, then below again; then equal from the first average, then above.
    List<Bar> belowEqualBelow = HandBars.closes(1200, 1000, 1000, 1000, 1000, 900, 900);
    assertThat(signs(belowEqualBelow)).containsExactly(null, null, -1, 0, 0, -1, -1);

    List<Bar> equalThenAbove = HandBars.closes(1000, 1000, 1000, 1200, 1300, 1400);
    assertThat(signs(equalThenAbove)).containsExactly(null, null, 0, 1, 1, 1);

    for (List<Bar> bars : List.of(belowEqualBelow, equalThenAbove)) {
      TestRun backtest = run(bars);
      assertThat(backtest.events(SignalEmitted.class)).isEmpty();
      assertThat(backtest.fills()).isEmpty();
    }
  }

  @Test
  void a_cross_after_equal_averages_counts_against_the_last_differing_bar() {
    List<Bar> bars =
        HandBars.closes(1200, 1000, 1000, 1000, 1000, 1200, 1300, 1100, 1500, 600, 650);
    // below, equal, equal, above (a cross up at 5); above, equal, equal, below (a cross down at 9)
    assertThat(signs(bars)).containsExactly(null, null, -1, 0, 0, 1, 1, 0, 0, -1, -1);

    TestRun backtest = run(bars);

    assertThat(signalDays(backtest)).containsExactly("open@5", "close@9");
    assertThat(backtest.roundTrips())
        .singleElement()
        .satisfies(
            trip -> {
              assertThat(trip.entryIndex()).isEqualTo(6);
              assertThat(trip.exitIndex()).isEqualTo(10);
            });
  }

  @Test
  void the_signal_on_bar_t_fills_at_bar_t_plus_1_open() {
    List<Bar> bars = HandBars.closes(1200, 1000, 1000, 1200, 1250, 1300);
    assertThat(signs(bars)).containsExactly(null, null, -1, 1, 1, 1);
    TestRun backtest = run(bars.subList(0, 4));

    // Signalled on bar 3's close: a PENDING plan, nothing bought at that close.
    assertThat(backtest.engine().portfolio().openPlans())
        .singleElement()
        .extracting(Plan::status)
        .isEqualTo(PlanStatus.PENDING);
    assertThat(backtest.fills()).isEmpty();
    assertThat(backtest.portfolio().ledger().cash()).isEqualByComparingTo(CASH);

    backtest.engine().onBar(bars.get(4));

    Bar next = bars.get(4);
    assertThat(next.open()).isNotEqualTo(bars.get(3).close());
    assertThat(backtest.fills())
        .singleElement()
        .satisfies(
            fill -> {
              assertThat(fill.side()).isEqualTo(Side.BUY);
              assertThat(fill.time()).isEqualTo(day(4));
              assertThat(fill.price().units()).isEqualTo(next.open());
            });
    assertThat(backtest.engine().portfolio().openPlans())
        .singleElement()
        .extracting(Plan::status)
        .isEqualTo(PlanStatus.ACTIVE);
  }

  @ParameterizedTest(name = "cash {0}, open {1}, fee {2} bps min {3}")
  @CsvSource({
    "10000.00, 3333, 10, 1.00",
    "10000.00, 3333, 0, 0",
    "500.00, 3333, 10, 1.00",
    "123456.78, 9901, 25, 0.50",
    "999.99, 99999, 7.5, 0",
  })
  void all_in_buys_the_largest_quantity_whose_cost_and_fee_fit_in_cash(
      String cash, long open, double feeBps, double minFee) {
    BigDecimal startingCash = new BigDecimal(cash);
    ExecutionCosts costs = ExecutionCosts.of(feeBps, minFee, 0);
    List<Bar> bars = new ArrayList<>(HandBars.closes(1200, 1000, 1000, 1200));
    bars.add(HandBars.bar(4, open, open));

    TestRun backtest = TestBacktest.of(FAST_2_SLOW_3).cash(startingCash).costs(costs).run(bars);

    Fill fill = backtest.fills().getFirst();
    assertThat(fill.time()).isEqualTo(day(4));
    assertThat(fill.price().units()).isEqualTo(open);
    assertThat(fill.quantity().scale()).isEqualTo(6);
    BigDecimal price = Decimals.toDecimal(open, 2);
    BigDecimal notional = price.multiply(fill.quantity().toBigDecimal());
    assertThat(fill.fee()).isEqualByComparingTo(costs.fee(notional));
    assertThat(notional.add(fill.fee())).isLessThanOrEqualTo(startingCash);
    BigDecimal oneMore =
        price.multiply(fill.quantity().toBigDecimal().add(new BigDecimal("0.000001")));
    assertThat(oneMore.add(costs.fee(oneMore))).isGreaterThan(startingCash);
    assertThat(backtest.portfolio().ledger().cash())
        .isEqualByComparingTo(startingCash.subtract(notional).subtract(fill.fee()))
        .isNotNegative();
  }

  @Test
  void a_position_open_at_the_end_stays_open_marked_to_the_last_close() {
    List<Bar> bars = HandBars.closes(1200, 1000, 1000, 1200, 1250, 1300, 1287);
    assertThat(signs(bars)).containsExactly(null, null, -1, 1, 1, 1, 1);

    TestRun backtest = run(bars);

    Fill entry = backtest.fills().getFirst();
    assertThat(backtest.fills()).hasSize(1);
    assertThat(backtest.roundTrips()).singleElement().matches(TestRun.RoundTrip::isOpen);
    assertThat(backtest.engine().portfolio().openPlans())
        .singleElement()
        .satisfies(
            plan -> {
              assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
              assertThat(plan.openQuantity()).isEqualTo(entry.quantity());
            });
    Position held = backtest.portfolio().ledger().position(TEST.symbol());
    assertThat(held.quantity()).isEqualByComparingTo(entry.quantity().toBigDecimal());

    BigDecimal lastClose = new BigDecimal("12.87");
    assertThat(backtest.portfolio().marks().get(TEST.symbol())).isEqualByComparingTo(lastClose);
    LedgerSummary summary = backtest.portfolio().summary();
    BigDecimal value = held.quantity().multiply(lastClose);
    assertThat(summary.equity())
        .isEqualByComparingTo(backtest.portfolio().ledger().cash().add(value))
        .isEqualByComparingTo(backtest.engine().portfolio().equity());
    assertThat(summary.unrealizedPnl()).isEqualByComparingTo(value.subtract(entry.notional()));
    assertThat(summary.realizedPnl()).isZero();
  }
}
