package io.tradecore.runner.notify;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a portfolio's notifications go, as configured under {@code
 * notifications.<portfolio>.<name>} in {@code tradecore.yaml}: what kinds of message it takes and
 * how many a minute at most.
 */
public sealed interface Destination {
  String name();

  /** At most this many messages a minute are sent to it. */
  int perMinute();

  Map<MessageKind, Delivery> messages();

  /** What it gets of a kind; the test message always goes out, with a sound. */
  default Delivery delivery(MessageKind kind) {
    return kind == MessageKind.TEST ? Delivery.ON : messages().getOrDefault(kind, Delivery.ON);
  }

  /** The secrets it needs and whether each is set. */
  List<Secret> secrets();

  /** Names each secret that is not set, or an empty list. */
  default List<String> missingSecrets() {
    return secrets().stream()
        .filter(s -> !s.isSet())
        .map(s -> "the environment variable " + s.variable() + " is not set")
        .toList();
  }

  /** Telegram's Bot API: {@code sendMessage} to one chat. */
  record Telegram(
      String name,
      URI baseUrl,
      Secret botToken,
      String chatId,
      int perMinute,
      Map<MessageKind, Delivery> messages)
      implements Destination {
    public Telegram {
      messages = copy(messages);
    }

    @Override
    public List<Secret> secrets() {
      return List.of(botToken);
    }
  }

  /** An HTTP endpoint that takes each message as JSON, signed when a secret is set. */
  record Webhook(
      String name, URI url, Secret signingKey, int perMinute, Map<MessageKind, Delivery> messages)
      implements Destination {
    public Webhook {
      messages = copy(messages);
    }

    @Override
    public List<Secret> secrets() {
      return signingKey == null ? List.of() : List.of(signingKey);
    }
  }

  /** E-mail through an SMTP server. */
  record Email(
      String name,
      String host,
      int port,
      Security security,
      String username,
      Secret password,
      String from,
      List<String> to,
      int perMinute,
      Map<MessageKind, Delivery> messages)
      implements Destination {
    public Email {
      to = List.copyOf(to);
      messages = copy(messages);
    }

    @Override
    public List<Secret> secrets() {
      return password == null ? List.of() : List.of(password);
    }
  }

  /** How an SMTP connection is protected. */
  enum Security {
    /** Upgraded with STARTTLS, which the server must offer (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS,
    /** Plain text: a relay on the same host only. */
    NONE
  }

  private static Map<MessageKind, Delivery> copy(Map<MessageKind, Delivery> messages) {
    Objects.requireNonNull(messages, "messages");
    return messages.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(messages));
  }
}
