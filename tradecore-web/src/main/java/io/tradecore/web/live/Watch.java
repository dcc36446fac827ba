package io.tradecore.web.live;

import io.javalin.http.sse.SseClient;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.ChangeQueries;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One watched portfolio: its subscribers and what they have been told so far (the cursor and each
 * plan's latest change). Touched only by the live-update thread, apart from the subscriber list.
 */
final class Watch {
  final PortfolioRecord record;
  final List<SseClient> clients = new CopyOnWriteArrayList<>();
  ChangeQueries.Cursor cursor;
  Map<String, Long> planChanges;

  Watch(PortfolioRecord record, ChangeQueries.Cursor cursor, Map<String, Long> planChanges) {
    this.record = record;
    this.cursor = cursor;
    this.planChanges = planChanges;
  }
}
