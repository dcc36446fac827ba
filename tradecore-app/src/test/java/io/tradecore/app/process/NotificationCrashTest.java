package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.notify.FakeHttpEndpoint;
import io.tradecore.runner.notify.FakeTelegram;
import io.tradecore.runner.notify.FakeWebhook;
import io.tradecore.store.OutboxRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications across a SIGKILL (issue 19): the runner is killed while the webhook holds one
 * message unanswered, that is, after the message was sent and before it could be marked sent. The
 * next runner sends it again and nothing else twice: each destination's sender sends one message at
 * a time and marks it sent before taking the next, so at most the one message in flight per
 * destination can be sent twice per crash, and every other message is either marked sent (never
 * sent again) or not sent yet (sent once, later). The Telegram token, which a failing proxy's error
 * page quotes in the URL, appears in no output, log file or table.
 */
class NotificationCrashTest {
  private static final String TOKEN = "777001:crash-test-secret-token";
  private static final String PORTFOLIO = "notified";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void a_kill_between_sending_and_marking_sent_repeats_only_that_message_per_destination()
      throws Exception {
    FakeWebhook hook = keep(new FakeWebhook());
    FakeTelegram phone = keep(new FakeTelegram(TOKEN));
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), 120, 5, "ACME");
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"),
            "runner:\n  lease_seconds: 3\n  heartbeat_seconds: 1\n"
                + "notifications:\n  "
                + PORTFOLIO
                + ":\n"
                + "    hook: {type: webhook, url: '"
                + hook.url()
                + "', per_minute: 6000}\n"
                + "    phone: {type: telegram, base_url: '"
                + phone.baseUrl()
                + "', chat_id: '1', per_minute: 6000}\n");
    TestStore store = keep(TestStore.sqlite(dir.resolve("data")));
    PortfolioId id = store.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    Map<String, String> env = new HashMap<>(store.env());
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    CliLauncher launcher = keep(new CliLauncher(dir.resolve("run"), env));
    List<String> run = RunArgs.breakout(config, feed, PORTFOLIO, "20");

    phone.mode(FakeHttpEndpoint.Mode.FAILING);
    CliProcess first = launcher.start("first", run);
    Await.until(
        RunnerWaits.TIMEOUT,
        () -> "two failed tries at the phone: " + first.describe(),
        () -> phone.received().size() >= 2);
    phone.mode(FakeHttpEndpoint.Mode.UP);
    Await.until(
        RunnerWaits.TIMEOUT,
        () -> "ten messages at the webhook: " + first.describe(),
        () -> hook.accepted().size() >= 10);
    CountDownLatch held = hook.holdNext();
    assertThat(held.await(RunnerWaits.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as(first::describe)
        .isTrue();
    List<JsonNode> beforeKill = hook.accepted();
    String inFlight = beforeKill.get(beforeKill.size() - 1).get("id").asText();
    assertThat(first.kill()).as(first::describe).isEqualTo(CliProcess.SIGKILL_EXIT);
    hook.releaseHeld();

    CliProcess second = RunnerWaits.startWhenLeaseFree(launcher, store, id, "second", run);
    assertThat(second.awaitExit(RunnerWaits.TIMEOUT)).as(second::describe).isZero();

    List<OutboxRepository.Row> outbox =
        store.db().jdbi().withHandle(h -> new OutboxRepository().all(h, id));
    assertThat(outbox)
        .filteredOn(r -> r.sent() == null)
        .extracting(
            r ->
                r.message().destination()
                    + " "
                    + r.message().key()
                    + " tries "
                    + r.attempts()
                    + " next "
                    + r.next()
                    + " "
                    + r.lastError())
        .as("messages not sent when the run ended")
        .isEmpty();
    Map<String, Long> atHook = counts(hook.accepted(), b -> b.get("id").asText());
    Map<String, Long> atPhone = counts(phone.accepted(), b -> b.get("text").asText());
    assertThat(atHook.keySet())
        .as("every message reached the webhook")
        .containsExactlyInAnyOrderElementsOf(keys(outbox, "hook", r -> r.message().key()));
    assertThat(atPhone.keySet())
        .as("every message reached the phone")
        .containsExactlyInAnyOrderElementsOf(
            keys(outbox, "phone", r -> r.message().subject() + "\n" + r.message().body()));
    assertThat(repeated(atHook))
        .as("the webhook got again only the message it held when the runner was killed")
        .isSubsetOf(inFlight);
    assertThat(repeated(atPhone))
        .as("at most one message per destination twice")
        .hasSizeLessThan(2);
    System.out.printf(
        "notifications across a kill: %d messages per destination; repeated: webhook %s, phone"
            + " %d%n",
        atHook.size(), repeated(atHook), repeated(atPhone).size());

    assertThat(first.stdout() + first.stderr())
        .as("the failing proxy's answer was logged, with the token redacted")
        .contains("[TELEGRAM_BOT_TOKEN]");
    List<Path> written;
    try (Stream<Path> files = Files.walk(dir)) {
      written =
          files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".db")).toList();
    }
    for (Path file : written) {
      assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
          .as(file.toString())
          .doesNotContain(TOKEN);
    }
    assertThat(rowsQuoting("notification_outbox", "last_error", TOKEN, store)).isZero();
    assertThat(rowsQuoting("notification_outbox", "body", TOKEN, store)).isZero();
    assertThat(rowsQuoting("telemetry_events", "message", TOKEN, store)).isZero();
  }

  private static long rowsQuoting(String table, String column, String text, TestStore store) {
    return store
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE :t")
                    .bind("t", "%" + text + "%")
                    .mapTo(Long.class)
                    .one());
  }

  private static Map<String, Long> counts(List<JsonNode> bodies, Function<JsonNode, String> key) {
    return bodies.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static List<String> keys(
      List<OutboxRepository.Row> outbox,
      String destination,
      Function<OutboxRepository.Row, String> key) {
    return outbox.stream()
        .filter(r -> r.message().destination().equals(destination))
        .map(key)
        .toList();
  }

  private static List<String> repeated(Map<String, Long> counts) {
    return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }
}
