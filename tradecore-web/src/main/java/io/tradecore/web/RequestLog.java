package io.tradecore.web;

import io.javalin.http.Context;
import io.tradecore.web.metrics.WebMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs each finished request (method, path without its query, status, duration; portfolio_id in the
 * MDC when the request named a portfolio) and times it in the metrics by route.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.tradecore.web.requests");
  private final WebMetrics metrics;

  RequestLog(WebMetrics metrics) {
    this.metrics = metrics;
  }

  void finished(Context ctx, float millis) {
    int status = ctx.statusCode();
    String route = route(ctx, status);
    metrics.request(ctx.method().name(), route, status, (long) (millis * 1_000_000L));
    String portfolio = ctx.attribute(PortfolioLookup.ATTRIBUTE);
    if (portfolio != null) {
      MDC.put("portfolio_id", portfolio);
    }
    try {
      LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), status, String.format("%.1f", millis));
    } finally {
      MDC.remove("portfolio_id");
    }
  }

  /** The matched route template, so the metrics' route label stays a short list. */
  static String route(Context ctx, int status) {
    String path;
    try {
      path = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      path = "";
    }
    if (path != null && path.startsWith("/") && !path.equals("/*")) {
      return path;
    }
    if (status == 404) {
      return "NOT_FOUND";
    }
    if (status == 401) {
      return "UNAUTHORIZED";
    }
    return ctx.path().startsWith("/api") ? "OTHER" : "STATIC";
  }
}
