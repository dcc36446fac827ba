package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarketDataStreamTest extends AgainstFakeAlpaca {
  private static final Instant T0 = Instant.parse("2024-03-05T14:31:00Z");
  private final Recorder<StockBar> recorder = new Recorder<>();
  private MarketDataStream stream;

  @AfterEach
  void closeStream() {
    if (stream != null) {
      stream.close();
    }
  }

  private void start(List<String> symbols) {
    stream =
        new MarketDataStream(
            fake.config(),
            HttpClient.newHttpClient(),
            QUICK_STREAMS,
            new SplittableRandom(5),
            symbols,
            recorder);
    stream.start();
  }

  @Test
  void subscribed_bars_arrive_as_exact_decimals_of_their_symbol() {
    start(List.of("AAPL"));
    await("connected", () -> stream.state() == StreamState.CONNECTED);

    fake.marketData().publishBar("MSFT", T0, "410.10", "410.50", "409.90", "410.20", 1200);
    fake.marketData().publishBar("AAPL", T0, "180.10", "180.55", "179.95", "180.42", 3400);

    await("a bar", () -> !recorder.events.isEmpty());
    StockBar bar = recorder.events.getFirst();
    assertThat(bar.symbol()).isEqualTo("AAPL");
    assertThat(bar.time()).isEqualTo(T0);
    assertThat(bar.close()).isEqualByComparingTo("180.42");
    assertThat(bar.high().toPlainString()).isEqualTo("180.55");
    assertThat(bar.volume()).isEqualByComparingTo("3400");
    assertThat(recorder.events).hasSize(1);
  }

  @Test
  void a_dropped_stream_resubscribes_its_symbols_after_reconnecting() {
    start(List.of("AAPL", "MSFT"));
    await("connected", () -> stream.state() == StreamState.CONNECTED);

    fake.marketData().dropAll();
    await("reconnected", () -> recorder.count(StreamState.CONNECTED) == 2);
    fake.marketData().publishBar("MSFT", T0, "410.10", "410.50", "409.90", "410.20", 1200);

    await("a bar after the drop", () -> !recorder.events.isEmpty());
    assertThat(fake.marketData().subscribers("AAPL")).isEqualTo(1);
  }

  @Test
  void symbols_added_while_connected_are_subscribed_at_once() {
    start(List.of("AAPL"));
    await("connected", () -> stream.state() == StreamState.CONNECTED);

    stream.subscribe(List.of("MSFT"));

    await("MSFT subscribed", () -> fake.marketData().subscribers("MSFT") == 1);
    fake.marketData().publishBar("MSFT", T0, "410.10", "410.50", "409.90", "410.20", 1200);
    await("the MSFT bar", () -> !recorder.events.isEmpty());
  }

  @Test
  void a_refused_market_data_stream_stays_disconnected_for_the_caller_to_poll() {
    fake.marketData().refuseConnections(true);
    start(List.of("AAPL"));

    await("two refusals", () -> recorder.count(StreamState.DISCONNECTED) >= 2);
    assertThat(stream.state()).isNotEqualTo(StreamState.CONNECTED);
  }
}
