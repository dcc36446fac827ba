package io.tradecore.core.engine;

import static io.tradecore.core.engine.EngineFixture.longPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.plan.PlanSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries decided at one moment share the cash: what one commits, the next cannot spend. */
class CashCommitmentTest {
  private static final List<Instrument> SYMBOLS =
      List.of(
          new Instrument("AAA", "USD", 2, 0),
          new Instrument("BBB", "USD", 2, 0),
          new Instrument("CCC", "USD", 2, 0),
          new Instrument("DDD", "USD", 2, 0));

  @Test
  void all_in_entries_of_several_symbols_at_one_moment_spend_the_cash_once() {
    EngineFixture f = new EngineFixture();
    for (Instrument i : SYMBOLS) {
      f.at(i, 0, new Action.OpenPlan(PlanSpec.longAllIn()));
    }
    f.moment(0, prices("100.00 101.00  99.00 100.00"))
        .moment(1, prices(" 90.00 101.00  89.00 100.00"))
        .moment(2, prices("100.00 101.00  99.00 100.00"));

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d0 refused BBB AVAILABLE_CASH limit 0 would be 0.00",
            "d0 refused CCC AVAILABLE_CASH limit 0 would be 0.00",
            "d0 refused DDD AVAILABLE_CASH limit 0 would be 0.00",
            "d1 fill BUY 1111 @ 90.00 AAA",
            "d1 plan plan-1 ACTIVE (entry filled)");
    assertThat(f.portfolio.ledger().cash()).isEqualByComparingTo("10.00");
  }

  @Test
  void fixed_entries_of_several_symbols_at_one_moment_never_take_cash_below_zero() {
    EngineFixture f = new EngineFixture();
    for (Instrument i : SYMBOLS) {
      f.at(i, 0, new Action.OpenPlan(longPlan(600, null, null, null)));
    }
    f.moment(0, prices("100.00 101.00  99.00 100.00"))
        .moment(1, prices("100.00 101.00  99.00 100.00"));

    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d0 refused BBB AVAILABLE_CASH limit 40000.00 would be 60000.00",
            "d0 refused CCC AVAILABLE_CASH limit 40000.00 would be 60000.00",
            "d0 refused DDD AVAILABLE_CASH limit 40000.00 would be 60000.00",
            "d1 fill BUY 600 @ 100.00 AAA",
            "d1 plan plan-1 ACTIVE (entry filled)");
    assertThat(f.portfolio.ledger().cash()).isEqualByComparingTo("40000.00");
  }

  @Test
  void entries_valued_at_the_close_that_open_higher_fill_only_what_the_cash_pays_for() {
    EngineFixture f = new EngineFixture();
    // 490 x 100.00 = 49,000 each: both fit the 100,000 at the close they were decided on.
    f.at(SYMBOLS.get(0), 0, new Action.OpenPlan(longPlan(490, null, null, null)));
    f.at(SYMBOLS.get(1), 0, new Action.OpenPlan(longPlan(490, null, null, null)));
    f.moment(0, prices("100.00 101.00  99.00 100.00"))
        .moment(1, prices("105.00 106.00 104.00 105.00"));

    // At 105.00 the first costs 51,450; 48,550 is left, which pays for 462 of the second.
    assertThat(f.outcome())
        .containsExactly(
            "d0 plan plan-1 PENDING (opened)",
            "d0 plan plan-2 PENDING (opened)",
            "d1 fill BUY 490 @ 105.00 AAA",
            "d1 plan plan-1 ACTIVE (entry filled)",
            "d1 fill BUY 462 @ 105.00 BBB",
            "d1 plan plan-2 ACTIVE (entry filled)",
            "d1 cancelled plan-2-entry (expired)");
    assertThat(f.portfolio.ledger().cash()).isEqualByComparingTo("40.00");
  }

  private static Map<Instrument, String> prices(String ohlc) {
    Map<Instrument, String> m = new LinkedHashMap<>();
    for (Instrument i : SYMBOLS) {
      m.put(i, ohlc.trim().replaceAll(" +", " "));
    }
    return m;
  }
}
