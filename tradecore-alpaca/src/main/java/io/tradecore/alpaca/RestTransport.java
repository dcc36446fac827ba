package io.tradecore.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one REST request to Alpaca with its keys, a timeout, the shared rate limiter, and the
 * retries its kind allows: an idempotent request is retried on timeouts, lost connections, 5xx and
 * 429; any other only where Alpaca cannot have acted on it (not sent, or 429). Thread-safe.
 */
final class RestTransport {
  private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);
  private static final int MAX_BODY_IN_MESSAGE = 200;

  /** An HTTP answer from Alpaca. */
  record Response(int status, String body, HttpHeaders headers) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** The request may have reached Alpaca, which may have acted on it, but its answer is lost. */
  static final class ResponseLost extends Exception {
    private static final long serialVersionUID = 1L;

    ResponseLost(String reason) {
      super(reason);
    }
  }

  private sealed interface Attempt {}

  private record Answered(Response response) implements Attempt {}

  private record NotSent(String reason) implements Attempt {}

  private record Lost(String reason) implements Attempt {}

  private final HttpClient http;
  private final AlpacaConfig config;
  private final RetryPolicy policy;
  private final RateLimiter limiter;
  private final Backoff backoff;
  private final Sleeper sleeper;

  RestTransport(
      HttpClient http,
      AlpacaConfig config,
      RetryPolicy policy,
      RateLimiter limiter,
      Backoff backoff,
      Sleeper sleeper) {
    this.http = http;
    this.config = config;
    this.policy = policy;
    this.limiter = limiter;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  /** A request that may be repeated: returns a 2xx or 4xx answer, or throws after the retries. */
  Response idempotent(String what, String method, URI uri, String body) {
    try {
      return send(what, method, uri, body, true);
    } catch (ResponseLost e) {
      throw new IllegalStateException("an idempotent request is retried, never lost", e);
    }
  }

  /**
   * A request that must not be repeated blindly: retried only when Alpaca cannot have acted on it.
   *
   * @throws ResponseLost when it may have reached Alpaca (timeout, lost connection, 5xx)
   */
  Response once(String what, String method, URI uri, String body) throws ResponseLost {
    return send(what, method, uri, body, false);
  }

  /** The rejection a 4xx answer stands for, naming {@code subject} and Alpaca's message. */
  BrokerRejection rejection(String subject, Response response) {
    long code = 0;
    String message = response.body().strip();
    try {
      JsonNode node = Json.MAPPER.readTree(response.body());
      if (node != null && node.isObject()) {
        code = node.path("code").asLong(0);
        message = node.path("message").asText(message);
      }
    } catch (IOException e) {
      // not JSON: keep the body's text
    }
    if (message.isEmpty()) {
      message = "(no message)";
    }
    if (message.length() > MAX_BODY_IN_MESSAGE) {
      message = message.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
    return new BrokerRejection(subject, response.status(), code, config.redact(message));
  }

  /** Waits {@code wait}, the client's sleeper deciding how. */
  void pause(Duration wait) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlpacaException("interrupted while waiting to retry Alpaca");
    }
  }

  Duration backoff(int retry) {
    return backoff.delay(retry);
  }

  private Response send(String what, String method, URI uri, String body, boolean idempotent)
      throws ResponseLost {
    for (int attempt = 1; ; attempt++) {
      Attempt outcome = attempt(what, method, uri, body);
      String problem;
      Duration wait;
      switch (outcome) {
        case Answered(Response r) when r.status() == 429 -> {
          problem = "429 too many requests";
          // The limiter now holds every caller until the reset; this one waits in reserve().
          wait = limiter.tooManyRequests(r.headers(), backoff.delay(attempt));
        }
        case Answered(Response r) when r.status() >= 500 -> {
          problem = r.status() + " " + brief(r.body());
          if (!idempotent) {
            throw new ResponseLost("Alpaca answered " + problem);
          }
          wait = backoff.delay(attempt);
        }
        case Answered(Response r) -> {
          return r;
        }
        case NotSent(String reason) -> {
          problem = reason;
          wait = backoff.delay(attempt);
        }
        case Lost(String reason) -> {
          problem = reason;
          if (!idempotent) {
            throw new ResponseLost(reason);
          }
          wait = backoff.delay(attempt);
        }
      }
      if (attempt >= policy.maxAttempts()) {
        throw new BrokerUnavailable(
            "Alpaca " + what + " failed after " + attempt + " attempts; last: " + problem);
      }
      LOG.warn(
          "Alpaca {}: {}; retry {} of {} in {} ms",
          what,
          problem,
          attempt,
          policy.maxAttempts() - 1,
          wait.toMillis());
      if (!problem.startsWith("429")) {
        pause(wait);
      }
    }
  }

  private Attempt attempt(String what, String method, URI uri, String body) {
    pause(limiter.reserve());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(policy.requestTimeout())
            .header("APCA-API-KEY-ID", config.keyId())
            .header("APCA-API-SECRET-KEY", config.secret())
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      limiter.observe(response.headers());
      if (response.statusCode() >= 500) {
        limiter.failed();
      }
      LOG.debug("Alpaca {} answered {}", what, response.statusCode());
      return new Answered(new Response(response.statusCode(), response.body(), response.headers()));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      limiter.failed();
      return new NotSent("cannot connect to " + uri.getHost() + ": " + describe(e));
    } catch (HttpTimeoutException e) {
      limiter.failed();
      return new Lost("no answer within " + policy.requestTimeout().toMillis() + " ms");
    } catch (IOException e) {
      limiter.failed();
      return new Lost("connection lost: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlpacaException("interrupted during Alpaca " + what);
    }
  }

  private String describe(Exception e) {
    String message = e.getMessage();
    return config.redact(
        e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message));
  }

  private String brief(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return config.redact(
        text.length() > MAX_BODY_IN_MESSAGE
            ? text.substring(0, MAX_BODY_IN_MESSAGE) + "..."
            : text);
  }
}
