package io.tradecore.runner;

import org.jdbi.v3.core.Handle;

/**
 * A venue whose effects wait for the runner's commits: the paper exchange writes its books in them,
 * so what it did and what the ledger made of it commit together; a broker venue sends its requests
 * once the moment that made them is committed, so nothing reaches the broker that the books do not
 * hold.
 */
public interface CommitParticipant {
  /** From now on, keeps its effects for {@link #flush} and {@link #committed}. */
  void deferWrites();

  /** Writes what it kept, in the caller's transaction; kept until {@link #committed}. */
  void flush(Handle h);

  /** Its transaction has committed: forgets what was written, does what waited for it. */
  void committed();
}
