package io.tradecore.store;

import org.jdbi.v3.core.Handle;

/**
 * What a writer checks inside each of its transactions to prove it may still write: a runner's
 * lease. A writer that lost it commits nothing more, because the check fails the transaction it is
 * made in.
 */
@FunctionalInterface
public interface Fence {
  /**
   * Fails the transaction of {@code h} if the writer may no longer write.
   *
   * @throws LeaseLostException when it may not
   */
  void check(Handle h);

  /** No fence: for writers that own their database alone (tests, tools). */
  Fence NONE = h -> {};
}
