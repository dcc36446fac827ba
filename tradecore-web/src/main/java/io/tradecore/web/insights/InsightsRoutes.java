package io.tradecore.web.insights;

import io.javalin.Javalin;
import io.javalin.http.Handler;

/** The Run Insights routes; a run name may hold '/' (it is the folder relative to its root). */
public final class InsightsRoutes {
  private InsightsRoutes() {}

  /**
   * Adds GET (and HEAD, answered as GET is) /api/runs, /api/runs/{run}, /api/run-actions/{run} and
   * /api/run-sweep/{run} to {@code app}.
   */
  public static void register(Javalin app, InsightsApi api) {
    read(app, "/api/runs", api::list);
    read(app, "/api/runs/<run>", api::detail);
    read(app, "/api/run-actions/<run>", api::actions);
    read(app, "/api/run-sweep/<run>", api::sweep);
  }

  private static void read(Javalin app, String path, Handler handler) {
    app.get(path, handler);
    app.head(path, handler);
  }
}
