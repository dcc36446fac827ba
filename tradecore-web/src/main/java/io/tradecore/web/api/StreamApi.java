package io.tradecore.web.api;

import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.web.ApiException;
import io.tradecore.web.PortfolioLookup;
import io.tradecore.web.live.LiveUpdates;

/** GET /api/portfolios/{name}/stream: server-sent events of what runners commit. */
public final class StreamApi {
  private static final String EVENT_STREAM = "text/event-stream";
  private final PortfolioLookup lookup;
  private final LiveUpdates live;

  public StreamApi(PortfolioLookup lookup, LiveUpdates live) {
    this.lookup = lookup;
    this.live = live;
  }

  public void stream(Context ctx) throws Exception {
    PortfolioRecord record = lookup.find(ctx);
    requireEventStream(ctx);
    ctx.req().setAttribute("tradecore.stream", Boolean.TRUE);
    new SseHandler(
            0,
            client -> {
              client.keepAlive();
              live.subscribe(record, client);
            })
        .handle(ctx);
  }

  /** HEAD of the stream: the checks GET makes, without opening a stream. */
  public void head(Context ctx) {
    lookup.find(ctx);
    requireEventStream(ctx);
    ctx.contentType(EVENT_STREAM);
  }

  private static void requireEventStream(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.strip().equals(EVENT_STREAM)) {
      throw new ApiException(
          406,
          "this endpoint is a server-sent event stream: ask for it with the header"
              + " Accept: text/event-stream (as EventSource does)",
          "Accept");
    }
  }
}
