package io.tradecore.runner.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecore.store.OutboxRepository;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook: each message POSTed as JSON ({@code id}, {@code portfolio}, {@code type},
 * {@code silent}, {@code subject}, {@code text}). The {@code id} (also the {@code Idempotency-Key}
 * header) is the same on every try, so a receiver can drop the one duplicate a crash may cause.
 * With a signing key, {@code X-TradeCore-Signature: sha256=<hex HMAC-SHA256 of the body>}. Any 2xx
 * is success; 408, 429 (its {@code Retry-After} honoured) and 5xx are tried again; other answers
 * are refusals.
 */
final class WebhookSender implements Sender {
  static final String SIGNATURE_HEADER = "X-TradeCore-Signature";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Destination.Webhook destination;
  private final String portfolioName;

  WebhookSender(Destination.Webhook destination, String portfolioName) {
    this.destination = destination;
    this.portfolioName = portfolioName;
  }

  @Override
  public Outcome send(OutboxRepository.Message m) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", m.key());
    json.put("portfolio", portfolioName);
    json.put("type", m.kind());
    json.put("silent", m.silent());
    json.put("subject", m.subject());
    json.put("text", m.body());
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(destination.url())
            .timeout(Http.REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", portfolioName + "/" + m.key())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (destination.signingKey() != null) {
      request.header(SIGNATURE_HEADER, "sha256=" + sign(destination.signingKey(), body));
    }
    HttpResponse<String> response;
    try {
      response = Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Outcome.Retry(null, redact(Http.failure(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Retry(null, "interrupted");
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return new Outcome.Sent();
    }
    String why =
        "the webhook answered " + status + ": " + redact(Http.excerpt(response.body(), 200));
    if (status == 429 || status == 503) {
      return new Outcome.Retry(Http.retryAfter(response).orElse(null), why);
    }
    return Http.passing(status) ? new Outcome.Retry(null, why) : new Outcome.Refused(why);
  }

  /** The hex HMAC-SHA256 of {@code body} under {@code key}. */
  static String sign(Secret key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private String redact(String text) {
    return destination.signingKey() == null ? text : destination.signingKey().redact(text);
  }
}
