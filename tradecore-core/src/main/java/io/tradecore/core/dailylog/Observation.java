package io.tradecore.core.dailylog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One automated remark on a day, with the numbers behind it ({@code facts}, by name, as text).
 * Immutable.
 */
public record Observation(String code, String message, Map<String, String> facts) {
  public Observation {
    // Keeps the order the rule gave, so a regeneration writes the same text.
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }
}
