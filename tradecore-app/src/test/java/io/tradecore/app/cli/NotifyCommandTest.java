package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.runner.notify.FakeHttpEndpoint;
import io.tradecore.runner.notify.FakeSmtp;
import io.tradecore.runner.notify.FakeTelegram;
import io.tradecore.runner.notify.FakeWebhook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradecore notify test}, and the outbox as {@code status} shows it after a run. */
class NotifyCommandTest {
  static final String TOKEN = "4242:notify-command-token";

  @TempDir Path tmp;
  Workdir w;
  FakeTelegram phone = new FakeTelegram(TOKEN);
  FakeWebhook hook = new FakeWebhook();
  FakeSmtp smtp = new FakeSmtp("bot@example.com", "mail-secret");
  Map<String, String> env;
  Path config;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
    w.ok("init");
    env = new HashMap<>(w.env);
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("MAIL_PASSWORD", "mail-secret");
    config =
        w.write(
            "notify.yaml",
            "notifications:\n"
                + "  main:\n"
                + "    phone: {type: telegram, chat_id: '7', per_minute: 6000, base_url: '"
                + phone.baseUrl()
                + "'}\n"
                + "    hook: {type: webhook, url: '"
                + hook.url()
                + "', per_minute: 6000}\n"
                + "    mail: {type: email, smtp_host: 127.0.0.1, smtp_port: "
                + smtp.port()
                + ", per_minute: 6000, security: none, username: bot@example.com, password_env: MAIL_PASSWORD,"
                + " from: bot@example.com, to: me@example.com}\n");
  }

  @AfterEach
  void tearDown() {
    phone.close();
    hook.close();
    smtp.close();
  }

  Cli.Run notifyTest() {
    return Cli.run(env, "notify", "test", "--portfolio", "main", "--config", config.toString());
  }

  @Test
  void a_test_message_reaches_every_destination_and_each_result_is_reported() {
    Cli.Run run = notifyTest();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "phone (telegram): sent",
            "hook (webhook): sent",
            "mail (email): sent",
            "notify test: portfolio main, 3 of 3 destination(s) reached");
    assertThat(phone.texts())
        .singleElement()
        .satisfies(t -> assertThat(t).startsWith("main: test message\nThis is a test message"));
    assertThat(hook.accepted())
        .singleElement()
        .satisfies(b -> assertThat(b.get("type").asText()).isEqualTo("test"));
    assertThat(smtp.mails())
        .singleElement()
        .satisfies(m -> assertThat(m.header("Subject")).isEqualTo("main: test message"));
  }

  @Test
  void a_destination_that_fails_is_named_with_why_and_the_command_exits_1() {
    hook.mode(FakeHttpEndpoint.Mode.FAILING);
    smtp.down(true);
    env.put("TELEGRAM_BOT_TOKEN", "4242:a-token-telegram-does-not-know");

    Cli.Run run = notifyTest();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "phone (telegram): FAILED (refused: Telegram answered 401: Unauthorized)",
            "hook (webhook): FAILED (passing: the webhook answered 503:",
            "mail (email): FAILED (passing: SMTP:",
            "notify test: portfolio main, 0 of 3 destination(s) reached")
        .doesNotContain("a-token-telegram-does-not-know");
  }

  @Test
  void a_secret_missing_from_the_environment_is_named() {
    env.remove("TELEGRAM_BOT_TOKEN");

    Cli.Run run = notifyTest();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "notifications.main.phone: the environment variable TELEGRAM_BOT_TOKEN is not set");
    Cli.Run runner =
        Cli.run(
            env,
            "run",
            "--portfolio",
            "main",
            "--config",
            config.toString(),
            "--strategy",
            "sma-cross",
            "--feed",
            "replay:" + w.zigzagFeed("ZIG", 10));
    assertThat(runner.exitCode())
        .as("a runner does not start without its notifications")
        .isEqualTo(1);
    assertThat(runner.err()).contains("TELEGRAM_BOT_TOKEN is not set");
  }

  @Test
  void status_shows_what_waits_for_a_destination_that_is_down() {
    hook.mode(FakeHttpEndpoint.Mode.FAILING);
    Cli.Run ran =
        Cli.run(
            env,
            "run",
            "--portfolio",
            "main",
            "--config",
            config.toString(),
            "--strategy",
            "sma-cross",
            "--param",
            "fast=2",
            "--param",
            "slow=4",
            "--feed",
            "replay:" + w.zigzagFeed("ZIG", 30));
    assertThat(ran.exitCode()).as(ran.err()).isZero();

    Cli.Run status = Cli.run(env, "status", "--portfolio", "main", "--config", config.toString());
    assertThat(status.out())
        .containsPattern(
            "notifications: hook: [0-9]+ waiting since \\S+ \\(last error: the webhook answered 503")
        .contains("mail: all sent", "phone: all sent");
    JsonNode json =
        OutputFiles.json(
            Cli.run(env, "status", "--portfolio", "main", "--config", config.toString(), "--json")
                .out());
    JsonNode first = json.get("notifications").get(0);
    assertThat(first.get("destination").asText()).isEqualTo("hook");
    assertThat(first.get("waiting").asLong()).isPositive();
    assertThat(phone.texts()).anySatisfy(t -> assertThat(t).contains("bought"));
  }
}
