package io.tradecore.runner.notify;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The HTTP client the web senders share, and how they read a server's "wait" answer. */
final class Http {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private Http() {}

  /** A {@code Retry-After} header's wait: seconds, or an HTTP date. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip()))));
              } catch (NumberFormatException notSeconds) {
                try {
                  ZonedDateTime at =
                      ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                  Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                  return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException neither) {
                  return Optional.empty();
                }
              }
            });
  }

  /** Whether a status means "try again later": 408, 425, 429 and 5xx. */
  static boolean passing(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
  }

  /** A short description of a failed call, without the request's URL. */
  static String failure(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  /** The first {@code max} characters of a response body, on one line. */
  static String excerpt(String body, int max) {
    String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }
}
