package io.tradecore.core.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The port market data comes through: a replay of files, or a live feed on the wall clock. It
 * delivers moments in time order, may never end, and resumes after the time of the last moment a
 * runner committed (its cursor, kept in the runner's store). Called from the runner's thread,
 * except {@link #stop}.
 */
public interface MarketFeed extends AutoCloseable {
  /** A stable name under which a runner keeps this feed's cursor. */
  String name();

  /**
   * Whether the bars are daily data (a date and no time, stamped 00:00 UTC), each a whole session.
   */
  boolean daily();

  /**
   * Whether moments arrive on the wall clock (a live feed): each is then committed before the next
   * is acted on. A replay may commit several together.
   */
  boolean live();

  /**
   * Moves the feed to just after {@code cursor} (null: its beginning). The moments up to and
   * including the cursor are handed to {@code history}, oldest first, so strategies and indicators
   * can warm up to where they were; a feed that cannot replay its past hands what it has.
   */
  void resumeAfter(Instant cursor, Consumer<Moment> history);

  /**
   * The next moment, waiting up to {@code wait} for one; null when none came in that time (a live
   * feed between bars) or the feed has ended ({@link #ended}).
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  Moment poll(Duration wait) throws InterruptedException;

  /** True once no moment will come any more: a replay past its last one, or a stopped feed. */
  boolean ended();

  /** Ends the feed: a waiting {@link #poll} returns null soon. Safe to call from any thread. */
  void stop();

  /** How many bars are left, when the feed knows (a replay), or -1. */
  default long remaining() {
    return -1;
  }

  @Override
  default void close() {}
}
