package io.tradecore.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan monitor and plan levels for plans that sell first: the mirror of a long plan. */
class ShortPlanMonitorTest {
  private static final Instrument TEST = new Instrument("TEST", "USD", 2, 0);
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");
  private static final PlanMonitor STOP_FIRST = new PlanMonitor(SameBarPolicy.STOP_FIRST);

  private static PlanSpec spec(Side side, long entry, long stop, long target, long trail) {
    return new PlanSpec(
        side, new Sizing.Fixed(new Quantity(10, 0)), entry, stop, target, trail, TimeInForce.GTC);
  }

  /** An active short entered at 100.00 with a stop at 105.00 and a target at 90.00. */
  private static Plan activeShort(long stop, long target, long trail) {
    return Plan.pending(
            new PlanId("plan-1"), spec(Side.SELL, 0, stop, target, trail), TEST, T0, "v")
        .withStatus(PlanStatus.ACTIVE, T0);
  }

  private static Bar bar(long open, long high, long low, long close) {
    return new Bar(TEST, T0.plusSeconds(86_400), open, high, low, close, 1000);
  }

  @Test
  void a_short_stop_triggers_when_the_price_rises_to_it_and_the_target_when_it_falls() {
    Plan plan = activeShort(10500, 9000, 0);

    assertThat(STOP_FIRST.check(plan, bar(10000, 10499, 9001, 10200))).isEmpty();
    assertThat(STOP_FIRST.check(plan, bar(10000, 10500, 9900, 10200)))
        .contains(new ExitSignal(ExitReason.STOP, OrderType.STOP, 10500));
    assertThat(STOP_FIRST.check(plan, bar(10000, 10100, 9000, 9500)))
        .contains(new ExitSignal(ExitReason.TARGET, OrderType.LIMIT, 9000));
  }

  @Test
  void a_short_exits_at_the_open_when_the_bar_gaps_beyond_a_level() {
    Plan plan = activeShort(10500, 9000, 0);

    // The signal carries the level; the exchange fills a stop that gapped at the open.
    assertThat(STOP_FIRST.check(plan, bar(10800, 11000, 10700, 10900)))
        .contains(new ExitSignal(ExitReason.STOP, OrderType.STOP, 10500));
    assertThat(STOP_FIRST.check(plan, bar(8800, 8900, 8500, 8600)))
        .contains(new ExitSignal(ExitReason.TARGET, OrderType.LIMIT, 9000));
  }

  @Test
  void a_bar_touching_both_levels_of_a_short_follows_the_same_bar_policy() {
    Plan plan = activeShort(10500, 9000, 0);
    Bar both = bar(10000, 10600, 8900, 9500);

    assertThat(STOP_FIRST.check(plan, both).map(ExitSignal::reason)).contains(ExitReason.STOP);
    assertThat(
            new PlanMonitor(SameBarPolicy.TARGET_FIRST).check(plan, both).map(ExitSignal::reason))
        .contains(ExitReason.TARGET);
  }

  @Test
  void a_short_trailing_stop_starts_above_the_entry_and_only_ever_moves_down() {
    Plan plan = STOP_FIRST.startTrail(activeShort(0, 0, 500), 10000, T0);
    assertThat(plan.trailStop()).isEqualTo(10500);

    Plan lower = STOP_FIRST.trail(plan, bar(10000, 10100, 9600, 9700));
    assertThat(lower.trailStop()).isEqualTo(10100);
    // A bar whose low is higher does not move it back up.
    assertThat(STOP_FIRST.trail(lower, bar(9800, 10050, 9800, 10000))).isSameAs(lower);
    assertThat(STOP_FIRST.check(lower, bar(9800, 10100, 9700, 10000)))
        .contains(new ExitSignal(ExitReason.TRAILING_STOP, OrderType.STOP, 10100));
  }

  @Test
  void a_short_stop_and_trailing_stop_protect_with_the_lower_of_the_two() {
    Plan plan = activeShort(10500, 0, 300).withTrailStop(10200, T0);

    assertThat(plan.effectiveStop()).isEqualTo(10200);
    assertThat(STOP_FIRST.check(plan, bar(10000, 10250, 9900, 10100)))
        .isEqualTo(Optional.of(new ExitSignal(ExitReason.TRAILING_STOP, OrderType.STOP, 10200)));
  }

  @Test
  void the_overnight_rule_widens_levels_by_a_share_of_the_level_for_either_side() {
    OvernightRule rule = new OvernightRule(OvernightRule.Mode.PERCENT, new BigDecimal("10"), 14);
    assertThat(rule.distance(10500, 0)).isEqualTo(1050);
    assertThat(rule.distance(9000, 0)).isEqualTo(900);
  }

  @Test
  void levels_on_the_wrong_side_are_refused_with_what_was_wrong() {
    assertThatThrownBy(() -> spec(Side.SELL, 0, 9000, 10500, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a short plan's stop 9000 must be above its target 10500 (price units)");
    assertThatThrownBy(() -> spec(Side.BUY, 0, 10500, 9000, 0))
        .hasMessage("a long plan's stop 10500 must be below its target 9000 (price units)");
    assertThatThrownBy(() -> spec(Side.SELL, 10000, 9900, 0, 0))
        .hasMessage("a short plan's stop 9900 must be above its entry limit 10000 (price units)");
    assertThatThrownBy(() -> spec(Side.SELL, 10000, 0, 10100, 0))
        .hasMessage(
            "a short plan's target 10100 must be below its entry limit 10000 (price units)");
    assertThatThrownBy(() -> spec(Side.BUY, 10000, 10000, 0, 0))
        .hasMessage("a long plan's stop 10000 must be below its entry limit 10000 (price units)");
    assertThatThrownBy(() -> spec(Side.BUY, 10000, 0, 9999, 0))
        .hasMessage("a long plan's target 9999 must be above its entry limit 10000 (price units)");
    // Levels on the right side, and unset ones, are fine.
    assertThat(spec(Side.SELL, 10000, 10500, 9000, 0).stop()).isEqualTo(10500);
    assertThat(spec(Side.SELL, 0, 10500, 0, 0).target()).isZero();
    assertThat(spec(Side.BUY, 10000, 9500, 11000, 0).target()).isEqualTo(11000);
  }

  @Test
  void a_short_plan_may_be_sized_by_a_share_of_the_cash() {
    PlanSpec s =
        new PlanSpec(
            Side.SELL,
            new Sizing.CashShare(new BigDecimal("0.25")),
            0,
            10500,
            9000,
            0,
            TimeInForce.GTC);
    assertThat(s.sizing()).isEqualTo(new Sizing.CashShare(new BigDecimal("0.25")));
  }
}
