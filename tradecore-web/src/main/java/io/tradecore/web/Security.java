package io.tradecore.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may do what. With a token configured every request to /api and /metrics must carry {@code
 * Authorization: Bearer <token>} (the stream also takes {@code ?access_token=}, as a browser's
 * EventSource cannot set headers); a write needs the token always, so a server without one refuses
 * every write. The dashboard's static files hold no data and are served to anyone who can connect.
 */
public final class Security {
  /** The shortest token accepted. */
  public static final int MIN_TOKEN_LENGTH = 16;

  private final String token;

  public Security(String token) {
    this.token = token;
  }

  /**
   * Refuses a configuration that would expose the API beyond this machine without a token, or that
   * has a token too short to be one.
   *
   * @throws IllegalStateException with a message that says what to do
   */
  public static void checkBinding(WebConfig config) {
    if (config.apiToken() != null && config.apiToken().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalStateException(
          WebConfig.TOKEN_VARIABLE
              + " must be at least "
              + MIN_TOKEN_LENGTH
              + " characters long (it has "
              + config.apiToken().length()
              + ")");
    }
    if (!isLoopback(config.bind()) && config.apiToken() == null) {
      throw new IllegalStateException(
          "refusing to listen on "
              + config.bind()
              + " without an API token: anyone who can reach that address could read every"
              + " portfolio. Set "
              + WebConfig.TOKEN_VARIABLE
              + " (at least "
              + MIN_TOKEN_LENGTH
              + " characters), or bind to 127.0.0.1");
    }
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("cannot resolve the bind address '" + host + "'", e);
    }
  }

  /** The before-handler: throws a 401 when the request needs a token it lacks. */
  public void check(Context ctx) {
    HandlerType method = ctx.method();
    String path = ctx.path();
    boolean api = path.equals("/api") || path.startsWith("/api/");
    if (method == HandlerType.OPTIONS || !(api || path.equals("/metrics"))) {
      return;
    }
    boolean read = method == HandlerType.GET || method == HandlerType.HEAD;
    if (!read && token == null) {
      throw unauthorized(
          ctx,
          "writes need an API token: start the server with "
              + WebConfig.TOKEN_VARIABLE
              + " set and send it as Authorization: Bearer <token>");
    }
    if (token == null) {
      return;
    }
    String presented = presented(ctx, read && path.endsWith("/stream"));
    if (presented == null) {
      throw unauthorized(ctx, "this server needs an API token: send Authorization: Bearer <token>");
    }
    if (!MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw unauthorized(ctx, "the API token is wrong");
    }
  }

  private static String presented(Context ctx, boolean queryAllowed) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).strip();
    }
    if (queryAllowed) {
      String query = ctx.queryParam("access_token");
      if (query != null && !query.isBlank()) {
        return query.strip();
      }
    }
    return null;
  }

  private static ApiException unauthorized(Context ctx, String message) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"tradecore\"");
    return ApiException.unauthorized(message);
  }
}
