package io.tradecore.runner.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.runner.llm.StoreTraces;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.OutboxRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A runner's notifications, end to end on SQLite and PostgreSQL: a run with a fill in, a target
 * hit, a refused order and four daily logs, then a second runner that takes over from one whose
 * lease lapsed and finds the venue's cash differs from the ledger, each message staged in the
 * outbox with what it tells of and delivered to loopback Telegram, webhook and SMTP servers with
 * the right content and sound.
 */
class RunnerNotificationsTest {
  static final String TOKEN = "123456:ABC-secret-bot-token";
  static final String SIGNING_KEY = "webhook-signing-key";
  static final String SMTP_PASSWORD = "smtp-pass-word";
  static final Map<String, String> ENV =
      Map.of(
          "TELEGRAM_BOT_TOKEN", TOKEN,
          "HOOK_KEY", SIGNING_KEY,
          "SMTP_PASSWORD", SMTP_PASSWORD);
  static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";

  @TempDir Path dir;
  Database db;
  FakeTelegram telegram = new FakeTelegram(TOKEN);
  FakeWebhook webhook = new FakeWebhook();
  FakeSmtp smtp = new FakeSmtp("bot@example.com", SMTP_PASSWORD);

  @AfterEach
  void close() {
    telegram.close();
    webhook.close();
    smtp.close();
    TestDatabases.dispose(db);
  }

  List<Destination> destinations() {
    return List.of(
        new Destination.Telegram(
            "phone",
            URI.create(telegram.baseUrl()),
            Secret.fromEnv("TELEGRAM_BOT_TOKEN", ENV),
            "-100200300",
            6000,
            Map.of(MessageKind.FILLS, Delivery.SILENT, MessageKind.REFUSALS, Delivery.OFF)),
        new Destination.Webhook(
            "audit", URI.create(webhook.url()), Secret.fromEnv("HOOK_KEY", ENV), 6000, Map.of()),
        new Destination.Email(
            "mail",
            "127.0.0.1",
            smtp.port(),
            Destination.Security.NONE,
            "bot@example.com",
            Secret.fromEnv("SMTP_PASSWORD", ENV),
            "bot@example.com",
            List.of("trader@example.com", "partner@example.com"),
            6000,
            Map.of(MessageKind.FILLS, Delivery.SILENT)));
  }

  PortfolioSettings settings;
  PortfolioRecord record;
  Path feed;

