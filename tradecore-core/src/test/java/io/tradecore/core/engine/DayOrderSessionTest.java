package io.tradecore.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.calendar.MarketDays;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * A DAY order lives until the end of its instrument's session in the exchange's zone, not until the
 * UTC date changes: in March an ASX session (10:00-16:00 Sydney, UTC+11) spans two UTC dates.
 */
class DayOrderSessionTest {
  private static final Instrument BHP = new Instrument("BHP", "USD", 2, 0);
  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  /** A DAY limit buy of 10 at 45.00, decided on the 10:00 bar and working from 10:30. */
  private static final Action.OpenPlan BUY_LIMIT_DAY =
      new Action.OpenPlan(
          new PlanSpec(
              Side.BUY,
              new Sizing.Fixed(new Quantity(10, 0)),
              EngineFixture.units(BHP, "45.00"),
              0,
              0,
              0,
              TimeInForce.DAY));

  @Test
  void an_asx_day_order_working_from_10_30_sydney_still_works_after_the_utc_date_changes() {
    EngineFixture f = asx();
    f.bar(BHP, sydney(4, 10, 0), "46.00", "46.20", "45.80", "46.00") // 23:00 UTC on the 3rd
        .bar(BHP, sydney(4, 10, 30), "46.00", "46.10", "45.70", "45.80") // placed, not reached
        .bar(BHP, sydney(4, 11, 30), "45.60", "45.80", "45.40", "45.50") // 00:30 UTC on the 4th
        .bar(BHP, sydney(4, 14, 0), "45.20", "45.30", "44.90", "45.00");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d0 fill BUY 10 @ 45.00 BHP",
            "d0 plan plan-1 ACTIVE (entry filled)");
  }

  @Test
  void an_asx_day_order_expires_with_the_first_bar_of_the_next_session() {
    EngineFixture f = asx();
    f.bar(BHP, sydney(4, 10, 0), "46.00", "46.20", "45.80", "46.00")
        .bar(BHP, sydney(4, 10, 30), "46.00", "46.10", "45.70", "45.80")
        .bar(BHP, sydney(4, 15, 30), "45.60", "45.80", "45.40", "45.50")
        .bar(BHP, sydney(5, 10, 0), "44.80", "45.00", "44.50", "44.90");

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d0 cancelled plan-1-entry (expired)",
            "d0 plan plan-1 CANCELLED (entry expired)");
  }

  private static EngineFixture asx() {
    EngineFixture f = new EngineFixture().at(BHP, 0, BUY_LIMIT_DAY);
    f.engine.marketDays(new MarketDays(TradingCalendars.of(TradingCalendars.ASX), false));
    return f;
  }

  private static Instant sydney(int day, int hour, int minute) {
    return ZonedDateTime.of(2024, 3, day, hour, minute, 0, 0, SYDNEY).toInstant();
  }
}
