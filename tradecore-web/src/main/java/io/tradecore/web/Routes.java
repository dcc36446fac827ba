package io.tradecore.web;

import io.javalin.Javalin;
import io.tradecore.web.api.ActivityApi;
import io.tradecore.web.api.HealthApi;
import io.tradecore.web.api.HistoryApi;
import io.tradecore.web.api.LogApi;
import io.tradecore.web.api.MarketApi;
import io.tradecore.web.api.PortfolioApi;
import io.tradecore.web.api.StreamApi;
import io.tradecore.web.metrics.WebMetrics;

/** Every route of the server and the handler method it points at. */
final class Routes {
  private Routes() {}

  /** The handler objects the routes point into. */
  record Handlers(
      HealthApi health,
      PortfolioApi portfolios,
      ActivityApi activity,
      HistoryApi history,
      LogApi logs,
      StreamApi stream,
      MarketApi market) {}

  static void register(Javalin app, Handlers h, WebMetrics metrics) {
    String one = "/api/portfolios/{name}";
    app.get("/api/health", h.health()::health);
    app.get("/api/portfolios", h.portfolios()::list);
    app.get(one, h.portfolios()::get);
    app.get(one + "/positions", h.portfolios()::positions);
    app.get(one + "/plans", h.activity()::plans);
    app.get(one + "/orders", h.activity()::orders);
    app.get(one + "/fills", h.activity()::fills);
    app.get(one + "/runs", h.activity()::runs);
    app.get(one + "/equity", h.history()::equity);
    app.get(one + "/days", h.history()::days);
    app.get(one + "/bars", h.market()::bars);
    app.get(one + "/logs", h.logs()::list);
    app.get(one + "/logs/{day}", h.logs()::day);
    app.post(one + "/logs/{day}/notes", h.logs()::addNote);
    app.get(one + "/stream", h.stream()::stream);
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }
}
