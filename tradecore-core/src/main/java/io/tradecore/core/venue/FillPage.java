package io.tradecore.core.venue;

import io.tradecore.core.domain.Fill;
import java.util.List;

/**
 * Fills a venue reports after a cursor, oldest first, and the cursor to ask from next time (the
 * same cursor when there were none). Immutable.
 */
public record FillPage(List<Fill> fills, String cursor) {
  public FillPage {
    fills = List.copyOf(fills);
  }
}
