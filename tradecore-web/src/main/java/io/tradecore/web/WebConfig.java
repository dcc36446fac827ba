package io.tradecore.web;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the web server listens and whom it lets in: the address and port, the API token (from
 * TRADECORE_API_TOKEN; null for none), the one browser origin allowed cross-origin (null: CORS off)
 * and how often the live stream polls the database and sends heartbeats.
 */
public record WebConfig(
    String bind,
    int port,
    String apiToken,
    String allowedOrigin,
    Duration pollInterval,
    Duration heartbeatInterval) {

  /** The address the server binds to unless told otherwise: this machine only. */
  public static final String DEFAULT_BIND = "127.0.0.1";

  /** The port the server listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 8080;

  /** The environment variable holding the API token. */
  public static final String TOKEN_VARIABLE = "TRADECORE_API_TOKEN";

  /** The environment variable holding the one origin allowed cross-origin requests. */
  public static final String CORS_VARIABLE = "TRADECORE_CORS_ORIGIN";

  /** Checks the values; a blank token or origin counts as none. */
  public WebConfig {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("the bind address must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535 but was " + port);
    }
    apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken.strip();
    allowedOrigin = allowedOrigin == null || allowedOrigin.isBlank() ? null : allowedOrigin.strip();
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive");
    }
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("the heartbeat interval must be positive");
    }
  }

  /** 127.0.0.1:8080, no token, no CORS, polling every 500 ms, a heartbeat every 15 s. */
  public static WebConfig defaults() {
    return new WebConfig(
        DEFAULT_BIND, DEFAULT_PORT, null, null, Duration.ofMillis(500), Duration.ofSeconds(15));
  }

  /**
   * The configuration for {@code serve --bind BIND --port PORT}: the token from {@value
   * #TOKEN_VARIABLE} and the CORS origin from {@value #CORS_VARIABLE} in {@code env}.
   */
  public static WebConfig of(String bind, int port, Map<String, String> env) {
    return defaults()
        .withBind(bind == null ? DEFAULT_BIND : bind)
        .withPort(port)
        .withApiToken(env.get(TOKEN_VARIABLE))
        .withAllowedOrigin(env.get(CORS_VARIABLE));
  }

  public WebConfig withBind(String newBind) {
    return new WebConfig(newBind, port, apiToken, allowedOrigin, pollInterval, heartbeatInterval);
  }

  public WebConfig withPort(int newPort) {
    return new WebConfig(bind, newPort, apiToken, allowedOrigin, pollInterval, heartbeatInterval);
  }

  public WebConfig withApiToken(String token) {
    return new WebConfig(bind, port, token, allowedOrigin, pollInterval, heartbeatInterval);
  }

  public WebConfig withAllowedOrigin(String origin) {
    return new WebConfig(bind, port, apiToken, origin, pollInterval, heartbeatInterval);
  }

  public WebConfig withIntervals(Duration poll, Duration heartbeat) {
    return new WebConfig(bind, port, apiToken, allowedOrigin, poll, heartbeat);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "WebConfig[bind="
        + bind
        + ", port="
        + port
        + ", apiToken="
        + (apiToken == null ? "none" : "***")
        + ", allowedOrigin="
        + allowedOrigin
        + ", pollInterval="
        + pollInterval
        + ", heartbeatInterval="
        + heartbeatInterval
        + "]";
  }
}
