package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tradecore.alpaca.fake.FakeAlpaca;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Keys appear in no log line (any level) and no exception message, whatever goes wrong. */
class SecretsNeverLeakTest extends AgainstFakeAlpaca {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final List<String> texts = new ArrayList<>();

  @BeforeEach
  void capture() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
  }

  @Test
  void keys_stay_out_of_logs_and_errors_through_every_failure() {
    fake.setPrice("AAPL", "180.00");
    fake.faults().fail("GET", "/v2/account", 503, 1, false);
    client.account();
    fake.faults().rateLimit(1, java.time.Duration.ofSeconds(5));
    client.clock();
    fake.faults().loseResponse("POST", "/v2/orders", true);
    client.submitOrder(OrderRequest.market(id("leak-1"), "AAPL", OrderSide.BUY, BigDecimal.ONE));
    texts.add(
        message(
            () ->
                client.submitOrder(
                    OrderRequest.market(
                        id("leak-2"), "AAPL", OrderSide.BUY, new BigDecimal("9999")))));
    fake.faults().fail("GET", "/v2/positions", 500, 4, false);
    texts.add(message(client::positions));
    texts.add(client.config().toString());

    AlpacaConfig wrongSecret =
        AlpacaConfig.of(
            FakeAlpaca.KEY_ID,
            "notTheSecretButStillSecret42",
            fake.url(),
            fake.url(),
            fake.url(),
            "iex");
    try (AlpacaClient wrong = client(wrongSecret, FAST)) {
      texts.add(message(wrong::account));
    }
    Recorder<TradeUpdate> recorder = new Recorder<>();
    try (TradeUpdatesStream stream =
        new TradeUpdatesStream(
            wrongSecret,
            HttpClient.newHttpClient(),
            QUICK_STREAMS,
            new SplittableRandom(1),
            recorder)) {
      stream.start();
      await("the refusal", () -> recorder.count(StreamState.DISCONNECTED) >= 1);
      recorder.changes.forEach(c -> texts.add(String.valueOf(c.reason())));
    }

    logs.list.forEach(e -> texts.add(e.getFormattedMessage() + " " + throwableText(e)));
    assertThat(logs.list).isNotEmpty();
    assertThat(texts)
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(FakeAlpaca.KEY_ID)
                    .doesNotContain(FakeAlpaca.SECRET)
                    .doesNotContain("notTheSecretButStillSecret42"));
  }

  private static String message(Runnable call) {
    Throwable t = catchThrowable(call::run);
    assertThat(t).isInstanceOf(AlpacaException.class);
    return t.getMessage();
  }

  private static String throwableText(ILoggingEvent e) {
    return e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage();
  }
}
