package io.tradecore.core.dailylog;

import java.util.Map;

/**
 * One automated remark on a day, with the numbers behind it ({@code facts}, by name, as text).
 * Immutable.
 */
public record Observation(String code, String message, Map<String, String> facts) {
  public Observation {
    facts = Map.copyOf(facts);
  }
}
