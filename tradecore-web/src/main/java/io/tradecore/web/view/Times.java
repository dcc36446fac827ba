package io.tradecore.web.view;

import java.time.Instant;

/** How the API writes times: ISO-8601 instants in UTC, e.g. {@code 2024-06-03T13:30:00Z}. */
public final class Times {
  private Times() {}

  public static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }

  /** The instant as ISO-8601, or null. */
  public static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
