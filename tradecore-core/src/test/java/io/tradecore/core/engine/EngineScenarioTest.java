package io.tradecore.core.engine;

import static io.tradecore.core.engine.EngineFixture.TEST;
import static io.tradecore.core.engine.EngineFixture.longPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.plan.SameBarPolicy;
import io.tradecore.core.risk.RiskLimits;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EngineScenarioTest {
  private static final Action.OpenPlan STOP_95_TARGET_110 =
      new Action.OpenPlan(longPlan(10, "95.00", "110.00", null));

  @Test
  void market_entry_decided_on_a_close_fills_at_the_next_open() {
    EngineFixture f = new EngineFixture().at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00").bar(1, "100.50", "102.00", "99.50", "101.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill BUY 10 @ 100.50 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)");
  }

  @Test
  void stop_fills_at_open_when_bar_gaps_below() {
    EngineFixture f = new EngineFixture().at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "90.00", "92.00", "89.00", "91.00");

    assertThat(f.outcome())
        .endsWith("d2 fill SELL 10 @ 90.00 TEST", "d2 plan plan-1 CLOSED (closed by stop)");
    assertThat(f.portfolio.ledger().realizedPnl()).isEqualByComparingTo("-100.00");
  }

  @Test
  void stop_fills_at_the_stop_when_the_bar_trades_through_it() {
    EngineFixture f = new EngineFixture().at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "97.00", "98.00", "93.00", "94.00");

    assertThat(f.outcome())
        .endsWith("d2 fill SELL 10 @ 95.00 TEST", "d2 plan plan-1 CLOSED (closed by stop)");
  }

  @Test
  void target_fills_at_open_when_bar_gaps_above() {
    EngineFixture f = new EngineFixture().at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "112.00", "115.00", "111.00", "113.00");

    assertThat(f.outcome())
        .endsWith("d2 fill SELL 10 @ 112.00 TEST", "d2 plan plan-1 CLOSED (closed by target)");
  }

  @Test
  void a_bar_touching_both_stop_and_target_assumes_the_stop_first_by_default() {
    EngineFixture f = new EngineFixture().at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "100.00", "111.00", "94.00", "105.00");

    assertThat(f.outcome())
        .endsWith("d2 fill SELL 10 @ 95.00 TEST", "d2 plan plan-1 CLOSED (closed by stop)");
  }

  @Test
  void a_bar_touching_both_can_be_configured_to_take_the_target_first() {
    EngineFixture f =
        new EngineFixture(SameBarPolicy.TARGET_FIRST, RiskLimits.NONE, null)
            .at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "100.00", "111.00", "94.00", "105.00");

    assertThat(f.outcome())
        .endsWith("d2 fill SELL 10 @ 110.00 TEST", "d2 plan plan-1 CLOSED (closed by target)");
  }

  @Test
  void the_stop_is_checked_on_the_bar_whose_open_filled_the_entry() {
    EngineFixture f = new EngineFixture().at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00").bar(1, "100.00", "100.50", "94.50", "96.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill BUY 10 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d1 fill SELL 10 @ 95.00 TEST",
            "d1 plan plan-1 CLOSED (closed by stop)");
  }

  @Test
  void trailing_stop_follows_the_high_after_each_bar_and_exits_when_touched() {
    EngineFixture f =
        new EngineFixture().at(0, new Action.OpenPlan(longPlan(10, null, null, "5.00")));
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "104.00", "99.00", "103.00")
        .bar(2, "103.00", "108.00", "101.00", "107.00")
        .bar(3, "106.00", "106.00", "102.00", "102.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill BUY 10 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d1 plan plan-1 ACTIVE (trailed)",
            "d2 plan plan-1 ACTIVE (trailed)",
            "d3 fill SELL 10 @ 103.00 TEST",
            "d3 plan plan-1 CLOSED (closed by trailing_stop)");
    assertThat(f.portfolio.ledger().realizedPnl()).isEqualByComparingTo("30.00");
  }

  @Test
  void partial_fills_take_a_share_of_each_bar_volume_until_the_entry_is_complete() {
    EngineFixture f =
        new EngineFixture(SameBarPolicy.STOP_FIRST, RiskLimits.NONE, new BigDecimal("0.1"))
            .at(0, new Action.OpenPlan(longPlan(12, "90.00", null, null)));
    f.bar(TEST, 0, "99.00", "101.00", "98.00", "100.00", 50)
        .bar(TEST, 1, "100.00", "101.00", "99.00", "100.00", 50)
        .bar(TEST, 2, "101.00", "102.00", "100.00", "101.00", 50)
        .bar(TEST, 3, "102.00", "103.00", "101.00", "102.00", 50);

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill BUY 5 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d2 fill BUY 5 @ 101.00 TEST",
            "d2 plan plan-1 ACTIVE (entry added)",
            "d3 fill BUY 2 @ 102.00 TEST",
            "d3 plan plan-1 ACTIVE (entry added)");
    assertThat(f.engine.plan(new PlanId("plan-1")).filled().units()).isEqualTo(12);
    assertThat(f.portfolio.ledger().position("TEST").quantity()).isEqualByComparingTo("12");
  }

  @Test
  void an_order_over_the_max_order_value_is_refused_with_the_cap_and_the_numbers() {
    RiskLimits limits = new RiskLimits(new BigDecimal("500"), null, null, null);
    EngineFixture f =
        new EngineFixture(SameBarPolicy.STOP_FIRST, limits, null).at(0, STOP_95_TARGET_110);
    f.bar(0, "99.00", "101.00", "98.00", "100.00").bar(1, "100.00", "101.00", "99.00", "100.00");

    assertThat(f.outcome())
        .containsExactly("d0 refused TEST MAX_ORDER_VALUE limit 500 would be 1000.00");
    assertThat(f.portfolio.ledger().fillCount()).isZero();
  }

  @Test
  void exposure_caps_count_positions_held_and_entries_still_working() {
    Instrument other = new Instrument("OTHER", "USD", 2, 0);
    RiskLimits limits = new RiskLimits(null, new BigDecimal("2500"), 2, null);
    EngineFixture f = new EngineFixture(SameBarPolicy.STOP_FIRST, limits, null);
    f.at(0, STOP_95_TARGET_110); // 10 x 100 = 1000, held from day 1
    f.at(1, STOP_95_TARGET_110); // another 1000 on TEST: gross 2000, fine
    f.at(other, 0, new Action.OpenPlan(longPlan(10, null, null, null))); // +1000 -> 3000 > 2500
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(other, 1, "100.00", "101.00", "99.00", "100.00", 1e6);

    assertThat(f.outcome())
        .contains(
            "d1 plan plan-2 PENDING (opened)",
            "d1 refused OTHER MAX_GROSS_EXPOSURE limit 2500 would be 3000.00");
  }

  @Test
  void closing_a_plan_exits_at_the_next_open_and_cancelling_a_pending_one_withdraws_it() {
    EngineFixture f =
        new EngineFixture().at(0, STOP_95_TARGET_110, new Action.OpenPlan(limitPlan()));
    f.at(
        1, new Action.ClosePlan(new PlanId("plan-1")), new Action.CancelPlan(new PlanId("plan-2")));
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "102.00", "103.00", "101.00", "102.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d0 plan plan-2 PENDING (opened)",
            "d1 fill BUY 10 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d1 cancelled plan-2-entry (plan cancelled)",
            "d1 plan plan-2 CANCELLED (plan cancelled)",
            "d2 fill SELL 10 @ 102.00 TEST",
            "d2 plan plan-1 CLOSED (closed by strategy)");
  }

  private static io.tradecore.core.plan.PlanSpec limitPlan() {
    var spec = longPlan(5, null, null, null);
    return new io.tradecore.core.plan.PlanSpec(
        spec.side(),
        spec.sizing(),
        EngineFixture.units(TEST, "80.00"),
        0,
        0,
        0,
        spec.timeInForce());
  }
}
