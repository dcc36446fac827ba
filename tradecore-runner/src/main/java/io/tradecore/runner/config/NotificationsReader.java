package io.tradecore.runner.config;

import io.tradecore.runner.notify.Delivery;
import io.tradecore.runner.notify.Destination;
import io.tradecore.runner.notify.MessageKind;
import io.tradecore.runner.notify.NotificationSettings;
import io.tradecore.runner.notify.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code notifications: <portfolio>: <destination>: {type: telegram | webhook | email, ...}}.
 * Secrets are never in the file: each is read from the environment variable a {@code *_env} key
 * names (with a default name), so the file can be shared and committed.
 */
final class NotificationsReader {
  static final String TELEGRAM_TOKEN_ENV = "TELEGRAM_BOT_TOKEN";
  static final String SMTP_PASSWORD_ENV = "SMTP_PASSWORD";

  private static final List<String> COMMON = List.of("type", "per_minute", "messages");
  private static final Pattern DESTINATION_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private NotificationsReader() {}

  static NotificationSettings read(Section section, Map<String, String> env) {
    Map<String, List<Destination>> byPortfolio = new LinkedHashMap<>();
    for (String portfolio : section.keys()) {
      Section p = section.section(portfolio);
      List<Destination> destinations = new ArrayList<>();
      for (String name : p.keys()) {
        if (!DESTINATION_NAME.matcher(name).matches()) {
          throw p.error(
              name,
              "'"
                  + name
                  + "' is not a destination name (allowed: 1-64 letters, digits, '.', '_' or '-')");
        }
        destinations.add(destination(p.section(name), name, env));
      }
      byPortfolio.put(portfolio, destinations);
    }
    return new NotificationSettings(byPortfolio);
  }

  private static Destination destination(Section d, String name, Map<String, String> env) {
    if (!d.has("type")) {
      throw d.error("type", "a destination needs a type (telegram, webhook or email)");
    }
    String type = d.get("type", "", t -> t.strip().toLowerCase(Locale.ROOT));
    Map<MessageKind, Delivery> messages = messages(d.section("messages"));
    return switch (type) {
      case "telegram" -> {
        d.requireOnly(with("chat_id", "bot_token_env", "base_url"));
        yield new Destination.Telegram(
            name,
            d.get("base_url", URI.create("https://api.telegram.org"), NotificationsReader::httpUrl),
            Secret.fromEnv(
                d.get("bot_token_env", TELEGRAM_TOKEN_ENV, NotificationsReader::envName), env),
            required(d, "chat_id", NotificationsReader::chatId),
            perMinute(d, 20),
            messages);
      }
      case "webhook" -> {
        d.requireOnly(with("url", "signing_key_env"));
        String keyEnv = d.getNullable("signing_key_env", null, NotificationsReader::envName);
        yield new Destination.Webhook(
            name,
            required(d, "url", NotificationsReader::httpUrl),
            keyEnv == null ? null : Secret.fromEnv(keyEnv, env),
            perMinute(d, 60),
            messages);
      }
      case "email" -> {
        d.requireOnly(
            with("smtp_host", "smtp_port", "security", "username", "password_env", "from", "to"));
        Destination.Security security =
            d.get("security", Destination.Security.STARTTLS, NotificationsReader::security);
        int defaultPort =
            switch (security) {
              case STARTTLS -> 587;
              case TLS -> 465;
              case NONE -> 25;
            };
        String username = d.getNullable("username", null, NotificationsReader::nonBlank);
        String passwordEnv = d.get("password_env", SMTP_PASSWORD_ENV, NotificationsReader::envName);
        List<String> to = d.list("to", List.of(), NotificationsReader::address);
        if (to.isEmpty()) {
          throw d.error("to", "an e-mail destination needs at least one address in 'to'");
        }
        yield new Destination.Email(
            name,
            required(d, "smtp_host", NotificationsReader::nonBlank),
            d.get("smtp_port", defaultPort, Values.wholeNumber(1, 65535)),
            security,
            username,
            username == null ? null : Secret.fromEnv(passwordEnv, env),
            required(d, "from", NotificationsReader::address),
            to,
            perMinute(d, 10),
            messages);
      }
      default ->
          throw d.error(
              "type",
              "'" + type + "' is not a destination type (allowed: telegram, webhook, email)");
    };
  }

  private static List<String> with(String... keys) {
    List<String> all = new ArrayList<>(COMMON);
    all.addAll(List.of(keys));
    return all;
  }

  private static <T> T required(
      Section d, String key, java.util.function.Function<String, T> parser) {
    T value = d.getNullable(key, null, parser);
    if (value == null) {
      throw d.error(key, "a value is required");
    }
    return value;
  }

  private static int perMinute(Section d, int byDefault) {
    return d.get("per_minute", byDefault, Values.wholeNumber(1, 6000));
  }

  private static Map<MessageKind, Delivery> messages(Section m) {
    Map<MessageKind, Delivery> out = new EnumMap<>(MessageKind.class);
    for (String key : m.keys()) {
      MessageKind kind;
      try {
        kind = MessageKind.ofKey(key);
      } catch (IllegalArgumentException e) {
        throw m.error(key, e.getMessage());
      }
      out.put(kind, m.get(key, Delivery.ON, Delivery::parse));
    }
    return out;
  }

  private static URI httpUrl(String text) {
    String url = text.strip();
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // said below
    }
    throw Values.bad(text, "is not an http(s) URL");
  }

  private static String chatId(String text) {
    String id = text.strip();
    if (!id.matches("-?[0-9]+|@[A-Za-z][A-Za-z0-9_]{3,}")) {
      throw Values.bad(text, "is not a Telegram chat id (a number, or @channelname)");
    }
    return id;
  }

  private static String envName(String text) {
    if (!ENV_NAME.matcher(text.strip()).matches()) {
      throw Values.bad(text, "is not an environment variable name");
    }
    return text.strip();
  }

  private static Destination.Security security(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "starttls" -> Destination.Security.STARTTLS;
      case "tls", "ssl" -> Destination.Security.TLS;
      case "none" -> Destination.Security.NONE;
      default -> throw Values.bad(text, "is not an SMTP security (allowed: starttls, tls, none)");
    };
  }

  private static String address(String text) {
    String a = text.strip();
    if (!a.matches("[^@\\s]+@[^@\\s]+")) {
      throw Values.bad(text, "is not an e-mail address");
    }
    return a;
  }

  private static String nonBlank(String text) {
    if (text.isBlank()) {
      throw Values.bad(text, "must not be empty");
    }
    return text.strip();
  }
}
