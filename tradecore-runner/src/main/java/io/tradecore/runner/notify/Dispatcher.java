package io.tradecore.runner.notify;

import io.tradecore.store.Database;
import io.tradecore.store.OutboxRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.Retrying;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a portfolio's outbox, one thread per destination, so a destination that is down or slow
 * holds up only itself, never trading. Each thread takes its destination's oldest unsent message,
 * sends it, and only then marks it sent: at most one message per destination is between the two, so
 * a crash there repeats that one message and no other. Messages go out in the order staged; a
 * failed one is tried again with a doubling backoff (or after the wait the destination asked for)
 * and holds back those behind it, so a destination that comes back gets everything, once, in order.
 * One the destination refuses for good is given up after {@link Timing#refusals} tries. No
 * destination gets more than its {@code per_minute}.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** How long {@link #close} waits for what is due to be sent. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  /** How the dispatcher paces itself. */
  public record Timing(Duration idle, Duration firstBackoff, Duration maxBackoff, int refusals) {
    public static final Timing DEFAULT =
        new Timing(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(5), 3);

    /** The wait before try {@code attempts + 1} after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
      long ms = firstBackoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
      return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
  }

  private final Database db;
  private final PortfolioRecord portfolio;

  /** Pacing and backoff are real time, whatever clock the runner trades on (a replay's). */
  private final Clock clock = Clock.systemUTC();

  private final Timing timing;
  private final BooleanSupplier mayRun;
  private final OutboxRepository outbox = new OutboxRepository();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition staged = lock.newCondition();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;
  private volatile boolean draining;
  private long stagedCount;

  private Dispatcher(
      Database db, PortfolioRecord portfolio, Timing timing, BooleanSupplier mayRun) {
    this.db = db;
    this.portfolio = portfolio;
    this.timing = timing;
    this.mayRun = mayRun;
  }

  /**
   * Starts sending {@code notifications}' outbox while {@code mayRun} holds (the runner's lease);
   * nothing starts when it has no destinations.
   */
  public static Dispatcher start(
      Database db,
      PortfolioRecord portfolio,
      Notifications notifications,
      Timing timing,
      BooleanSupplier mayRun) {
    Dispatcher d = new Dispatcher(db, portfolio, timing, mayRun);
    notifications.onStaged(d::wake);
    for (Destination destination : notifications.destinations()) {
      Thread t =
          Thread.ofPlatform()
              .name("notify-" + portfolio.name() + "-" + destination.name())
              .daemon()
              .start(() -> d.serve(destination, Sender.of(destination, portfolio.name())));
      d.threads.add(t);
    }
    return d;
  }

  /** Looks at the outbox now rather than at the next idle beat. */
  void wake() {
    lock.lock();
    try {
      stagedCount++;
      staged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void serve(Destination destination, Sender sender) {
    Duration spacing = Duration.ofMillis(Math.max(1, 60_000L / destination.perMinute()));
    Instant notBefore = Instant.EPOCH;
    while (!closed && mayRun.getAsBoolean()) {
      long seen = stagedCountNow();
      Instant now = clock.instant();
      Instant wakeAt = now.plus(timing.idle());
      try {
        Optional<OutboxRepository.Row> head =
            db.jdbi().withHandle(h -> outbox.head(h, portfolio.id(), destination.name()));
        if (head.isPresent()) {
          Instant due = later(head.get().next(), notBefore);
          if (!due.isAfter(now)) {
            Sender.Outcome outcome = sender.send(head.get().message());
            if (closed && !(outcome instanceof Sender.Outcome.Sent)) {
              return; // interrupted by close: the next runner tries again
            }
            record(destination, head.get(), outcome);
            notBefore = clock.instant().plus(spacing);
            continue;
          }
          if (draining && head.get().next().isAfter(now)) {
            return; // what waits for a later try is left to the next runner
          }
          wakeAt = due.isBefore(wakeAt) ? due : wakeAt;
        } else if (draining) {
          return;
        }
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn(
            "notifications to {}: the outbox could not be read or written ({}); trying again",
            destination.name(),
            Retrying.isTransient(e) ? Retrying.reason(e) : e.toString());
      }
      await(seen, Duration.between(now, wakeAt));
    }
  }

  private void record(Destination destination, OutboxRepository.Row row, Sender.Outcome outcome) {
    OutboxRepository.Message m = row.message();
    Instant now = clock.instant();
    Retrying.run(
        () ->
            db.jdbi()
                .inTransaction(
                    h -> {
                      switch (outcome) {
                        case Sender.Outcome.Sent s -> outbox.markSent(h, m, now);
                        case Sender.Outcome.Retry r ->
                            outbox.markFailed(
                                h,
                                m,
                                now.plus(
                                    r.after() != null
                                        ? r.after()
                                        : timing.backoff(row.attempts() + 1)),
                                r.reason());
                        case Sender.Outcome.Refused r -> {
                          if (row.attempts() + 1 >= timing.refusals()) {
                            outbox.giveUp(h, m, now, r.reason());
                          } else {
                            outbox.markFailed(
                                h, m, now.plus(timing.backoff(row.attempts() + 1)), r.reason());
                          }
                        }
                      }
                      return null;
                    }),
        Duration.ofMinutes(1),
        Retrying.Listener.NONE);
    switch (outcome) {
      case Sender.Outcome.Sent s -> {}
      case Sender.Outcome.Retry r ->
          LOG.warn(
              "notification {} to {} not sent (try {}): {}; trying again",
              m.key(),
              destination.name(),
              row.attempts() + 1,
              r.reason());
      case Sender.Outcome.Refused r ->
          LOG.error(
              "notification {} to {} refused (try {} of {}): {}",
              m.key(),
              destination.name(),
              row.attempts() + 1,
              timing.refusals(),
              r.reason());
    }
  }

  private long stagedCountNow() {
    lock.lock();
    try {
      return stagedCount;
    } finally {
      lock.unlock();
    }
  }

  private void await(long seen, Duration wait) {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, wait.toMillis()));
      while (!closed && stagedCount == seen && nanos > 0) {
        nanos = staged.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Stops the threads once each has sent what is due (a replay that ended tells of its last day),
   * for {@link #DRAIN} at most; what is left waits in the outbox for the next runner.
   */
  @Override
  public void close() {
    draining = true;
    wake();
    long deadline = System.nanoTime() + DRAIN.toNanos();
    try {
      for (Thread t : threads) {
        t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed = true;
      wake();
      threads.forEach(Thread::interrupt);
    }
  }
}
