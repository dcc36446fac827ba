package io.tradecore.core.engine;

import static io.tradecore.core.engine.EngineFixture.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.plan.SameBarPolicy;
import io.tradecore.core.plan.Sizing;
import io.tradecore.core.risk.RiskCap;
import io.tradecore.core.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans a trader opens, moves and closes by hand go through risk and the level checks, and are then
 * monitored like a strategy's: the stop fires, a close by hand exits with reason MANUAL.
 */
class ManualPlanEngineTest {
  static final Instant NOW = EngineFixture.DAY0;

  static PlanSpec spec(Side side, long quantity, String stop, String target) {
    return new PlanSpec(
        side,
        new Sizing.Fixed(Quantity.of(BigDecimal.valueOf(quantity), 0)),
        0,
        stop == null ? 0 : EngineFixture.units(TEST, stop),
        target == null ? 0 : EngineFixture.units(TEST, target),
        0,
        TimeInForce.GTC);
  }

  static long units(String price) {
    return EngineFixture.units(TEST, price);
  }

  List<Plan> closed(EngineFixture f) {
    return f.events.stream()
        .filter(e -> e instanceof EngineEvent.PlanChanged)
        .map(e -> ((EngineEvent.PlanChanged) e).after())
        .filter(p -> p.status() == PlanStatus.CLOSED)
        .toList();
  }

  @Test
  void a_restored_plans_id_is_not_handed_out_again() {
    EngineFixture before = new EngineFixture().bar(0, "100.00", "101.00", "99.00", "100.00");
    PlanId stored =
        before.engine.openManual(TEST, spec(Side.BUY, 10, "95.00", null), NOW, "by hand").plan();
    // Restarted from a stored sequence that never moved past the plan (it was stored ahead of the
    // commit that would have moved it on).
    EngineFixture after = new EngineFixture().bar(0, "100.00", "101.00", "99.00", "100.00");
    after.engine.restorePlan(before.engine.plan(stored), 0);

    PlanId next =
        after.engine.openManual(TEST, spec(Side.BUY, 5, "95.00", null), NOW, "by hand").plan();

    assertThat(next).isNotEqualTo(stored);
    assertThat(after.engine.plan(stored).status()).isEqualTo(PlanStatus.PENDING);
    assertThat(after.engine.plan(next).status()).isEqualTo(PlanStatus.PENDING);
  }

  @Test
  void a_plan_opened_by_hand_fills_and_its_stop_fires() {
    EngineFixture f = new EngineFixture().bar(0, "100.00", "101.00", "99.00", "100.00");
    ManualOutcome wrong =
        f.engine.openManual(TEST, spec(Side.BUY, 10, "105.00", null), NOW, "by hand");
    assertThat(wrong.accepted()).isFalse();
    assertThat(wrong.refusal())
        .isEqualTo("a long plan's stop 105.00 must be below the price of TEST, 100.00");
    ManualOutcome target =
        f.engine.openManual(TEST, spec(Side.SELL, 10, null, "101.00"), NOW, "by hand");
    assertThat(target.refusal())
        .isEqualTo("a short plan's target 101.00 must be below the price of TEST, 100.00");

    ManualOutcome opened =
        f.engine.openManual(TEST, spec(Side.BUY, 10, "95.00", "110.00"), NOW, "by hand");
    assertThat(opened.accepted()).isTrue();
    PlanId id = opened.plan();
    assertThat(f.engine.plan(id).status()).isEqualTo(PlanStatus.PENDING);

    f.bar(1, "100.50", "102.00", "100.00", "101.00");
    assertThat(f.engine.plan(id).status()).isEqualTo(PlanStatus.ACTIVE);

    ManualOutcome crossed = f.engine.adjustManual(id, units("112.00"), null, NOW, "by hand");
    assertThat(crossed.refusal()).contains("keeps its levels").contains("112.00", "110.00");
    ManualOutcome above = f.engine.adjustManual(id, units("101.50"), null, NOW, "by hand");
    assertThat(above.refusal()).contains("stop 101.50 must be below the price of TEST, 101.00");
    assertThat(f.engine.adjustManual(id, units("97.00"), null, NOW, "by hand").accepted()).isTrue();
    assertThat(f.engine.plan(id).stop()).isEqualTo(units("97.00"));
    assertThat(f.engine.plan(id).target()).as("kept").isEqualTo(units("110.00"));

    f.bar(2, "99.00", "99.50", "96.00", "96.50");
    assertThat(f.engine.plan(id)).as("no longer open").isNull();
    assertThat(closed(f))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.exitReason()).isEqualTo(ExitReason.STOP);
              assertThat(p.id()).isEqualTo(id);
            });
    assertThat(f.engine.closeManual(id, NOW).refusal()).isEqualTo("plan " + id + " is not open");
  }

  @Test
  void a_plan_closed_by_hand_exits_at_the_market_with_reason_manual() {
    EngineFixture f = new EngineFixture().bar(0, "100.00", "101.00", "99.00", "100.00");
    PlanId id = f.engine.openManual(TEST, spec(Side.BUY, 5, "90.00", null), NOW, "by hand").plan();
    f.bar(1, "100.00", "101.00", "99.50", "100.50");
    assertThat(f.engine.closeManual(id, NOW).accepted()).isTrue();
    assertThat(f.engine.closeManual(id, NOW).refusal()).contains("is being closed already");
    f.bar(2, "101.00", "102.00", "100.00", "101.50");
    assertThat(closed(f))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.exitReason()).isEqualTo(ExitReason.MANUAL);
              assertThat(p.exited().toBigDecimal()).isEqualByComparingTo("5");
            });
  }

  @Test
  void a_request_over_a_cap_is_refused_naming_the_cap() {
    EngineFixture f =
        new EngineFixture(
            SameBarPolicy.STOP_FIRST,
            new RiskLimits(new BigDecimal("500"), null, null, null),
            null);
    f.bar(0, "100.00", "101.00", "99.00", "100.00");
    ManualOutcome refused = f.engine.openManual(TEST, spec(Side.BUY, 10, null, null), NOW, "x");
    assertThat(refused.cap()).isEqualTo(RiskCap.MAX_ORDER_VALUE);
    assertThat(refused.refusal()).startsWith("refused by risk, cap max_order_value: ");
    assertThat(f.engine.openManual(TEST, spec(Side.BUY, 4, null, null), NOW, "x").accepted())
        .isTrue();
  }
}
