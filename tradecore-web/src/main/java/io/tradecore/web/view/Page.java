package io.tradecore.web.view;

import java.util.List;

/** One page of a longer list: how many items match in all, the page's bounds and its items. */
public record Page<T>(long total, int limit, int offset, List<T> items) {
  public Page {
    items = List.copyOf(items);
  }
}
