package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.notify.Delivery;
import io.tradecore.runner.notify.Destination;
import io.tradecore.runner.notify.MessageKind;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.store.PortfolioRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code notifications} section: destinations per portfolio, secrets from the environment. */
class NotificationsConfigTest {
  @TempDir Path dir;

  static final String FULL =
      """
      notifications:
        main:
          phone:
            type: telegram
            chat_id: "-100123"
            messages: {fills: silent, refusals: off}
          audit:
            type: webhook
            url: https://hooks.example.com/tradecore
            signing_key_env: HOOK_KEY
          mail:
            type: email
            smtp_host: smtp.example.com
            username: bot@example.com
            from: bot@example.com
            to: [me@example.com, you@example.com]
      """;

  TradeCoreConfig load(String yaml, Map<String, String> env) throws IOException {
    Files.writeString(dir.resolve("tradecore.yaml"), yaml);
    return TradeCoreConfig.load(null, env, dir);
  }

  @Test
  void each_portfolio_gets_its_destinations_with_defaults_and_secrets_from_the_environment()
      throws IOException {
    TradeCoreConfig config =
        load(FULL, Map.of("TELEGRAM_BOT_TOKEN", "1:tok", "HOOK_KEY", "k", "SMTP_PASSWORD", "pw"));

    List<Destination> main = config.notifications().of("main");
    assertThat(config.notifications().of("other")).isEmpty();
    assertThat(main).hasSize(3);
    Destination.Telegram phone = (Destination.Telegram) main.get(0);
    assertThat(phone.chatId()).isEqualTo("-100123");
    assertThat(phone.baseUrl().toString()).isEqualTo("https://api.telegram.org");
    assertThat(phone.perMinute()).isEqualTo(20);
    assertThat(phone.delivery(MessageKind.FILLS)).isEqualTo(Delivery.SILENT);
    assertThat(phone.delivery(MessageKind.REFUSALS)).isEqualTo(Delivery.OFF);
    assertThat(phone.delivery(MessageKind.DAILY_LOG)).isEqualTo(Delivery.ON);
    assertThat(phone.botToken().reveal()).isEqualTo("1:tok");
    assertThat(phone.botToken().toString()).doesNotContain("tok");
    Destination.Email mail = (Destination.Email) main.get(2);
    assertThat(mail.port()).as("STARTTLS by default, on 587").isEqualTo(587);
    assertThat(mail.security()).isEqualTo(Destination.Security.STARTTLS);
    assertThat(mail.to()).containsExactly("me@example.com", "you@example.com");
    assertThat(mail.password().reveal()).isEqualTo("pw");
  }

  @Test
  void a_secret_not_set_in_the_environment_stops_the_runner_naming_the_variable()
      throws IOException {
    TradeCoreConfig config = load(FULL, Map.of("HOOK_KEY", "k"));
    PortfolioRecord record =
        new PortfolioRecord(
            new PortfolioId("p"),
            "main",
            "USD",
            "America/New_York",
            "NYSE",
            BigDecimal.TEN,
            "{}",
            Instant.EPOCH);

    assertThatThrownBy(() -> Notifications.of(record, config.notifications().of("main")))
        .hasMessage(
            "notifications.main.phone: the environment variable TELEGRAM_BOT_TOKEN is not set;"
                + " notifications.main.mail: the environment variable SMTP_PASSWORD is not set");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "{type: pager}"                          | line 3: notifications.main.x.type: 'pager' is not a destination type (allowed: telegram, webhook, email)
          "{chat_id: 1}"                           | line 3: notifications.main.x.type: a destination needs a type (telegram, webhook or email)
          "{type: telegram}"                       | line 3: notifications.main.x.chat_id: a value is required
          "{type: telegram, chat_id: abc}"         | line 3: notifications.main.x.chat_id: 'abc' is not a Telegram chat id (a number, or @channelname)
          "{type: telegram, chat_id: 1, token: t}" | line 3: unknown key 'notifications.main.x.token' (known: type, per_minute, messages, chat_id, bot_token_env, base_url)
          "{type: telegram, chat_id: 1, messages: {trades: on}}" | line 3: notifications.main.x.messages.trades: unknown message type 'trades' (known: daily_log, fills, plans_opened, plans_closed, refusals, errors, drift, takeover, llm_cap)
          "{type: telegram, chat_id: 1, messages: {fills: loud}}" | line 3: notifications.main.x.messages.fills: 'loud' is not a delivery (allowed: on, silent, off)
          "{type: telegram, chat_id: 1, per_minute: 0}" | line 3: notifications.main.x.per_minute: '0' is out of range (allowed: 1..6000)
          "{type: webhook, url: ftp://x.example}"  | line 3: notifications.main.x.url: 'ftp://x.example' is not an http(s) URL
          "{type: email, smtp_host: h, from: a@b.c}" | line 3: notifications.main.x.to: an e-mail destination needs at least one address in 'to'
          "{type: email, smtp_host: h, from: me, to: a@b.c}" | line 3: notifications.main.x.from: 'me' is not an e-mail address
          "{type: email, smtp_host: h, from: a@b.c, to: a@b.c, security: ssl3}" | line 3: notifications.main.x.security: 'ssl3' is not an SMTP security (allowed: starttls, tls, none)
          """)
  void a_bad_destination_is_an_error_naming_the_line_key_and_value(String value, String expected)
      throws IOException {
    assertThatThrownBy(() -> load("notifications:\n  main:\n    x: " + value + "\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tradecore.yaml " + expected);
  }
}
