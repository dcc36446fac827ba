package io.tradecore.web.insights;

import io.javalin.Javalin;

/** The Run Insights routes; a run name may hold '/' (it is the folder relative to its root). */
public final class InsightsRoutes {
  private InsightsRoutes() {}

  /** Adds GET /api/runs, /api/runs/{run} and /api/run-actions/{run} to {@code app}. */
  public static void register(Javalin app, InsightsApi api) {
    app.get("/api/runs", api::list);
    app.get("/api/runs/<run>", api::detail);
    app.get("/api/run-actions/<run>", api::actions);
  }
}
