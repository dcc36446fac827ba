package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.risk.RiskLimits;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BacktestSpecTest {
  /** A spec with no field at its default, so that a change to the wrong field shows. */
  private static final BacktestSpec BASE =
      new BacktestSpec(
          "sma-cross",
          Map.of("fast", "5"),
          new BigDecimal("50000"),
          new BigDecimal("3"),
          new BigDecimal("1.00"),
          new BigDecimal("2"),
          new BigDecimal("0.1"),
          new RiskLimits(new BigDecimal("20000"), null, 4, null),
          "v7",
          TradingCalendars.CRYPTO_24_7,
          new OvernightRule(OvernightRule.Mode.PERCENT, new BigDecimal("1.5"), 14),
          true);

  @Test
  void eachWithChangesItsOwnFieldsAndKeepsTheRest() throws Exception {
    changes(
        BASE.withCosts(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("0.5")),
        "feeBps",
        BigDecimal.ONE,
        "minFee",
        BigDecimal.TEN,
        "slippageBps",
        new BigDecimal("0.5"));
    changes(BASE.withParams(Map.of("slow", "30")), "params", Map.of("slow", "30"));
    changes(BASE.withStartingCash(new BigDecimal("7")), "startingCash", new BigDecimal("7"));
    changes(BASE.withVolumeShare(null), "volumeShare", null);
    changes(BASE.withRiskLimits(RiskLimits.NONE), "riskLimits", RiskLimits.NONE);
    changes(BASE.withBotVersion("v8"), "botVersion", "v8");
    changes(
        BASE.withMarket(TradingCalendars.NYSE, OvernightRule.NONE),
        "calendar",
        TradingCalendars.NYSE,
        "overnight",
        OvernightRule.NONE);
    changes(BASE.withWholeShares(false), "wholeShares", false);
  }

  @Test
  void aChangedSpecIsCheckedAsANewOneIs() {
    assertThatThrownBy(() -> BASE.withCosts(new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fee bps must be 0 or more but was -1");
    assertThatThrownBy(() -> BASE.withVolumeShare(new BigDecimal("1.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("volume share must be in (0, 1] but was 1.5");
    assertThatThrownBy(() -> BASE.withStartingCash(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("starting cash must be greater than 0 but was 0");
    assertThatThrownBy(() -> BASE.withBotVersion(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bot version must not be blank");
    assertThatThrownBy(() -> BASE.withMarket("MARS", OvernightRule.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Asserts that {@code changed} holds the given values (name, value, name, value ...) in those of
   * its fields and {@link #BASE}'s in all the others.
   */
  private static void changes(BacktestSpec changed, Object... namesAndValues) throws Exception {
    Map<String, Object> expected = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      expected.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    Set<String> fields = new HashSet<>();
    for (RecordComponent c : BacktestSpec.class.getRecordComponents()) {
      fields.add(c.getName());
      Object want =
          expected.containsKey(c.getName())
              ? expected.get(c.getName())
              : c.getAccessor().invoke(BASE);
      assertThat(c.getAccessor().invoke(changed)).as(c.getName()).isEqualTo(want);
    }
    assertThat(fields).containsAll(expected.keySet());
  }
}
