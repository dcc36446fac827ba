package io.tradecore.insights;

import java.util.Collection;
import java.util.stream.Collectors;

/** The WHERE clauses that select a query's rows: a step range and one or more environments. */
final class Selection {
  private Selection() {}

  /** Rows with step in [lo, hi] of environment {@code env}, or of every environment if null. */
  static String where(Long env, long lo, long hi) {
    String range = "step BETWEEN " + lo + " AND " + hi;
    return env == null ? range + " AND env IS NOT NULL" : range + " AND env = " + env;
  }

  /** Rows with step in [lo, hi] of the given environments. */
  static String where(Collection<Long> envs, long lo, long hi) {
    return "step BETWEEN "
        + lo
        + " AND "
        + hi
        + " AND env IN ("
        + envs.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + ")";
  }
}
