package io.tradecore.runner.notify;

import io.tradecore.store.OutboxRepository;
import java.time.Duration;

/** Sends one message to one destination and says how it went; it never throws. */
public interface Sender {
  Outcome send(OutboxRepository.Message message);

  /** How a send went. */
  sealed interface Outcome {
    /** The destination accepted the message. */
    record Sent() implements Outcome {}

    /**
     * A passing failure (no answer, a timeout, 5xx, 429): try again, after {@code after} when the
     * destination said how long to wait, else after the dispatcher's backoff.
     */
    record Retry(Duration after, String reason) implements Outcome {}

    /** The destination refused the message itself (a bad chat id, address or token). */
    record Refused(String reason) implements Outcome {}
  }

  /** The sender for {@code d}, for messages of the portfolio called {@code portfolioName}. */
  static Sender of(Destination d, String portfolioName) {
    return switch (d) {
      case Destination.Telegram t -> new TelegramSender(t);
      case Destination.Webhook w -> new WebhookSender(w, portfolioName);
      case Destination.Email e -> new EmailSender(e);
    };
  }
}
