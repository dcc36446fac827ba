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
import java.util.function.Consumer;

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
    return with(
        c -> {
          c.feeBps = newFeeBps;
          c.minFee = newMinFee;
          c.slippageBps = slippage;
        });
  }

  /** The same spec with other parameters for its strategy (over the strategy's defaults). */
  public BacktestSpec withParams(Map<String, String> newParams) {
    return with(c -> c.params = newParams);
  }

  /** The same spec with another starting cash. */
  public BacktestSpec withStartingCash(BigDecimal cash) {
    return with(c -> c.startingCash = cash);
  }

  public BacktestSpec withVolumeShare(BigDecimal share) {
    return with(c -> c.volumeShare = share);
  }

  public BacktestSpec withRiskLimits(RiskLimits limits) {
    return with(c -> c.riskLimits = limits);
  }

  public BacktestSpec withBotVersion(String version) {
    return with(c -> c.botVersion = version);
  }

  /** The same spec for a market on {@code calendarId} with the overnight rule {@code rule}. */
  public BacktestSpec withMarket(String calendarId, OvernightRule rule) {
    return with(
        c -> {
          c.calendar = calendarId;
          c.overnight = rule;
        });
  }

  /** The same spec with an exchange that takes whole shares only, or fractions too. */
  public BacktestSpec withWholeShares(boolean whole) {
    return with(c -> c.wholeShares = whole);
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

  /** This spec with {@code change} made to a copy of its fields, checked as a new spec is. */
  private BacktestSpec with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new BacktestSpec(
        c.strategy,
        c.params,
        c.startingCash,
        c.feeBps,
        c.minFee,
        c.slippageBps,
        c.volumeShare,
        c.riskLimits,
        c.botVersion,
        c.calendar,
        c.overnight,
        c.wholeShares);
  }

  /** The fields of a spec being changed by one of the {@code with} methods. */
  private static final class Copy {
    String strategy;
    Map<String, String> params;
    BigDecimal startingCash;
    BigDecimal feeBps;
    BigDecimal minFee;
    BigDecimal slippageBps;
    BigDecimal volumeShare;
    RiskLimits riskLimits;
    String botVersion;
    String calendar;
    OvernightRule overnight;
    boolean wholeShares;

    Copy(BacktestSpec s) {
      strategy = s.strategy;
      params = s.params;
      startingCash = s.startingCash;
      feeBps = s.feeBps;
      minFee = s.minFee;
      slippageBps = s.slippageBps;
      volumeShare = s.volumeShare;
      riskLimits = s.riskLimits;
      botVersion = s.botVersion;
      calendar = s.calendar;
      overnight = s.overnight;
      wholeShares = s.wholeShares;
    }
  }

  private static void requireNotNegative(String name, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          name + " must be 0 or more but was " + value.toPlainString());
    }
  }
}
