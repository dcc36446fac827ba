package io.tradecore.insights;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a series longer than max_points is reduced. */
public enum DownsampleMethod {
  /**
   * M4: max_points/4 buckets of equal step width, keeping each bucket's first, last, minimum and
   * maximum rows, so no spike or drawdown disappears.
   */
  MINMAX,
  /**
   * Largest-triangle-three-buckets to max_points, run in Java over a minmax pre-aggregation of
   * max_points buckets (at most 4 x max_points points), never over the raw rows.
   */
  LTTB,
  /**
   * The first row of each of max_points buckets of equal step width: every k-th row when steps are
   * evenly spaced, like the old viewer.
   */
  STRIDE;

  /** The name used in queries: minmax, lttb or stride. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses minmax, lttb or stride (any case); null or blank gives minmax. */
  public static DownsampleMethod parse(String text) {
    if (text == null || text.isBlank()) {
      return MINMAX;
    }
    for (DownsampleMethod m : values()) {
      if (m.id().equalsIgnoreCase(text.strip())) {
        return m;
      }
    }
    throw new TraceQueryException(
        "method",
        "unknown method '"
            + TraceQueryException.shown(text)
            + "'; methods: "
            + Arrays.stream(values()).map(DownsampleMethod::id).collect(Collectors.joining(", ")));
  }
}
