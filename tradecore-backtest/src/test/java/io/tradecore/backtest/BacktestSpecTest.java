package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.risk.RiskLimits;
import java.math.BigDecimal;
import java.util.Map;
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
  void eachWithChangesItsOwnFieldsAndKeepsTheRest() {
    assertThat(BASE.withCosts(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("0.5")))
        .isEqualTo(
            spec(
                BASE.params(),
                BASE.startingCash(),
                BigDecimal.ONE,
                BigDecimal.TEN,
                new BigDecimal("0.5"),
                BASE.volumeShare(),
                BASE.riskLimits(),
                BASE.botVersion(),
                BASE.calendar(),
                BASE.overnight(),
                true));
    assertThat(BASE.withParams(Map.of("slow", "30")))
        .isEqualTo(
            spec(
                Map.of("slow", "30"),
                BASE.startingCash(),
                BASE.feeBps(),
                BASE.minFee(),
                BASE.slippageBps(),
                BASE.volumeShare(),
                BASE.riskLimits(),
                BASE.botVersion(),
                BASE.calendar(),
                BASE.overnight(),
                true));
    assertThat(BASE.withStartingCash(new BigDecimal("7")))
        .isEqualTo(
            spec(
                BASE.params(),
                new BigDecimal("7"),
                BASE.feeBps(),
                BASE.minFee(),
                BASE.slippageBps(),
                BASE.volumeShare(),
                BASE.riskLimits(),
                BASE.botVersion(),
                BASE.calendar(),
                BASE.overnight(),
                true));
    assertThat(BASE.withVolumeShare(null))
        .isEqualTo(
            spec(
                BASE.params(),
                BASE.startingCash(),
                BASE.feeBps(),
                BASE.minFee(),
                BASE.slippageBps(),
                null,
                BASE.riskLimits(),
                BASE.botVersion(),
                BASE.calendar(),
                BASE.overnight(),
                true));
    assertThat(BASE.withRiskLimits(RiskLimits.NONE))
        .isEqualTo(
            spec(
                BASE.params(),
                BASE.startingCash(),
                BASE.feeBps(),
                BASE.minFee(),
                BASE.slippageBps(),
                BASE.volumeShare(),
                RiskLimits.NONE,
                BASE.botVersion(),
                BASE.calendar(),
                BASE.overnight(),
                true));
    assertThat(BASE.withBotVersion("v8"))
        .isEqualTo(
            spec(
                BASE.params(),
                BASE.startingCash(),
                BASE.feeBps(),
                BASE.minFee(),
                BASE.slippageBps(),
                BASE.volumeShare(),
                BASE.riskLimits(),
                "v8",
                BASE.calendar(),
                BASE.overnight(),
                true));
    assertThat(BASE.withMarket(TradingCalendars.NYSE, OvernightRule.NONE))
        .isEqualTo(
            spec(
                BASE.params(),
                BASE.startingCash(),
                BASE.feeBps(),
                BASE.minFee(),
                BASE.slippageBps(),
                BASE.volumeShare(),
                BASE.riskLimits(),
                BASE.botVersion(),
                TradingCalendars.NYSE,
                OvernightRule.NONE,
                true));
    assertThat(BASE.withWholeShares(false))
        .isEqualTo(
            spec(
                BASE.params(),
                BASE.startingCash(),
                BASE.feeBps(),
                BASE.minFee(),
                BASE.slippageBps(),
                BASE.volumeShare(),
                BASE.riskLimits(),
                BASE.botVersion(),
                BASE.calendar(),
                BASE.overnight(),
                false));
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

  private static BacktestSpec spec(
      Map<String, String> params,
      BigDecimal cash,
      BigDecimal feeBps,
      BigDecimal minFee,
      BigDecimal slippageBps,
      BigDecimal volumeShare,
      RiskLimits limits,
      String botVersion,
      String calendar,
      OvernightRule overnight,
      boolean wholeShares) {
    return new BacktestSpec(
        BASE.strategy(),
        params,
        cash,
        feeBps,
        minFee,
        slippageBps,
        volumeShare,
        limits,
        botVersion,
        calendar,
        overnight,
        wholeShares);
  }
}
