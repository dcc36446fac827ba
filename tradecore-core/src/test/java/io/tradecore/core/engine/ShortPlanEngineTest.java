package io.tradecore.core.engine;

import static io.tradecore.core.engine.EngineFixture.TEST;
import static io.tradecore.core.engine.EngineFixture.longPlan;
import static io.tradecore.core.engine.EngineFixture.shortPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.calendar.MarketDays;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.SameBarPolicy;
import io.tradecore.core.plan.Sizing;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.core.venue.VenueFeatures;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Plans that sell first, through the engine and the simulated exchange. */
class ShortPlanEngineTest {
  private static final Action.OpenPlan SHORT_STOP_105_TARGET_90 =
      new Action.OpenPlan(shortPlan(10, "105.00", "90.00", null));

  /** Sold short at 100.00 on d1; {@code bar2} is the next bar, "open high low close". */
  private static EngineFixture shortThen(EngineFixture f, String bar2) {
    String[] p = bar2.split(" ");
    return f.at(0, SHORT_STOP_105_TARGET_90)
        .bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, p[0], p[1], p[2], p[3]);
  }

  @Test
  void a_short_entry_sells_at_the_next_open_and_holds_a_negative_position() {
    EngineFixture f = new EngineFixture().at(0, SHORT_STOP_105_TARGET_90);
    f.bar(0, "99.00", "101.00", "98.00", "100.00").bar(1, "100.00", "101.00", "97.00", "98.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill SELL 10 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)");
    assertThat(f.portfolio.ledger().position("TEST").quantity()).isEqualByComparingTo("-10");
    assertThat(f.portfolio.ledger().cash()).isEqualByComparingTo("101000.00");
    // Equity is cash plus the signed value of the position: 101000 - 10 * 98.
    assertThat(f.portfolio.summary().equity()).isEqualByComparingTo("100020.00");
    assertThat(f.portfolio.summary().grossExposure()).isEqualByComparingTo("980.00");
  }

  @Test
  void a_short_stop_exits_at_the_open_when_the_bar_gaps_above_it() {
    EngineFixture f = shortThen(new EngineFixture(), "108.00 110.00 107.00 109.00");

    assertThat(f.outcome())
        .endsWith("d2 fill BUY 10 @ 108.00 TEST", "d2 plan plan-1 CLOSED (closed by stop)");
    assertThat(f.portfolio.ledger().realizedPnl()).isEqualByComparingTo("-80.00");
    assertThat(f.portfolio.ledger().positions()).isEmpty();
  }

  @Test
  void a_short_stop_exits_at_the_stop_when_the_high_reaches_it() {
    EngineFixture f = shortThen(new EngineFixture(), "102.00 106.00 101.00 104.00");

    assertThat(f.outcome())
        .endsWith("d2 fill BUY 10 @ 105.00 TEST", "d2 plan plan-1 CLOSED (closed by stop)");
    assertThat(f.portfolio.ledger().realizedPnl()).isEqualByComparingTo("-50.00");
  }

  @Test
  void a_short_target_exits_at_the_open_when_the_bar_gaps_below_it() {
    EngineFixture f = shortThen(new EngineFixture(), "88.00 89.00 85.00 86.00");

    assertThat(f.outcome())
        .endsWith("d2 fill BUY 10 @ 88.00 TEST", "d2 plan plan-1 CLOSED (closed by target)");
    assertThat(f.portfolio.ledger().realizedPnl()).isEqualByComparingTo("120.00");
    assertThat(f.portfolio.ledger().cash()).isEqualByComparingTo("100120.00");
  }

  @Test
  void a_bar_touching_both_levels_of_a_short_takes_the_stop_first_unless_configured() {
    String both = "100.00 106.00 89.00 95.00";
    EngineFixture stopFirst = shortThen(new EngineFixture(), both);
    EngineFixture targetFirst =
        shortThen(new EngineFixture(SameBarPolicy.TARGET_FIRST, RiskLimits.NONE, null), both);

    assertThat(stopFirst.outcome())
        .endsWith("d2 fill BUY 10 @ 105.00 TEST", "d2 plan plan-1 CLOSED (closed by stop)");
    assertThat(targetFirst.outcome())
        .endsWith("d2 fill BUY 10 @ 90.00 TEST", "d2 plan plan-1 CLOSED (closed by target)");
  }

  @Test
  void a_short_trailing_stop_follows_the_low_downwards_and_exits_when_the_price_rises_to_it() {
    EngineFixture f =
        new EngineFixture().at(0, new Action.OpenPlan(shortPlan(10, null, null, "5.00")));
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "96.00", "97.00")
        .bar(2, "97.00", "98.00", "92.00", "93.00")
        .bar(3, "94.00", "98.00", "94.00", "98.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill SELL 10 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d1 plan plan-1 ACTIVE (trailed)",
            "d2 plan plan-1 ACTIVE (trailed)",
            "d3 fill BUY 10 @ 97.00 TEST",
            "d3 plan plan-1 CLOSED (closed by trailing_stop)");
    assertThat(f.portfolio.ledger().realizedPnl()).isEqualByComparingTo("30.00");
  }

  @Test
  void a_short_plan_adjusted_to_levels_on_the_wrong_side_keeps_its_own() {
    PlanId plan = new PlanId("plan-1");
    EngineFixture f =
        new EngineFixture()
            .at(0, SHORT_STOP_105_TARGET_90)
            .at(1, new Action.AdjustPlan(plan, 8000, 9500, 0))
            .at(2, new Action.AdjustPlan(plan, 10300, 9500, 0));
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "100.00", "101.00", "99.00", "100.00")
        .bar(3, "100.00", "104.00", "99.00", "103.50");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill SELL 10 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d1 error strategy: plan-1 keeps its levels: a short plan's stop 8000 must be above its"
                + " target 9500 (price units)",
            "d2 plan plan-1 ACTIVE (adjusted)",
            "d3 fill BUY 10 @ 103.00 TEST",
            "d3 plan plan-1 CLOSED (closed by stop)");
  }

  @Test
  void a_short_sized_by_cash_holds_that_cash_as_margin_so_later_entries_cannot_spend_it() {
    PlanSpec halfShort =
        new PlanSpec(
            Side.SELL, new Sizing.CashShare(new BigDecimal("0.5")), 0, 0, 0, 0, TimeInForce.GTC);
    EngineFixture f =
        new EngineFixture()
            .at(0, new Action.OpenPlan(halfShort))
            .at(1, new Action.OpenPlan(longPlan(600, null, null, null)))
            .at(2, new Action.OpenPlan(longPlan(400, null, null, null)));
    f.bar(0, "99.00", "101.00", "98.00", "100.00")
        .bar(1, "100.00", "101.00", "99.00", "100.00")
        .bar(2, "100.00", "101.00", "99.00", "100.00")
        .bar(3, "100.00", "101.00", "99.00", "100.00");

    // Half of 100000 is 50000 of margin: 500 sold at 100. Cash is then 150000, of which the
    // short's value (50000) is owed back and as much again is held, so 50000 is left.
    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d1 fill SELL 500 @ 100.00 TEST",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d1 refused TEST AVAILABLE_CASH limit 50000.00 would be 60000.00",
            "d2 plan plan-3 PENDING (opened)",
            "d3 fill BUY 400 @ 100.00 TEST",
            "d3 plan plan-3 ACTIVE (entry filled)");
  }

  @Test
  void a_venue_that_cannot_sell_short_refuses_a_plan_that_sells_first() {
    EngineFixture f =
        new EngineFixture(
                SameBarPolicy.STOP_FIRST,
                RiskLimits.NONE,
                null,
                new VenueFeatures(false, true, false),
                b -> b)
            .at(0, SHORT_STOP_105_TARGET_90, new Action.OpenPlan(longPlan(10, null, null, null)));
    f.bar(0, "99.00", "101.00", "98.00", "100.00").bar(1, "100.00", "101.00", "99.00", "100.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 refused TEST SHORT_SELLING limit 0 would be 1000.00",
            "d0 plan plan-2 PENDING (opened)",
            "d1 fill BUY 10 @ 100.00 TEST",
            "d1 plan plan-2 ACTIVE (entry filled)");
    assertThat(f.events)
        .filteredOn(EngineEvent.OrderRefused.class::isInstance)
        .map(e -> ((EngineEvent.OrderRefused) e).refusal().message())
        .containsExactly("TEST: venue simulated cannot sell short, so a plan may not sell first");
  }

  @Test
  void a_venue_without_fractions_gets_whole_shares_and_one_with_them_gets_fractions() {
    Instrument frac = new Instrument("FRAC", "USD", 2, 4);
    VenueFeatures whole = new VenueFeatures(false, false, true);
    PlanSpec allIn = PlanSpec.longAllIn();
    PlanSpec twoAndAHalf = fixed(frac, "2.5");
    PlanSpec half = fixed(frac, "0.5");

    EngineFixture wholeOnly =
        new EngineFixture(SameBarPolicy.STOP_FIRST, RiskLimits.NONE, null, whole, b -> b)
            .at(frac, 0, new Action.OpenPlan(half), new Action.OpenPlan(twoAndAHalf))
            .at(frac, 1, new Action.OpenPlan(allIn));
    EngineFixture fractions = new EngineFixture().at(frac, 1, new Action.OpenPlan(allIn));
    for (EngineFixture f : new EngineFixture[] {wholeOnly, fractions}) {
      f.bar(frac, 0, "30.00", "30.00", "30.00", "30.00", 1e9)
          .bar(frac, 1, "30.00", "30.00", "30.00", "30.00", 1e9)
          .bar(frac, 2, "30.00", "30.00", "30.00", "30.00", 1e9);
    }

    assertThat(wholeOnly.outcome())
        .containsExactly(
            "d0 refused FRAC WHOLE_SHARES limit 1.0000 would be 0.5000",
            "d0 plan plan-2 PENDING (opened)",
            "d1 fill BUY 2.0000 @ 30.00 FRAC",
            "d1 plan plan-2 ACTIVE (entry filled)",
            "d1 plan plan-3 PENDING (opened)",
            // What is left (99940) buys 3331 whole shares at 30, not 3331.3333.
            "d2 fill BUY 3331.0000 @ 30.00 FRAC",
            "d2 plan plan-3 ACTIVE (entry filled)");
    assertThat(fractions.outcome())
        .containsExactly(
            "d1 plan plan-1 PENDING (opened)",
            "d2 fill BUY 3333.3333 @ 30.00 FRAC",
            "d2 plan plan-1 ACTIVE (entry filled)");
  }

  @Test
  void the_overnight_rule_widens_a_short_stop_upwards_and_its_target_downwards() {
    Instant monday = Instant.parse("2024-03-04T15:00:00Z");
    Instant mondayLater = Instant.parse("2024-03-04T15:30:00Z");
    Instant tuesdayOpen = Instant.parse("2024-03-05T14:30:00Z");
    Instant tuesdayLater = Instant.parse("2024-03-05T15:00:00Z");
    Action.OpenPlan stop102 = new Action.OpenPlan(shortPlan(10, "102.00", "90.00", null));
    EngineFixture plain = nyse(OvernightRule.NONE).at(0, stop102);
    EngineFixture guarded =
        nyse(new OvernightRule(OvernightRule.Mode.PERCENT, BigDecimal.TEN, 14)).at(0, stop102);
    for (EngineFixture f : new EngineFixture[] {plain, guarded}) {
      f.bar(TEST, monday, "99.00", "101.00", "98.00", "100.00")
          .bar(TEST, mondayLater, "100.00", "101.00", "99.00", "100.00")
          // Tuesday opens above the stop of 102, but below the stop widened by 10% (112.20).
          .bar(TEST, tuesdayOpen, "103.00", "104.00", "100.00", "101.00")
          .bar(TEST, tuesdayLater, "101.00", "101.50", "100.00", "101.00");
    }

    assertThat(plain.outcome())
        .endsWith("d1 fill BUY 10 @ 103.00 TEST", "d1 plan plan-1 CLOSED (closed by stop)");
    assertThat(guarded.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d0 fill SELL 10 @ 100.00 TEST",
            "d0 plan plan-1 ACTIVE (entry filled)",
            // Widened as of the session's last bar, put back once Tuesday's open was checked.
            "d0 plan plan-1 ACTIVE (overnight widen)",
            "d1 plan plan-1 ACTIVE (overnight restore)");
    EngineEvent.PlanChanged widened =
        guarded.events.stream()
            .filter(EngineEvent.PlanChanged.class::isInstance)
            .map(EngineEvent.PlanChanged.class::cast)
            .filter(p -> p.reason().equals("overnight widen"))
            .findFirst()
            .orElseThrow();
    assertThat(widened.after().stop()).isEqualTo(11220);
    assertThat(widened.after().target()).isEqualTo(8100);
    assertThat(guarded.portfolio.ledger().position("TEST").quantity()).isEqualByComparingTo("-10");
  }

  private static EngineFixture nyse(OvernightRule rule) {
    return new EngineFixture(
        SameBarPolicy.STOP_FIRST,
        RiskLimits.NONE,
        null,
        VenueFeatures.SIMULATED,
        b -> b.marketDays(new MarketDays(TradingCalendars.of("NYSE"), false)).overnight(rule));
  }

  private static PlanSpec fixed(Instrument instrument, String quantity) {
    return new PlanSpec(
        Side.BUY,
        new Sizing.Fixed(Quantity.of(new BigDecimal(quantity), instrument.quantityScale())),
        0,
        0,
        0,
        0,
        TimeInForce.GTC);
  }
}
