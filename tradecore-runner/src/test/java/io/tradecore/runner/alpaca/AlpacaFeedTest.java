package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.BarTimeframe;
import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.alpaca.fake.TestClock;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.feed.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live Alpaca feed: bars from the stream, from polling when it is down, and none when shut. */
class AlpacaFeedTest {
  // Tuesday 5 March 2024, 10:30 in New York: the market is open.
  final TestClock clock = new TestClock(Instant.parse("2024-03-05T15:30:00Z"));
  FakeAlpaca fake;
  AlpacaFeed feed;

  @BeforeEach
  void start() {
    fake = FakeAlpaca.start(clock);
    fake.warmUp();
  }

  @AfterEach
  void stop() {
    if (feed != null) {
      feed.close();
    }
    fake.close();
  }

  private AlpacaFeed open(boolean stream) {
    AlpacaClient client =
        AlpacaClient.builder(fake.config())
            .policy(AgainstFakeBroker.FAST)
            .clock(clock)
            .random(new SplittableRandom(3))
            .build();
    feed =
        new AlpacaFeed(
            client,
            List.of("AAPL", "MSFT"),
            BarTimeframe.MINUTE,
            TradingCalendars.of(TradingCalendars.NYSE),
            clock,
            stream ? AgainstFakeBroker.QUICK_STREAMS : null,
            Map.of());
    feed.resumeAfter(null, m -> {});
    return feed;
  }

  private List<Moment> take(int count) throws InterruptedException {
    List<Moment> out = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (out.size() < count && System.nanoTime() < deadline) {
      Moment m = feed.poll(Duration.ofMillis(200));
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  @Test
  void streamed_bars_of_one_minute_come_as_one_moment() throws Exception {
    open(true);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (fake.marketData().subscribers("MSFT") == 0 && System.nanoTime() < deadline) {
      feed.poll(Duration.ofMillis(50));
    }
    Instant minute = Instant.parse("2024-03-05T15:30:00Z");
    fake.marketData().publishBar("AAPL", minute, "180.00", "180.50", "179.90", "180.25", 1200);
    fake.marketData().publishBar("MSFT", minute, "410.00", "411.00", "409.50", "410.75", 800);
    // A repeat of a bar already handed out is dropped.
    fake.marketData().publishBar("AAPL", minute, "180.00", "180.50", "179.90", "180.25", 1200);

    List<Moment> moments = take(1);
    assertThat(moments).singleElement().satisfies(m -> assertThat(m.time()).isEqualTo(minute));
    Moment m = moments.getFirst();
    assertThat(m.bars()).hasSize(2);
    assertThat(m.bar("AAPL").close()).isEqualTo(1_802_500);
    assertThat(m.bar("MSFT").close()).isEqualTo(4_107_500);
    assertThat(feed.poll(Duration.ofMillis(300))).isNull();
  }

  @Test
  void polls_the_bars_endpoint_once_a_bar_while_the_stream_is_refused() throws Exception {
    fake.marketData().refuseConnections(true);
    Instant minute = Instant.parse("2024-03-05T15:29:00Z");
    fake.marketData().addBar("AAPL", minute, "180.00", "180.50", "179.90", "180.25", 1200);
    fake.marketData().addBar("MSFT", minute, "410.00", "411.00", "409.50", "410.75", 800);
    open(true);

    List<Moment> first = take(1);
    assertThat(first).singleElement().satisfies(m -> assertThat(m.time()).isEqualTo(minute));

    Instant next = minute.plusSeconds(60);
    fake.marketData().addBar("AAPL", next, "180.25", "181.00", "180.20", "180.90", 900);
    fake.marketData().addBar("MSFT", next, "410.75", "412.00", "410.50", "411.50", 700);
    clock.advance(Duration.ofSeconds(61));

    List<Moment> second = take(1);
    assertThat(second).singleElement().satisfies(m -> assertThat(m.time()).isEqualTo(next));
    assertThat(second.getFirst().bar("MSFT").close()).isEqualTo(4_115_000);
  }

  @Test
  void reads_no_bars_while_the_market_is_shut() throws Exception {
    clock.advance(Duration.ofDays(4)); // Saturday 9 March
    open(false);

    assertThat(feed.poll(Duration.ofMillis(800))).isNull();
    assertThat(fake.count("GET", "/v2/stocks/bars")).isZero();
  }
}
