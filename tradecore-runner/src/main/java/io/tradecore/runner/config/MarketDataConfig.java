package io.tradecore.runner.config;

/** Market data housekeeping: how many days of ticks and bars to keep; immutable. */
public record MarketDataConfig(int retentionDays) {
  public static final MarketDataConfig DEFAULTS = new MarketDataConfig(730);

  /** Validates that at least one day is kept. */
  public MarketDataConfig {
    Values.checkRange(retentionDays, 1, Integer.MAX_VALUE);
  }
}
