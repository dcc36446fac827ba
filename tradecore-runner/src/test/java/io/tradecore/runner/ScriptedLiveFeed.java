package io.tradecore.runner;

import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.feed.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A live feed (on the wall clock) whose moments a test hands it one by one, while the runner waits
 * on it as it waits on a broker's stream: each step may move a test clock first, and may bring a
 * moment or only the passing of time. The feed ends once {@link #finish} is called and every step
 * has been taken.
 */
final class ScriptedLiveFeed implements MarketFeed {
  /**
   * One turn of the feed: {@code action} runs first (on the runner's thread, so it sees everything
   * the turns before committed), the clock moves to {@code at} (if set), then {@code moment} (or
   * none) is handed over.
   */
  record Step(Runnable action, Instant at, Moment moment) {}

  private final LinkedBlockingQueue<Step> steps = new LinkedBlockingQueue<>();
  private final Consumer<Instant> clock;
  private volatile boolean finished;
  private volatile boolean stopped;
  private volatile int taken;

  /** {@code clock} is moved to each step's time (a test clock), or null to leave time alone. */
  ScriptedLiveFeed(Consumer<Instant> clock) {
    this.clock = clock;
  }

  void push(Moment moment) {
    steps.add(new Step(null, null, moment));
  }

  void push(Instant at, Moment moment) {
    steps.add(new Step(null, at, moment));
  }

  /** A turn that only runs {@code action}: a test looks at what the turns before committed. */
  void look(Runnable action) {
    steps.add(new Step(action, null, null));
  }

  void finish() {
    finished = true;
  }

  /** How many steps the runner has taken so far. */
  int taken() {
    return taken;
  }

  @Override
  public String name() {
    return "scripted-live";
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
    Step step = steps.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (step == null) {
      return null;
    }
    if (step.action() != null) {
      step.action().run();
    }
    if (step.at() != null && clock != null) {
      clock.accept(step.at());
    }
    taken++;
    return step.moment();
  }

  @Override
  public boolean ended() {
    return stopped || (finished && steps.isEmpty());
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
