package io.tradecore.strategies;

import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.engine.StrategyProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The strategies TradeCore ships, by name, with their parameters and defaults, and the strategies
 * of other modules on the class path ({@link StrategyProvider}s, such as {@code policy}). Building
 * one checks every parameter and names the one that is wrong.
 */
public final class StrategyCatalog {
  private static final Map<String, Map<String, String>> DEFAULTS =
      Map.of(
          "sma-cross", Map.of("fast", "10", "slow", "30"),
          "breakout",
              Map.of(
                  "channel", "20",
                  "atr", "14",
                  "stop-atr", "2",
                  "target-atr", "4",
                  "trail-atr", "0",
                  "cash-share", "0.5",
                  "direction", "long"),
          "momentum-rotation", Map.of("top", "1", "lookback", "60", "rebalance", "20"));

  /** Strategies of other modules, found on the class path, by name. */
  private static final Map<String, StrategyProvider> PROVIDERS = providers();

  private StrategyCatalog() {}

  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of("sma-cross", "breakout", "momentum-rotation"));
    names.addAll(PROVIDERS.keySet());
    return List.copyOf(names);
  }

  /** The defaults of a strategy's parameters, by name. */
  public static Map<String, String> defaults(String strategy) {
    StrategyProvider provider = PROVIDERS.get(strategy);
    Map<String, String> d = provider != null ? provider.defaults() : DEFAULTS.get(strategy);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown strategy '" + strategy + "'; known: " + String.join(", ", names()));
    }
    return new TreeMap<>(d);
  }

  /**
   * Makes fresh instances of {@code strategy} with {@code params} over its defaults, as a portfolio
   * strategy (a strategy of one instrument runs one instance per instrument); checks the parameters
   * first.
   */
  public static Supplier<PortfolioStrategy> portfolio(String strategy, Map<String, String> params) {
    StrategyProvider provider = PROVIDERS.get(strategy);
    if (provider != null) {
      return provider.portfolio(checked(strategy, params));
    }
    if (strategy.equals("momentum-rotation")) {
      Map<String, String> p = checked(strategy, params);
      int top = intParam(p, "top");
      int lookback = intParam(p, "lookback");
      int rebalance = intParam(p, "rebalance");
      new MomentumRotation(top, lookback, rebalance);
      return () -> new MomentumRotation(top, lookback, rebalance);
    }
    StrategyFactory factory = factory(strategy, params);
    return () -> new PerInstrumentStrategies(factory);
  }

  /** Whether {@code strategy} trades each instrument on its own (one instance per instrument). */
  public static boolean perInstrument(String strategy) {
    defaults(strategy);
    return !strategy.equals("momentum-rotation") && !PROVIDERS.containsKey(strategy);
  }

  private static Map<String, StrategyProvider> providers() {
    Map<String, StrategyProvider> out = new TreeMap<>();
    for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class)) {
      if (DEFAULTS.containsKey(p.name()) || out.putIfAbsent(p.name(), p) != null) {
        throw new IllegalStateException("two strategies are named " + p.name());
      }
    }
    return out;
  }

  private static Map<String, String> checked(String strategy, Map<String, String> params) {
    Map<String, String> p = defaults(strategy);
    Set<String> unknown = new HashSet<>(params.keySet());
    unknown.removeAll(p.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown parameter(s) "
              + unknown
              + " for strategy "
              + strategy
              + "; it takes "
              + p.keySet());
    }
    p.putAll(params);
    return p;
  }

  /**
   * A factory for {@code strategy}, a strategy of one instrument, with {@code params} over its
   * defaults.
   */
  public static StrategyFactory factory(String strategy, Map<String, String> params) {
    Map<String, String> p = checked(strategy, params);
    return switch (strategy) {
      case "sma-cross" -> {
        int fast = intParam(p, "fast");
        int slow = intParam(p, "slow");
        new SmaCross(fast, slow);
        yield instrument -> new SmaCross(fast, slow);
      }
      case "breakout" -> {
        int channel = intParam(p, "channel");
        int atr = intParam(p, "atr");
        double stop = doubleParam(p, "stop-atr");
        double target = doubleParam(p, "target-atr");
        double trail = doubleParam(p, "trail-atr");
        BigDecimal share = decimalParam(p, "cash-share");
        Breakout.Direction direction = Breakout.Direction.parse(p.get("direction"));
        new Breakout(channel, atr, stop, target, trail, share, direction);
        yield instrument -> new Breakout(channel, atr, stop, target, trail, share, direction);
      }
      default ->
          throw new IllegalArgumentException(
              strategy + " trades the whole portfolio, not one instrument at a time");
    };
  }

  private static int intParam(Map<String, String> p, String name) {
    try {
      return Integer.parseInt(p.get(name).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be a whole number but was '" + p.get(name) + "'", e);
    }
  }

  private static double doubleParam(Map<String, String> p, String name) {
    double v;
    try {
      v = Double.parseDouble(p.get(name).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be a number but was '" + p.get(name) + "'", e);
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("parameter " + name + " must be finite but was " + v);
    }
    return v;
  }

  private static BigDecimal decimalParam(Map<String, String> p, String name) {
    try {
      BigDecimal v = new BigDecimal(p.get(name).trim());
      if (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("parameter " + name + " must be in (0, 1] but was " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be a decimal but was '" + p.get(name) + "'", e);
    }
  }
}
