package io.tradecore.store.query;

import org.jdbi.v3.core.Handle;

/** The health endpoint's one question to the database: does it answer? */
public final class HealthQueries {

  /** Runs a trivial statement; throws if the database does not answer. */
  public void ping(Handle h) {
    h.createQuery("SELECT 1").mapTo(Integer.class).one();
  }
}
