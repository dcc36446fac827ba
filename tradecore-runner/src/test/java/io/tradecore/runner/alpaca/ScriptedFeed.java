package io.tradecore.runner.alpaca;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.feed.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A live feed a test pushes bars into, one moment each, as the wall clock would bring them. */
final class ScriptedFeed implements MarketFeed {
  private final BlockingQueue<Moment> moments = new LinkedBlockingQueue<>();
  private volatile boolean stopped;

  void push(Bar bar) {
    moments.add(Moment.of(bar));
  }

  /** True once every pushed bar has been taken by the runner. */
  boolean drained() {
    return moments.isEmpty();
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public boolean daily() {
    return false;
  }

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public void resumeAfter(Instant cursor, Consumer<Moment> history) {}

  @Override
  public Moment poll(Duration wait) throws InterruptedException {
    if (stopped) {
      return null;
    }
    return moments.poll(Math.min(wait.toMillis(), 50), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean ended() {
    return stopped;
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
