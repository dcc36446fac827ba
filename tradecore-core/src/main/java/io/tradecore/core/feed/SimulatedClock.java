package io.tradecore.core.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that reads whatever instant it was last set to: market time during a backtest. */
public final class SimulatedClock extends Clock {
  private final ZoneId zone;
  private Instant now;

  public SimulatedClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private SimulatedClock(Instant start, ZoneId zone) {
    this.now = Objects.requireNonNull(start, "start");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Moves the clock to {@code instant}; a backtest sets it to each bar's time before the bar. */
  public void set(Instant instant) {
    this.now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A clock in another zone at the current instant; it is not moved by later calls to set. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new SimulatedClock(now, newZone);
  }
}
