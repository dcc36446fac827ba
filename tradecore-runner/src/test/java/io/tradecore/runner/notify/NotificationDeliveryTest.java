package io.tradecore.runner.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.OutboxRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dispatcher against destinations having a bad day: down (5xx, dropped connections) for a
 * while, rate-limiting with Telegram's {@code retry_after}, refusing one message for good.
 */
class NotificationDeliveryTest {
  static final String TOKEN = "99:bot-token-for-delivery";
  static final Map<String, String> ENV = Map.of("TELEGRAM_BOT_TOKEN", TOKEN);
  static final Dispatcher.Timing FAST =
      new Dispatcher.Timing(
          Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(800), 3);

  Database db;
  PortfolioRecord record;
  FakeTelegram telegram = new FakeTelegram(TOKEN);
  FakeWebhook webhook = new FakeWebhook();
  Dispatcher dispatcher;

  @AfterEach
  void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    telegram.close();
    webhook.close();
    TestDatabases.dispose(db);
  }

  void open(Dialect dialect) {
    db = TestDatabases.open(dialect);
    PortfolioSettings s = PortfolioSettings.DEFAULTS;
    record =
        new PortfolioRecord(
            new PortfolioId("p-deliver"),
            "main",
            "USD",
            s.timeZone().getId(),
            s.calendar(),
            s.startingCash(),
            s.toJson(),
            Instant.parse("2024-06-03T12:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
  }

  Notifications notifications(int perMinute) {
    return Notifications.of(
        record,
        List.of(
            new Destination.Telegram(
                "phone",
                URI.create(telegram.baseUrl()),
                Secret.fromEnv("TELEGRAM_BOT_TOKEN", ENV),
                "42",
                perMinute,
                Map.of()),
            new Destination.Webhook(
                "audit", URI.create(webhook.url()), null, perMinute, Map.of())));
  }

  /** Stages daily logs "day 1" .. "day n", one transaction each, as the runner would. */
  void stage(Notifications n, int count) {
    for (int i = 1; i <= count; i++) {
      String day = "day " + i;
      db.jdbi().useTransaction(h -> n.dailyLog(h, day, "log of " + day, Instant.now()));
    }
  }

  List<OutboxRepository.Row> outbox() {
    return db.jdbi().withHandle(h -> new OutboxRepository().all(h, record.id()));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_destination_down_for_a_while_gets_everything_once_in_order_when_it_returns(Dialect dialect)
      throws Exception {
    open(dialect);
    Notifications n = notifications(6000);
    webhook.mode(FakeHttpEndpoint.Mode.FAILING);
    dispatcher = Dispatcher.start(db, record, n, FAST, () -> true);
    stage(n, 5);

    await(() -> telegram.texts().size() == 5);
    assertThat(webhook.accepted()).as("the webhook is down").isEmpty();
    assertThat(telegram.texts())
        .as("a destination that is down holds up no other")
        .containsExactly(
            IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "main: daily log day " + i + "\nlog of day " + i)
                .toArray(String[]::new));
    await(() -> webhook.received().size() >= 3);
    webhook.mode(FakeHttpEndpoint.Mode.DROPPING);
    int before = webhook.received().size();
    await(() -> webhook.received().size() >= before + 2);
    assertThat(outbox())
        .filteredOn(r -> r.message().destination().equals("audit") && r.attempts() > 0)
        .as("only the first waiting message is tried while the webhook is down")
        .singleElement()
        .satisfies(r -> assertThat(r.message().key()).isEqualTo("daily-log:day 1"));
    webhook.mode(FakeHttpEndpoint.Mode.UP);

    await(() -> webhook.accepted().size() == 5);
    Thread.sleep(300);
    assertThat(webhook.accepted())
        .as("everything once, in the order staged")
        .extracting(b -> b.get("id").asText())
        .containsExactly(
            "daily-log:day 1",
            "daily-log:day 2",
            "daily-log:day 3",
            "daily-log:day 4",
            "daily-log:day 5");
    assertThat(outbox()).allSatisfy(r -> assertThat(r.sent()).isNotNull());
  }

  @Test
  void telegrams_retry_after_is_waited_out_before_the_next_try() throws Exception {
    open(Dialect.SQLITE);
    Notifications n = notifications(6000);
    telegram.tooManyRequests(1, 2);
    dispatcher = Dispatcher.start(db, record, n, FAST, () -> true);
    stage(n, 2);

    await(() -> telegram.texts().size() == 2);
    List<FakeHttpEndpoint.Received> tries = telegram.received();
    assertThat(tries).hasSize(3);
    assertThat(tries.get(0).accepted()).isFalse();
    assertThat(Duration.between(tries.get(0).at(), tries.get(1).at()))
        .as("retry_after: 2 is honoured, not the 100 ms backoff")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    assertThat(outbox())
        .filteredOn(r -> r.message().destination().equals("phone"))
        .first()
        .satisfies(
            r -> {
              assertThat(r.attempts()).isEqualTo(2);
              assertThat(r.lastError()).contains("429").contains("retry after 2");
            });
  }

  @Test
  void a_message_refused_for_good_is_given_up_after_three_tries_and_the_next_goes_out()
      throws Exception {
    open(Dialect.SQLITE);
    Notifications n = notifications(6000);
    webhook.refuse("log of day 2");
    dispatcher = Dispatcher.start(db, record, n, FAST, () -> true);
    stage(n, 3);

    await(() -> webhook.accepted().size() == 2);
    assertThat(webhook.accepted())
        .extracting(b -> b.get("id").asText())
        .containsExactly("daily-log:day 1", "daily-log:day 3");
    assertThat(webhook.received()).filteredOn(r -> !r.accepted()).hasSize(3);
    OutboxRepository.Row refused =
        outbox().stream()
            .filter(r -> r.message().destination().equals("audit"))
            .filter(r -> r.message().key().equals("daily-log:day 2"))
            .findFirst()
            .orElseThrow();
    assertThat(refused.givenUp()).isNotNull();
    assertThat(refused.sent()).isNull();
    assertThat(refused.lastError()).contains("422");
    List<OutboxRepository.Backlog> backlog =
        db.jdbi().withHandle(h -> new OutboxRepository().backlog(h, record.id()));
    assertThat(backlog).contains(new OutboxRepository.Backlog("audit", 0, 1, null, null));
  }

  @Test
  void no_destination_gets_more_than_its_per_minute() throws Exception {
    open(Dialect.SQLITE);
    Notifications n = notifications(120);
    stage(n, 4);
    dispatcher = Dispatcher.start(db, record, n, FAST, () -> true);

    await(() -> telegram.texts().size() == 4);
    List<FakeHttpEndpoint.Received> sent = telegram.received();
    for (int i = 1; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 1).at(), sent.get(i).at()))
          .as("120 a minute: one each 500 ms at most")
          .isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }
  }

  @Test
  void a_message_staged_twice_for_one_cause_is_sent_once() throws Exception {
    open(Dialect.SQLITE);
    Notifications n = notifications(6000);
    stage(n, 2);
    stage(n, 2);
    assertThat(outbox()).hasSize(4);
    dispatcher = Dispatcher.start(db, record, n, FAST, () -> true);
    await(() -> webhook.accepted().size() == 2 && telegram.texts().size() == 2);
    Thread.sleep(300);
    assertThat(webhook.accepted()).hasSize(2);
    assertThat(telegram.texts()).hasSize(2);
  }

  static void await(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("within 30 s").isNegative();
      Thread.sleep(20);
    }
  }
}
