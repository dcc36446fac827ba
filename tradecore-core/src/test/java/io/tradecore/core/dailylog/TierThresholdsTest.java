package io.tradecore.core.dailylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierThresholdsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // return       tier: each threshold and just below it, up and down
    "0.03,          EXCEPTIONAL_UP",
    "0.0299999999,  STRONG_UP",
    "0.01,          STRONG_UP",
    "0.0099999999,  MODERATE_UP",
    "0.0025,        MODERATE_UP",
    "0.0024999999,  FLAT",
    "0,             FLAT",
    "-0.0024999999, FLAT",
    "-0.0025,       MODERATE_DOWN",
    "-0.0099999999, MODERATE_DOWN",
    "-0.01,         STRONG_DOWN",
    "-0.0299999999, STRONG_DOWN",
    "-0.03,         EXCEPTIONAL_DOWN",
  })
  void default_tiers_switch_exactly_at_their_thresholds(String dailyReturn, Tier tier) {
    assertThat(TierThresholds.DEFAULTS.tierOf(new BigDecimal(dailyReturn))).isEqualTo(tier);
  }

  @Test
  void thresholds_are_configurable_in_percent_per_portfolio() {
    TierThresholds t =
        TierThresholds.fromPercent(Map.of("moderate", "0.5", "strong", 2, "exceptional", "5"));
    assertThat(t.tierOf(new BigDecimal("0.0049"))).isEqualTo(Tier.FLAT);
    assertThat(t.tierOf(new BigDecimal("0.02"))).isEqualTo(Tier.STRONG_UP);
    assertThat(t.tierOf(new BigDecimal("-0.05"))).isEqualTo(Tier.EXCEPTIONAL_DOWN);
  }

  @Test
  void bad_thresholds_are_refused_with_the_reason() {
    assertThatThrownBy(() -> TierThresholds.fromPercent(Map.of("strong", "0.1")))
        .hasMessageContaining("moderate < strong");
    assertThatThrownBy(() -> TierThresholds.fromPercent(Map.of("huge", "9")))
        .hasMessageContaining("unknown tier key 'huge'");
  }
}