  /** Portfolio main (orders above 5,000 refused) and four days of AAA: 100, 104, 110, 110. */
  void portfolioAndFeed(Dialect dialect) throws Exception {
    db = TestDatabases.open(dialect);
    settings =
        new PortfolioSettings(
            "USD",
            ZoneId.of("America/New_York"),
            "NYSE",
            new BigDecimal("100000"),
            new Caps(new BigDecimal("5000"), null, null, null),
            new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14),
            Map.of());
    record =
        new PortfolioRecord(
            new PortfolioId("p-notify"),
            "main",
            "USD",
            "America/New_York",
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            Instant.parse("2024-06-03T12:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    feed =
        Files.writeString(
            dir.resolve("AAA.csv"),
            HEADER
                + "2024-06-03,100.00,101.00,99.00,100.00,100.00,1000000\n"
                + "2024-06-04,100.00,105.00,99.00,104.00,104.00,1000000\n"
                + "2024-06-05,106.00,111.00,105.00,110.00,110.00,1000000\n"
                + "2024-06-06,110.00,111.00,109.00,110.00,110.00,1000000\n");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void every_message_type_reaches_each_destination_once_with_its_content(Dialect dialect)
      throws Exception {
    portfolioAndFeed(dialect);
    Notifications notifications = Notifications.of(record, destinations());
    RunnerOptions options = options().withNotifications(notifications);

    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            options,
            Clock.systemUTC(),
            instrument -> new TargetAndTooBig())) {
      runner.writeDailyLogs(
          new DailyLogs(db, record, settings, dir.resolve("daily-main.log"), Clock.systemUTC()));
      runner.run(ReplayFeed.open("replay:" + feed, "USD", dir));
      // 2 fills, 1 plan opened, 1 closed, 4 daily logs; and the refusal, which the phone skips.
      await(
          () ->
              telegram.texts().size() == 8
                  && webhook.accepted().size() == 9
                  && smtp.mails().size() == 9);
    }

    List<String> texts = telegram.texts();
    assertThat(texts)
        .anySatisfy(
            t ->
                assertThat(t)
                    .startsWith(
                        "main: fill AAA\nbought 10 AAA at 100 USD (fee 0 USD; order plan-1-entry)"))
        .anySatisfy(t -> assertThat(t).contains("sold 10 AAA at 110 USD"))
        .anySatisfy(
            t ->
                assertThat(t)
                    .isEqualTo(
                        "main: plan opened AAA\nplan plan-1 opened: long 10 AAA, stop 95, target 110"))
        .anySatisfy(t -> assertThat(t).contains("plan plan-1 closed (target): 10 AAA exited"))
        .noneSatisfy(t -> assertThat(t).contains("refused by the risk caps"));
    for (String day : List.of("2024-06-03", "2024-06-04", "2024-06-05", "2024-06-06")) {
      assertThat(texts).anySatisfy(t -> assertThat(t).contains("=== " + day + "  main"));
    }
    assertThat(telegram.accepted())
        .allSatisfy(b -> assertThat(b.get("chat_id").asText()).isEqualTo("-100200300"))
        .allSatisfy(
            b ->
                assertThat(b.get("disable_notification").asBoolean())
                    .as("only fills are silent: %s", b.get("text"))
                    .isEqualTo(b.get("text").asText().startsWith("main: fill")));

    JsonNode refusal =
        webhook.accepted().stream()
            .filter(b -> b.get("type").asText().equals("refusals"))
            .findFirst()
            .orElseThrow();
    assertThat(refusal.get("text").asText())
        .contains("order plan-2-entry (buy AAA) refused by the risk caps")
        .contains("5000");
    assertThat(refusal.get("portfolio").asText()).isEqualTo("main");
    assertThat(webhook.accepted()).extracting(b -> b.get("id").asText()).doesNotHaveDuplicates();
    for (FakeHttpEndpoint.Received r : webhook.received()) {
      String signature =
          WebhookSender.sign(
              Secret.fromEnv("HOOK_KEY", ENV),
              r.body().toString().getBytes(StandardCharsets.UTF_8));
      assertThat(r.headersText()).contains("sha256=" + signature);
    }

    List<FakeSmtp.Mail> mails = smtp.mails();
    assertThat(mails)
        .allSatisfy(
            m -> {
              assertThat(m.from()).isEqualTo("bot@example.com");
              assertThat(m.to()).containsExactly("trader@example.com", "partner@example.com");
            });
    assertThat(mails)
        .filteredOn(m -> "main: fill AAA".equals(m.header("Subject")))
        .hasSize(2)
        .allSatisfy(m -> assertThat(m.header("X-Priority")).isEqualTo("5"));
    assertThat(mails)
        .filteredOn(m -> "main: daily log 2024-06-05".equals(m.header("Subject")))
        .singleElement()
        .satisfies(m -> assertThat(m.data()).contains("=== 2024-06-05  main"));

    // A second runner: the one before it died with its lease (a lapsed row is left), and the
    // paper exchange's cash no longer matches the ledger.
    db.jdbi()
        .useTransaction(
            h -> {
              new LeaseRepository()
                  .tryAcquire(
                      h,
                      record.id(),
                      new RunId("run-dead"),
                      "old-host",
                      42,
                      Instant.now().minus(Duration.ofHours(1)),
                      Duration.ofSeconds(15));
              h.execute("UPDATE paper_accounts SET cash = '12345'");
            });
    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            options,
            Clock.systemUTC(),
            instrument -> Strategy.idle("idle"))) {
      Instant now = Instant.now();
      runner.recordEarlier(
          List.of(
              new TelemetryRepository.Event(
                  record.id(), null, now, null, "ERROR", "database", "the run stopped: disk full"),
              new TelemetryRepository.Event(
                  record.id(),
                  null,
                  now,
                  null,
                  "WARN",
                  StoreTraces.CAP_KIND,
                  "the model at 2024-06-06: the daily spending cap of 1.00 USD is reached")));
      await(
          () ->
              webhook.accepted().size() == 13
                  && telegram.texts().size() == 12
                  && smtp.mails().size() == 13);
    }
    List<String> later = telegram.texts().subList(8, 12);
    assertThat(later)
        .anySatisfy(
            t ->
                assertThat(t)
                    .startsWith("main: runner takeover\nrun ")
                    .contains("took the portfolio over from run run-dead on old-host (pid 42)"))
        .anySatisfy(
            t ->
                assertThat(t)
                    .startsWith("main: ledger and venue differ\n")
                    .contains("cash: venue 12345 vs ledger"))
        .anySatisfy(
            t -> assertThat(t).isEqualTo("main: error (database)\nthe run stopped: disk full"))
        .anySatisfy(
            t ->
                assertThat(t)
                    .startsWith("main: LLM spending cap reached\n")
                    .contains("daily spending cap"));
    List<OutboxRepository.Row> rows =
        db.jdbi().withHandle(h -> new OutboxRepository().all(h, record.id()));
    assertThat(rows).hasSize(8 + 9 + 9 + 4 * 3).allSatisfy(r -> assertThat(r.sent()).isNotNull());
    assertThat(rows).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
  }

  @Test
  void a_destination_that_never_answers_does_not_hold_up_trading() throws Exception {
    portfolioAndFeed(Dialect.SQLITE);
    Notifications notifications =
        Notifications.of(
            record,
            List.of(
                new Destination.Webhook("audit", URI.create(webhook.url()), null, 6000, Map.of())));
    db.jdbi()
        .useTransaction(
            h -> notifications.dailyLog(h, "2024-05-31", "an older log", Instant.now()));
    CountDownLatch held = webhook.holdNext();

    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            options().withNotifications(notifications),
            Clock.systemUTC(),
            instrument -> new TargetAndTooBig())) {
      assertThat(held.await(30, TimeUnit.SECONDS)).as("the first message is held").isTrue();
      runner.writeDailyLogs(
          new DailyLogs(db, record, settings, dir.resolve("daily-main.log"), Clock.systemUTC()));

      int applied = runner.run(ReplayFeed.open("replay:" + feed, "USD", dir));

      assertThat(applied).as("every bar traded while the webhook held a message").isEqualTo(4);
      assertThat(runner.portfolio().ledger().fillCount()).isEqualTo(2);
      assertThat(webhook.received()).as("nothing else sent meanwhile").hasSize(1);
      webhook.releaseHeld();
      await(() -> webhook.accepted().size() == 10);
    }
    assertThat(webhook.accepted().get(0).get("text").asText()).isEqualTo("an older log");
  }

  static RunnerOptions options() {
    return new RunnerOptions(
        "scripted",
        Map.of(),
        "v1",
        io.tradecore.core.exchange.ExecutionCosts.FREE,
        null,
        Duration.ofSeconds(10),
        Duration.ofSeconds(3),
        0,
        "test-host",
        1);
  }

  void await(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline)
          .as(
              () ->
                  "delivered within 60 s: telegram "
                      + telegram.received().size()
                      + ", webhook "
                      + webhook.received().size()
                      + ", smtp "
                      + smtp.mails().size()
                      + "; outbox "
                      + db.jdbi()
                          .withHandle(
                              h -> new OutboxRepository().all(h, new PortfolioId("p-notify"))))
          .isNegative();
      Thread.sleep(50);
    }
  }

  /**
   * On the first bar: a plan of 10 with a stop at 95 and a target at 110, and one of 1,000 that the
   * order-value cap (5,000) refuses.
   */
  static final class TargetAndTooBig implements Strategy {
    @Override
    public String name() {
      return "target-and-too-big";
    }

    @Override
    public void init(StrategySetup setup) {}

    @Override
    public List<Action> onBar(TradingContext context) {
      if (context.barIndex() != 0) {
        return List.of();
      }
      int scale = context.instrument().priceScale();
      long stop = Price.of(new BigDecimal("95"), scale).units();
      long target = Price.of(new BigDecimal("110"), scale).units();
      return List.of(
          new Action.OpenPlan(
              new PlanSpec(
                  Side.BUY,
                  new Sizing.Fixed(new Quantity(10, 0)),
                  0,
                  stop,
                  target,
                  0,
                  TimeInForce.GTC)),
          new Action.OpenPlan(
              new PlanSpec(
                  Side.BUY, new Sizing.Fixed(new Quantity(1000, 0)), 0, 0, 0, 0, TimeInForce.GTC)));
    }
  }
}
