package io.tradecore.runner;

import org.jdbi.v3.core.Handle;

/**
 * Something outside the runner that writes to the runner's database (the paper exchange's books)
 * and can write in the runner's commits instead of in transactions of its own, so what it did and
 * what the ledger made of it commit together.
 */
public interface CommitParticipant {
  /** From now on, keeps its writes for {@link #flush} instead of committing them alone. */
  void deferWrites();

  /** Writes what it kept, in the caller's transaction; kept until {@link #committed}. */
  void flush(Handle h);

  /** Forgets what was written: its transaction has committed. */
  void committed();
}
