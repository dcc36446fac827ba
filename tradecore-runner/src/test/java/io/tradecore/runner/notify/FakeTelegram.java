package io.tradecore.runner.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Telegram Bot API: {@code POST /bot<token>/sendMessage} with a JSON body, answered as
 * the Bot API does ({@code {"ok":true,"result":{...}}}; errors {@code {"ok":false,"error_code":..,
 * "description":..}}, a 429 with {@code parameters.retry_after}). A wrong token gets 401.
 */
public final class FakeTelegram extends FakeHttpEndpoint {
  private final String token;
  private final AtomicInteger messageIds = new AtomicInteger();
  private volatile int tooManyRequests;
  private volatile int retryAfterSeconds;

  public FakeTelegram(String token) {
    this.token = token;
    start();
  }

  /** The next {@code count} messages get 429 Too Many Requests, retry after {@code seconds}. */
  public void tooManyRequests(int count, int seconds) {
    this.retryAfterSeconds = seconds;
    this.tooManyRequests = count;
  }

  /** The texts of the messages accepted, in order. */
  public List<String> texts() {
    return accepted().stream().map(b -> b.path("text").asText()).toList();
  }

  @Override
  protected Answer answer(String path, JsonNode body) {
    if (!path.equals("/bot" + token + "/sendMessage")) {
      // Telegram answers an unknown token with 401 and an unknown method with 404.
      return path.endsWith("/sendMessage")
          ? error(401, "Unauthorized", null)
          : error(404, "Not Found", null);
    }
    if (!body.hasNonNull("chat_id") || body.path("text").asText().isEmpty()) {
      return error(400, "Bad Request: message text is empty", null);
    }
    if (body.path("text").asText().length() > 4096) {
      return error(400, "Bad Request: message is too long", null);
    }
    if (tooManyRequests > 0) {
      tooManyRequests--;
      return error(
          429,
          "Too Many Requests: retry after " + retryAfterSeconds,
          "{\"retry_after\":" + retryAfterSeconds + "}");
    }
    return new Answer(
        200,
        "{\"ok\":true,\"result\":{\"message_id\":"
            + messageIds.incrementAndGet()
            + ",\"chat\":{\"id\":"
            + body.get("chat_id")
            + "},\"text\":"
            + body.get("text")
            + "}}",
        null);
  }

  /** A proxy's error page, as some quote it: with the URL asked for, token and all. */
  @Override
  protected Answer failing(String path) {
    return error(502, "Bad Gateway: no answer from upstream for " + path, null);
  }

  private static Answer error(int code, String description, String parameters) {
    return new Answer(
        code,
        "{\"ok\":false,\"error_code\":"
            + code
            + ",\"description\":\""
            + description
            + "\""
            + (parameters == null ? "" : ",\"parameters\":" + parameters)
            + "}",
        null);
  }
}
