package io.tradecore.web;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.tradecore.web.api.ActivityApi;
import io.tradecore.web.api.HealthApi;
import io.tradecore.web.api.HistoryApi;
import io.tradecore.web.api.LlmApi;
import io.tradecore.web.api.LogApi;
import io.tradecore.web.api.MarketApi;
import io.tradecore.web.api.PlanApi;
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
      LlmApi llm,
      StreamApi stream,
      MarketApi market,
      PlanApi plans) {}

  /**
   * Registers the routes. Every read answers HEAD as it answers GET (same checks, same status, no
   * body), rather than Javalin's default 200 for HEAD of any GET route.
   */
  static void register(Javalin app, Handlers h, WebMetrics metrics) {
    String one = "/api/portfolios/{name}";
    read(app, "/api/health", h.health()::health);
    read(app, "/api/portfolios", h.portfolios()::list);
    read(app, one, h.portfolios()::get);
    read(app, one + "/positions", h.portfolios()::positions);
    read(app, one + "/plans", h.activity()::plans);
    app.post(one + "/plans", h.plans()::open);
    app.post(one + "/plans/{plan}/adjust", h.plans()::adjust);
    app.post(one + "/plans/{plan}/close", h.plans()::close);
    read(app, one + "/plan-requests", h.plans()::requests);
    read(app, one + "/plan-requests/{id}", h.plans()::request);
    read(app, one + "/orders", h.activity()::orders);
    read(app, one + "/fills", h.activity()::fills);
    read(app, one + "/runs", h.activity()::runs);
    read(app, one + "/equity", h.history()::equity);
    read(app, one + "/days", h.history()::days);
    read(app, one + "/bars", h.market()::bars);
    read(app, one + "/logs", h.logs()::list);
    read(app, one + "/logs/{day}", h.logs()::day);
    app.post(one + "/logs/{day}/notes", h.logs()::addNote);
    read(app, one + "/llm/traces", h.llm()::traces);
    app.get(one + "/stream", h.stream()::stream);
    app.head(one + "/stream", h.stream()::head);
    read(
        app,
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  /** Routes GET and HEAD of {@code path} to {@code handler}. */
  static void read(Javalin app, String path, Handler handler) {
    app.get(path, handler);
    app.head(path, handler);
  }
}
