package io.tradecore.runner.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every portfolio's notification destinations, from the {@code notifications} section. */
public record NotificationSettings(Map<String, List<Destination>> byPortfolio) {
  public static final NotificationSettings NONE = new NotificationSettings(Map.of());

  public NotificationSettings {
    Map<String, List<Destination>> copy = new LinkedHashMap<>();
    byPortfolio.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byPortfolio = java.util.Collections.unmodifiableMap(copy);
  }

  /** The destinations of the portfolio called {@code name}; none when it has no entry. */
  public List<Destination> of(String portfolioName) {
    return byPortfolio.getOrDefault(portfolioName, List.of());
  }
}
