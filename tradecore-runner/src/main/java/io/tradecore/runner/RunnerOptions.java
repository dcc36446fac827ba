package io.tradecore.runner;

import io.tradecore.core.exchange.ExecutionCosts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * How a runner trades: the strategy and its parameters, the bot_version its orders carry, the paper
 * exchange's costs, the lease timings, and the replay pace (0 = as fast as possible).
 */
public record RunnerOptions(
    String strategy,
    Map<String, String> params,
    String botVersion,
    ExecutionCosts costs,
    BigDecimal volumeShare,
    Duration leaseTtl,
    Duration heartbeat,
    double barsPerSecond,
    String host,
    long pid) {

  public RunnerOptions {
    params = Map.copyOf(params);
    if (!(barsPerSecond >= 0) || Double.isInfinite(barsPerSecond)) {
      throw new IllegalArgumentException("bars per second must be >= 0 but was " + barsPerSecond);
    }
  }
}
