package io.tradecore.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into JSON {@code {"error": message, "parameter": name}}: the API's own errors
 * with their status, Javalin's (unknown endpoint, wrong method) with theirs, and anything else as a
 * 500 {@code {"error": "internal error"}}, logged here with its stack trace, which never leaves the
 * server.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  static void register(Javalin app) {
    app.exception(ApiException.class, Errors::api);
    app.exception(HttpResponseException.class, Errors::http);
    app.exception(Exception.class, Errors::unexpected);
  }

  static Map<String, Object> body(String message, String parameter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    return body;
  }

  private static void api(ApiException e, Context ctx) {
    ctx.status(e.status()).json(body(e.getMessage(), e.parameter()));
  }

  private static void http(HttpResponseException e, Context ctx) {
    String message =
        e instanceof EndpointNotFound
            ? "no such endpoint: " + ctx.method() + " " + Params.shown(ctx.path())
            : e.getMessage();
    ctx.status(e.getStatus()).json(body(message, null));
  }

  private static void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    ctx.status(500).json(body("internal error", null));
  }
}
