package io.tradecore.runner.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecore.store.OutboxRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Telegram's Bot API {@code sendMessage}: the message as plain text (at most 4,096 characters),
 * silent ones with {@code disable_notification}. A 429's {@code parameters.retry_after} is waited
 * out before the next try. The token is part of the URL, so no error text ever shows the URL.
 */
final class TelegramSender implements Sender {
  /** Telegram's limit on one message's text. */
  static final int MAX_TEXT = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Destination.Telegram destination;

  TelegramSender(Destination.Telegram destination) {
    this.destination = destination;
  }

  @Override
  public Outcome send(OutboxRepository.Message m) {
    Secret token = destination.botToken();
    ObjectNode body = JSON.createObjectNode();
    body.put("chat_id", destination.chatId());
    body.put("text", text(m.subject(), m.body()));
    body.put("disable_notification", m.silent());
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    destination.baseUrl().toString().replaceAll("/+$", "")
                        + "/bot"
                        + token.reveal()
                        + "/sendMessage"))
            .timeout(Http.REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Outcome.Retry(null, token.redact(Http.failure(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Retry(null, "interrupted");
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() == 200 && answer.path("ok").asBoolean(false)) {
      return new Outcome.Sent();
    }
    String why =
        "Telegram answered "
            + response.statusCode()
            + ": "
            + token.redact(
                answer.hasNonNull("description")
                    ? answer.get("description").asText()
                    : Http.excerpt(response.body(), 200));
    if (response.statusCode() == 429) {
      JsonNode retry = answer.path("parameters").path("retry_after");
      Duration after =
          retry.canConvertToLong()
              ? Duration.ofSeconds(Math.max(1, retry.asLong()))
              : Http.retryAfter(response).orElse(null);
      return new Outcome.Retry(after, why);
    }
    return Http.passing(response.statusCode())
        ? new Outcome.Retry(null, why)
        : new Outcome.Refused(why);
  }

  /** The subject and body as one text, cut to Telegram's limit with a note saying so. */
  static String text(String subject, String body) {
    String text = subject + "\n" + body;
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    String note = "\n... (cut: the whole text is in TradeCore)";
    return text.substring(0, MAX_TEXT - note.length()) + note;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
