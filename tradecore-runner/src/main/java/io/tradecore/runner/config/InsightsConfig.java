package io.tradecore.runner.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Run Insights settings: the folders whose sub-folders are experiment runs; immutable.
 *
 * @param roots absolute run roots from {@code insights.roots}, in the order given
 */
public record InsightsConfig(List<Path> roots) {
  public static final InsightsConfig DEFAULTS = new InsightsConfig(List.of());

  /** Keeps an unmodifiable copy of the roots. */
  public InsightsConfig {
    roots = List.copyOf(roots);
  }
}
