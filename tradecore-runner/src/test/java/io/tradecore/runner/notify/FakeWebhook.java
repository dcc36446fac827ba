package io.tradecore.runner.notify;

import com.fasterxml.jackson.databind.JsonNode;

/** A loopback webhook receiver: takes any JSON POST to {@code /hook} with 204 No Content. */
public final class FakeWebhook extends FakeHttpEndpoint {
  private volatile int tooManyRequests;
  private volatile int retryAfterSeconds;
  private volatile String refusing;

  public FakeWebhook() {
    start();
  }

  public String url() {
    return baseUrl() + "/hook";
  }

  /** The next {@code count} requests get 429 with {@code Retry-After: seconds}. */
  public void tooManyRequests(int count, int seconds) {
    this.retryAfterSeconds = seconds;
    this.tooManyRequests = count;
  }

  /** Messages whose text contains {@code text} are refused with 422, as a bad payload. */
  public void refuse(String text) {
    this.refusing = text;
  }

  @Override
  protected Answer answer(String path, JsonNode body) {
    if (!path.equals("/hook")) {
      return new Answer(404, "{\"error\":\"no such hook\"}", null);
    }
    String refused = refusing;
    if (refused != null && body.path("text").asText().contains(refused)) {
      return new Answer(422, "{\"error\":\"cannot take this one\"}", null);
    }
    if (tooManyRequests > 0) {
      tooManyRequests--;
      return new Answer(429, "{\"error\":\"slow down\"}", Integer.toString(retryAfterSeconds));
    }
    return new Answer(204, "", null);
  }
}
