package io.tradecore.web;

import io.javalin.http.Context;

/**
 * The headers every answer carries: no framing (clickjacking), no MIME sniffing, no referrer (the
 * stream's URL may hold the token), and a Content-Security-Policy that lets the dashboard load only
 * its own scripts, styles and API, with no inline script.
 */
final class SecurityHeaders {
  /**
   * The dashboard's policy: its own ES modules and Chart.js from the WebJar ('self'), its own
   * stylesheet, fetch and EventSource to its own API, and the empty data: favicon; nothing else.
   */
  static final String POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  private SecurityHeaders() {}

  /** The before-handler: sets the headers, so errors and static files carry them too. */
  static void add(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", POLICY);
  }
}
