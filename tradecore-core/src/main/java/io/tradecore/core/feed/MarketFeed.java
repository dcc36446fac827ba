package io.tradecore.core.feed;

import java.time.Instant;

/**
 * The port market data comes through: a replay of files, or a live feed on the wall clock. It
 * delivers moments in time order, may never end, and resumes after the time of the last moment a
 * runner committed (its cursor, kept in the runner's store). Called from the runner's thread.
 */
public interface MarketFeed extends AutoCloseable {
  /** A stable name under which a runner keeps this feed's cursor. */
  String name();

  /**
   * Whether the bars are daily data (a date and no time, stamped 00:00 UTC), each a whole session.
   */
  boolean daily();

  /**
   * Moves the feed to just after {@code cursor} (null: its beginning). The moments up to and
   * including the cursor are handed to {@code history}, oldest first, so strategies and indicators
   * can warm up to where they were; a feed that cannot replay its past hands what it has.
   */
  void resumeAfter(Instant cursor, java.util.function.Consumer<Moment> history);

  /**
   * The next moment, waiting for it if none is ready yet; null once the feed has ended (a replay at
   * its last moment) or was stopped.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  Moment next() throws InterruptedException;

  /** Makes a waiting {@link #next} return null soon; safe to call from any thread. */
  void stop();

  /** How many moments are left, when the feed knows (a replay), or -1. */
  default long remaining() {
    return -1;
  }

  @Override
  default void close() {}
}
