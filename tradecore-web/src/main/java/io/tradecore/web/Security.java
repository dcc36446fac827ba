package io.tradecore.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may do what. With a token configured every request must carry {@code Authorization: Bearer
 * <token>} (the stream also takes {@code ?access_token=}, as a browser's EventSource cannot set
 * headers), except a GET or HEAD of one of the dashboard's static files, which hold no data and are
 * served to anyone who can connect. A write needs the token always, so a server without one refuses
 * every write.
 *
 * <p>The exception is an allow-list of plainly spelled file paths, not a list of protected
 * prefixes: a path the router would also match in another spelling (a trailing or doubled slash,
 * other letter case, percent-encoding, dot segments) is simply not a dashboard file, so it needs
 * the token like every other request, whatever endpoint it reaches.
 */
public final class Security {
  /** The shortest token accepted. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** The folders of the dashboard's static files (see {@link #isDashboardFile}). */
  private static final List<String> FILE_FOLDERS = List.of("css", "js", "webjars");

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

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
    boolean read = method == HandlerType.GET || method == HandlerType.HEAD;
    if (method == HandlerType.OPTIONS || (read && isDashboardFile(path))) {
      return; // a CORS preflight carries no token and gets no data; the files hold none
    }
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
    String presented = presented(ctx, read && isStream(path));
    if (presented == null) {
      throw unauthorized(ctx, "this server needs an API token: send Authorization: Bearer <token>");
    }
    if (!MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw unauthorized(ctx, "the API token is wrong");
    }
  }

  /**
   * Whether {@code rawPath} (as sent, not decoded) plainly names one of the dashboard's static
   * files: {@code /}, {@code /index.html}, or a file under /css, /js or /webjars whose path
   * segments are plain names (letters, digits, '.', '_', '-'; none empty, none starting with '.').
   * No endpoint lives there.
   */
  static boolean isDashboardFile(String rawPath) {
    if (rawPath.equals("/") || rawPath.equals("/index.html")) {
      return true;
    }
    if (!rawPath.startsWith("/")) {
      return false;
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    if (segments.length < 2 || !FILE_FOLDERS.contains(segments[0])) {
      return false;
    }
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The live stream, the one endpoint that may take the token as a query parameter. */
  private static boolean isStream(String rawPath) {
    String trimmed = rawPath;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.endsWith("/stream");
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
