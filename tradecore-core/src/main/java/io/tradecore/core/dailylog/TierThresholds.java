package io.tradecore.core.dailylog;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The daily-return thresholds of the seven tiers, as ratios (0.01 = 1%), symmetric up and down. A
 * return at or beyond {@code exceptional} is EXCEPTIONAL, at or beyond {@code strong} STRONG, at or
 * beyond {@code moderate} MODERATE, and strictly inside (-moderate, +moderate) FLAT. Defaults:
 * moderate 0.25%, strong 1%, exceptional 3%. Immutable and thread-safe.
 */
public record TierThresholds(BigDecimal moderate, BigDecimal strong, BigDecimal exceptional) {
  public static final TierThresholds DEFAULTS =
      new TierThresholds(new BigDecimal("0.0025"), new BigDecimal("0.01"), new BigDecimal("0.03"));

  public TierThresholds {
    if (moderate.signum() <= 0
        || strong.compareTo(moderate) <= 0
        || exceptional.compareTo(strong) <= 0) {
      throw new IllegalArgumentException(
          "tier thresholds must be 0 < moderate < strong < exceptional but were "
              + moderate
              + ", "
              + strong
              + ", "
              + exceptional);
    }
  }

  /**
   * Thresholds from a settings map with optional keys {@code moderate}, {@code strong} and {@code
   * exceptional}, given in percent (0.25 = 0.25%); missing keys keep their defaults.
   */
  public static TierThresholds fromPercent(Map<String, ?> settings) {
    if (settings == null || settings.isEmpty()) {
      return DEFAULTS;
    }
    for (String key : settings.keySet()) {
      if (!key.equals("moderate") && !key.equals("strong") && !key.equals("exceptional")) {
        throw new IllegalArgumentException(
            "unknown tier key '" + key + "' (known: moderate, strong, exceptional)");
      }
    }
    return new TierThresholds(
        percent(settings.get("moderate"), DEFAULTS.moderate),
        percent(settings.get("strong"), DEFAULTS.strong),
        percent(settings.get("exceptional"), DEFAULTS.exceptional));
  }

  private static BigDecimal percent(Object value, BigDecimal fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return new BigDecimal(value.toString().trim()).movePointLeft(2);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tier threshold '" + value + "' is not a number", e);
    }
  }

  /** The tier of a day's return (a ratio). */
  public Tier tierOf(BigDecimal dailyReturn) {
    BigDecimal magnitude = dailyReturn.abs();
    boolean up = dailyReturn.signum() > 0;
    if (magnitude.compareTo(exceptional) >= 0) {
      return up ? Tier.EXCEPTIONAL_UP : Tier.EXCEPTIONAL_DOWN;
    }
    if (magnitude.compareTo(strong) >= 0) {
      return up ? Tier.STRONG_UP : Tier.STRONG_DOWN;
    }
    if (magnitude.compareTo(moderate) >= 0) {
      return up ? Tier.MODERATE_UP : Tier.MODERATE_DOWN;
    }
    return Tier.FLAT;
  }
}
