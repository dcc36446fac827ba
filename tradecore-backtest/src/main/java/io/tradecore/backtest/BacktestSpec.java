package io.tradecore.backtest;

import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.core.venue.VenueFeatures;
import io.tradecore.strategies.StrategyCatalog;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a backtest needs besides the bars: the strategy and its parameters, the starting cash,
 * the simulated exchange's costs, the risk caps, the bot_version the fills carry, the market's
 * calendar and the overnight rule. Immutable.
 *
 * @param params the parameters given, over the strategy's defaults
 * @param feeBps fee in basis points of the notional
 * @param minFee the smallest fee charged per fill, in the instrument's currency
 * @param slippageBps how far market and stop fills move against the order, in basis points
 * @param volumeShare the largest share of a bar's volume one order may fill, or null for no cap
 * @param calendar the trading calendar of the bars' market ({@code NYSE}, {@code ASX}, {@code
 *     CRYPTO_24_7}): when sessions end, for DAY orders and the overnight rule
 * @param overnight how open plans are protected between sessions
 * @param wholeShares whether the simulated exchange takes whole shares only (no fractional
 *     quantities), as a broker without fractional trading does
 */
public record BacktestSpec(
    String strategy,
    Map<String, String> params,
    BigDecimal startingCash,
    BigDecimal feeBps,
    BigDecimal minFee,
    BigDecimal slippageBps,
    BigDecimal volumeShare,
    RiskLimits riskLimits,
    String botVersion,
    String calendar,
    OvernightRule overnight,
    boolean wholeShares) {

  /** The bot_version of backtest fills unless one is given. */
  public static final String DEFAULT_BOT_VERSION = "backtest";

  public BacktestSpec {
    Objects.requireNonNull(strategy, "strategy");
    params = Collections.unmodifiableMap(new TreeMap<>(params));
    Objects.requireNonNull(startingCash, "startingCash");
    Objects.requireNonNull(feeBps, "feeBps");
    Objects.requireNonNull(minFee, "minFee");
    Objects.requireNonNull(slippageBps, "slippageBps");
    Objects.requireNonNull(riskLimits, "riskLimits");
    Objects.requireNonNull(botVersion, "botVersion");
    Objects.requireNonNull(overnight, "overnight");
    // Fails with the known calendars named when the id is not one of them.
    TradingCalendars.of(Objects.requireNonNull(calendar, "calendar"));
    if (startingCash.signum() <= 0) {
      throw new IllegalArgumentException(
          "starting cash must be greater than 0 but was " + startingCash.toPlainString());
    }
    requireNotNegative("fee bps", feeBps);
    requireNotNegative("min fee", minFee);
    requireNotNegative("slippage bps", slippageBps);
    if (volumeShare != null
        && (volumeShare.signum() <= 0 || volumeShare.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException(
          "volume share must be in (0, 1] but was " + volumeShare.toPlainString());
    }
    if (botVersion.isBlank()) {
      throw new IllegalArgumentException("bot version must not be blank");
    }
  }

  /**
   * A spec with no fees, no slippage, no volume cap, no risk caps, the default bot_version, a
   * market open round the clock (UTC days) and no overnight rule.
   */
  public static BacktestSpec of(String strategy, Map<String, String> params, BigDecimal cash) {
    return new BacktestSpec(
        strategy,
        params,
        cash,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        RiskLimits.NONE,
        DEFAULT_BOT_VERSION,
        TradingCalendars.CRYPTO_24_7,
        OvernightRule.NONE,
        false);
  }

  public BacktestSpec withCosts(BigDecimal newFeeBps, BigDecimal newMinFee, BigDecimal slippage) {
    return new BacktestSpec(
        strategy,
        params,
        startingCash,
        newFeeBps,
        newMinFee,
        slippage,
        volumeShare,
        riskLimits,
        botVersion,
        calendar,
        overnight,
        wholeShares);
  }

  /** The same spec with other parameters for its strategy (over the strategy's defaults). */
  public BacktestSpec withParams(Map<String, String> newParams) {
    return new BacktestSpec(
        strategy,
        newParams,
        startingCash,
        feeBps,
        minFee,
        slippageBps,
        volumeShare,
        riskLimits,
        botVersion,
        calendar,
        overnight,
        wholeShares);
  }

  /** The same spec with another starting cash. */
  public BacktestSpec withStartingCash(BigDecimal cash) {
    return new BacktestSpec(
        strategy,
        params,
        cash,
        feeBps,
        minFee,
        slippageBps,
        volumeShare,
        riskLimits,
        botVersion,
        calendar,
        overnight,
        wholeShares);
  }

  public BacktestSpec withVolumeShare(BigDecimal share) {
    return new BacktestSpec(
        strategy,
        params,
        startingCash,
        feeBps,
        minFee,
        slippageBps,
        share,
        riskLimits,
        botVersion,
        calendar,
        overnight,
        wholeShares);
  }

  public BacktestSpec withRiskLimits(RiskLimits limits) {
    return new BacktestSpec(
        strategy,
        params,
        startingCash,
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

  public BacktestSpec withBotVersion(String version) {
    return new BacktestSpec(
        strategy,
        params,
        startingCash,
        feeBps,
        minFee,
        slippageBps,
        volumeShare,
        riskLimits,
        version,
        calendar,
        overnight,
        wholeShares);
  }

  /** The same spec for a market on {@code calendarId} with the overnight rule {@code rule}. */
  public BacktestSpec withMarket(String calendarId, OvernightRule rule) {
    return new BacktestSpec(
        strategy,
        params,
        startingCash,
        feeBps,
        minFee,
        slippageBps,
        volumeShare,
        riskLimits,
        botVersion,
        calendarId,
        rule,
        wholeShares);
  }

  /** The same spec with an exchange that takes whole shares only, or fractions too. */
  public BacktestSpec withWholeShares(boolean whole) {
    return new BacktestSpec(
        strategy,
        params,
        startingCash,
        feeBps,
        minFee,
        slippageBps,
        volumeShare,
        riskLimits,
        botVersion,
        calendar,
        overnight,
        whole);
  }

  /** What the simulated exchange can do: fractions unless {@link #wholeShares}, and shorts. */
  public VenueFeatures venueFeatures() {
    return wholeShares ? new VenueFeatures(false, false, true) : VenueFeatures.SIMULATED;
  }

  /** The simulated exchange's costs; fees are rounded to cents (two decimals). */
  public ExecutionCosts costs() {
    return new ExecutionCosts(feeBps, minFee, slippageBps, 2);
  }

  /**
   * Every parameter the strategy runs with: its defaults overridden by {@link #params} (a strategy
   * outside the catalog has no defaults here).
   */
  public Map<String, String> effectiveParams() {
    if (!StrategyCatalog.names().contains(strategy)) {
      return params;
    }
    Map<String, String> all = StrategyCatalog.defaults(strategy);
    all.putAll(params);
    return Collections.unmodifiableMap(all);
  }

  private static void requireNotNegative(String name, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          name + " must be 0 or more but was " + value.toPlainString());
    }
  }
}
