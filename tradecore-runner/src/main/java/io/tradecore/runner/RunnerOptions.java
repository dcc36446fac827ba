package io.tradecore.runner;

import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.notify.Notifications;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a runner trades: the strategy and its parameters, the bot_version its orders carry, the paper
 * exchange's costs, the lease timings, the replay pace (0 = as fast as possible), and whom it
 * notifies.
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
    long pid,
    Notifications notifications) {

  /** Options of a runner that notifies no one. */
  public RunnerOptions(
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
    this(
        strategy,
        params,
        botVersion,
        costs,
        volumeShare,
        leaseTtl,
        heartbeat,
        barsPerSecond,
        host,
        pid,
        Notifications.none());
  }

  public RunnerOptions {
    params = Map.copyOf(params);
    Objects.requireNonNull(notifications, "notifications");
    if (!(barsPerSecond >= 0) || Double.isInfinite(barsPerSecond)) {
      throw new IllegalArgumentException("bars per second must be >= 0 but was " + barsPerSecond);
    }
  }

  /** This machine's host name, as runs record it ({@code unknown-host} when it has none). */
  public static String localHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown-host";
    }
  }

  /** These options, notifying through {@code value}. */
  public RunnerOptions withNotifications(Notifications value) {
    return new RunnerOptions(
        strategy,
        params,
        botVersion,
        costs,
        volumeShare,
        leaseTtl,
        heartbeat,
        barsPerSecond,
        host,
        pid,
        value);
  }
}
