package io.tradecore.runner.notify;

import io.tradecore.store.OutboxRepository;
import io.tradecore.store.PortfolioRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tradecore notify test}: one message straight to each destination, not through the outbox,
 * so the answer of each is known at once.
 */
public final class TestMessage {
  private TestMessage() {}

  /** Sends the test message to every destination; each destination's outcome, by name. */
  public static Map<String, Sender.Outcome> sendAll(
      PortfolioRecord portfolio, Notifications notifications, Instant now) {
    Map<String, Sender.Outcome> out = new LinkedHashMap<>();
    for (Destination d : notifications.destinations()) {
      OutboxRepository.Message m =
          new OutboxRepository.Message(
              portfolio.id(),
              d.name(),
              "test:" + now.toEpochMilli(),
              MessageKind.TEST.key(),
              false,
              portfolio.name() + ": test message",
              "This is a test message from TradeCore for portfolio "
                  + portfolio.name()
                  + " to destination "
                  + d.name()
                  + ", sent at "
                  + now
                  + ". If you read this, the destination works.");
      out.put(d.name(), Sender.of(d, portfolio.name()).send(m));
    }
    return out;
  }
}
