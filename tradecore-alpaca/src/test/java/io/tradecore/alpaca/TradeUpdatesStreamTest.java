package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TradeUpdatesStreamTest extends AgainstFakeAlpaca {
  private final Recorder<TradeUpdate> recorder = new Recorder<>();
  private TradeUpdatesStream stream;

  @AfterEach
  void closeStream() {
    if (stream != null) {
      stream.close();
    }
  }

  private TradeUpdatesStream start(AlpacaConfig config) {
    stream =
        new TradeUpdatesStream(
            config, HttpClient.newHttpClient(), QUICK_STREAMS, new SplittableRandom(3), recorder);
    stream.start();
    return stream;
  }

  @Test
  void fills_arrive_typed_from_binary_frames_once_authorized_and_listening() {
    start(fake.config());
    await("connected", () -> stream.state() == StreamState.CONNECTED);
    fake.setPrice("AAPL", "180.25");

    client.submitOrder(
        OrderRequest.market(id("plan-1-entry"), "AAPL", OrderSide.BUY, new BigDecimal("10")));

    await("the fill", () -> recorder.events.stream().anyMatch(TradeUpdate::isExecution));
    assertThat(recorder.events)
        .extracting(TradeUpdate::event)
        .containsExactly(TradeEvent.NEW, TradeEvent.FILL);
    TradeUpdate fill = recorder.events.get(1);
    assertThat(fill.executionId()).isNotBlank();
    assertThat(fill.qty()).isEqualByComparingTo("10");
    assertThat(fill.price()).isEqualByComparingTo("180.25");
    assertThat(fill.positionQty()).isEqualByComparingTo("10");
    assertThat(fill.order().clientOrderId()).isEqualTo(id("plan-1-entry"));
    assertThat(fill.order().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(recorder.changes)
        .extracting(Recorder.Change::state)
        .containsExactly(StreamState.CONNECTING, StreamState.CONNECTED);
  }

  @Test
  void a_dropped_stream_reports_the_drop_and_reconnects_with_backoff() {
    start(fake.config());
    await("connected", () -> stream.state() == StreamState.CONNECTED);

    fake.tradeStream().dropAll();

    await("reconnected", () -> recorder.count(StreamState.CONNECTED) == 2);
    assertThat(recorder.changes)
        .extracting(Recorder.Change::state)
        .containsSubsequence(
            StreamState.CONNECTED,
            StreamState.DISCONNECTED,
            StreamState.CONNECTING,
            StreamState.CONNECTED);
    assertThat(fake.tradeStream().authorizations()).isEqualTo(2);
    assertThat(fake.tradeStream().listeners()).isEqualTo(1);
  }

  @Test
  void a_stream_that_never_connects_stays_disconnected_and_keeps_trying() {
    fake.tradeStream().refuseConnections(true);
    start(fake.config());

    await("three refusals", () -> recorder.count(StreamState.DISCONNECTED) >= 3);
    assertThat(stream.state()).isNotEqualTo(StreamState.CONNECTED);
    assertThat(
            recorder.changes.stream()
                .filter(c -> c.state() == StreamState.DISCONNECTED)
                .findFirst()
                .orElseThrow()
                .reason())
        .startsWith("cannot connect");

    fake.tradeStream().refuseConnections(false);
    await("connected at last", () -> stream.state() == StreamState.CONNECTED);
  }

  @Test
  void refused_keys_are_reported_without_showing_them() {
    AlpacaConfig wrong =
        AlpacaConfig.of(
            "PKWRONGKEY000000", "wrongSecret123", fake.url(), fake.url(), fake.url(), "iex");
    start(wrong);

    await("refusal", () -> recorder.count(StreamState.DISCONNECTED) >= 1);
    String reason =
        recorder.changes.stream()
            .filter(c -> c.state() == StreamState.DISCONNECTED)
            .findFirst()
            .orElseThrow()
            .reason();
    assertThat(reason)
        .isEqualTo("Alpaca did not authorize the trade stream (status 'unauthorized')");
  }

  @Test
  void closing_stops_reconnecting() {
    start(fake.config());
    await("connected", () -> stream.state() == StreamState.CONNECTED);

    stream.close();

    assertThat(stream.state()).isEqualTo(StreamState.CLOSED);
    await("the fake sees it go", () -> fake.tradeStream().listeners() == 0);
  }
}
