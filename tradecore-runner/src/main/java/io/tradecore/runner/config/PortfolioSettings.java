package io.tradecore.runner.config;

import io.tradecore.core.dailylog.TierThresholds;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one portfolio: currency, reporting time zone, calendar, starting cash, risk caps,
 * overnight policy and the daily log's performance tiers (percent thresholds {@code moderate},
 * {@code strong}, {@code exceptional}); immutable.
 */
public record PortfolioSettings(
    String baseCurrency,
    ZoneId timeZone,
    String calendar,
    BigDecimal startingCash,
    Caps caps,
    OvernightSettings overnight,
    Map<String, Object> tiers) {

  /**
   * The most starting cash a portfolio may have (10^15): far beyond any account, and small enough
   * that what it buys stays in the range the engine computes in.
   */
  public static final BigDecimal MAX_STARTING_CASH = BigDecimal.TEN.pow(15);

  /** The built-in defaults, used for every key that neither the file nor stored JSON sets. */
  public static final PortfolioSettings DEFAULTS =
      new PortfolioSettings(
          "USD",
          ZoneId.of("Australia/Sydney"),
          "NYSE",
          new BigDecimal("100000"),
          Caps.NONE,
          OvernightSettings.NONE,
          Map.of());

  /**
   * Validates every value; tiers may be null (read as none) and may hold null values (the default
   * of that tier).
   */
  public PortfolioSettings {
    Values.currency(Objects.requireNonNull(baseCurrency, "baseCurrency"));
    Objects.requireNonNull(timeZone, "timeZone");
    Values.calendar(Objects.requireNonNull(calendar, "calendar"));
    Values.checkStartingCash(
        Objects.requireNonNull(startingCash, "startingCash"), startingCash.toString());
    Objects.requireNonNull(caps, "caps");
    Objects.requireNonNull(overnight, "overnight");
    tiers = tiers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
    TierThresholds.fromPercent(tiers); // the daily log must be able to use them
  }

  /** Writes these settings as JSON with the same snake_case keys as {@code tradecore.yaml}. */
  public String toJson() {
    return PortfolioSettingsJson.write(this);
  }

  /**
   * Reads settings written by {@link #toJson()}; keys it lacks take {@link #DEFAULTS}.
   *
   * @throws ConfigException when the JSON is malformed or holds an unknown key or a bad value
   */
  public static PortfolioSettings fromJson(String json) {
    return PortfolioSettingsJson.read(json);
  }
}
