package io.tradecore.runner.config;

import io.tradecore.core.dailylog.TierThresholds;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lays the portfolio keys of a configuration section over a set of base settings, key by key. */
final class PortfolioSettingsReader {
  static final List<String> KEYS =
      List.of(
          "base_currency", "time_zone", "calendar", "starting_cash", "caps", "overnight", "tiers");
  static final List<String> CAPS_KEYS =
      List.of("max_order_value", "max_gross_exposure", "max_open_positions", "max_position_value");
  static final List<String> OVERNIGHT_KEYS = List.of("mode", "widen", "atr_period");
  static final List<String> TIER_KEYS = List.of("moderate", "strong", "exceptional");

  private PortfolioSettingsReader() {}

  static PortfolioSettings apply(PortfolioSettings base, Section section) {
    section.requireOnly(KEYS);
    String baseCurrency = section.get("base_currency", base.baseCurrency(), Values::currency);
    ZoneId timeZone = section.get("time_zone", base.timeZone(), Values::timeZone);
    String calendar = section.get("calendar", base.calendar(), Values::calendar);
    BigDecimal startingCash =
        section.get("starting_cash", base.startingCash(), Values::startingCash);
    Caps caps = caps(base.caps(), section.section("caps"));
    OvernightSettings overnight = overnight(base.overnight(), section.section("overnight"));
    Map<String, Object> tiers = tiers(base.tiers(), section);
    return new PortfolioSettings(
        baseCurrency, timeZone, calendar, startingCash, caps, overnight, tiers);
  }

  /**
   * The daily log's tiers laid key by key over {@code base} (null clears them all), each a number
   * of percent above 0, and together 0 < moderate < strong < exceptional: a portfolio is never
   * stored with tiers its daily log cannot use.
   */
  private static Map<String, Object> tiers(Map<String, Object> base, Section parent) {
    Map<String, Object> merged = parent.tree("tiers", base);
    if (!parent.has("tiers") || merged.isEmpty()) {
      return merged;
    }
    Section tiers = parent.section("tiers").requireOnly(TIER_KEYS);
    for (String key : tiers.keys()) {
      tiers.getNullable(key, null, Values::decimalAboveZero);
    }
    try {
      TierThresholds.fromPercent(merged);
    } catch (IllegalArgumentException e) {
      throw parent.error(
          "tiers",
          "must be 0 < moderate < strong < exceptional (in percent) but are "
              + TIER_KEYS.stream()
                  .map(k -> k + " " + percent(merged.get(k), k))
                  .collect(Collectors.joining(", ")));
    }
    return merged;
  }

  private static String percent(Object value, String key) {
    if (value != null) {
      return value.toString();
    }
    BigDecimal ratio =
        switch (key) {
          case "moderate" -> TierThresholds.DEFAULTS.moderate();
          case "strong" -> TierThresholds.DEFAULTS.strong();
          default -> TierThresholds.DEFAULTS.exceptional();
        };
    return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + " (default)";
  }

  private static Caps caps(Caps base, Section section) {
    section.requireOnly(CAPS_KEYS);
    return new Caps(
        section.getNullable("max_order_value", base.maxOrderValue(), Values::decimalAtLeastZero),
        section.getNullable(
            "max_gross_exposure", base.maxGrossExposure(), Values::decimalAtLeastZero),
        section.getNullable(
            "max_open_positions",
            base.maxOpenPositions(),
            Values.wholeNumber(0, Integer.MAX_VALUE)),
        section.getNullable(
            "max_position_value", base.maxPositionValue(), Values::decimalAtLeastZero));
  }

  private static OvernightSettings overnight(OvernightSettings base, Section section) {
    section.requireOnly(OVERNIGHT_KEYS);
    return new OvernightSettings(
        section.get("mode", base.mode(), Values::overnightMode),
        section.get("widen", base.widen(), Values::decimalAtLeastZero),
        section.get("atr_period", base.atrPeriod(), Values.wholeNumber(1, Integer.MAX_VALUE)));
  }
}
