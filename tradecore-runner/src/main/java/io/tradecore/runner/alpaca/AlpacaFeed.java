package io.tradecore.runner.alpaca;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.BarTimeframe;
import io.tradecore.alpaca.MarketDataStream;
import io.tradecore.alpaca.StockBar;
import io.tradecore.alpaca.StreamListener;
import io.tradecore.alpaca.StreamOptions;
import io.tradecore.alpaca.StreamState;
import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Price;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.feed.Moment;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's bars on the wall clock (a live feed): from the market-data stream while it is connected
 * (minute bars), and from the bars endpoint, once per bar, while it is not or for other bar sizes;
 * the calendar (NYSE) says when the market is open and so when to poll. A bar that both paths bring
 * goes out once. Bars of one time are handed out together, once every symbol has one or shortly
 * after the first. After a restart the bars missed since the cursor (up to three days) warm the
 * strategy up; they are not traded.
 */
public final class AlpacaFeed implements MarketFeed {
  private static final Logger LOG = LoggerFactory.getLogger(AlpacaFeed.class);
  private static final Duration HISTORY = Duration.ofDays(3);
  private static final long GRACE_NANOS = Duration.ofSeconds(2).toNanos();

  private final AlpacaClient client;
  private final List<String> symbols;
  private final BarTimeframe timeframe;
  private final Duration barLength;
  private final TradingCalendar calendar;
  private final Clock clock;
  private final StreamOptions streamOptions;
  private final Map<String, Instrument> instruments;
  private final BlockingQueue<Bar> arrived = new LinkedBlockingQueue<>();
  private final Map<String, Instant> lastTaken = new ConcurrentHashMap<>();
  // The runner's thread only: bars waiting for the rest of their time's.
  private final TreeMap<Instant, Map<String, Bar>> pending = new TreeMap<>();
  private final Map<Instant, Long> pendingSince = new LinkedHashMap<>();
  private volatile boolean stopped;
  private volatile boolean catchUp;
  private volatile StreamState streamState = StreamState.DISCONNECTED;
  private volatile Instant lastPoll;
  private volatile LongConsumer arrivals = nanos -> {};
  private ScheduledExecutorService poller;
  private MarketDataStream stream;

  /**
   * @param instruments the instruments of the symbols (others are US equities, {@link
   *     AlpacaVenue#usEquity})
   * @param streamOptions the stream's timing, or null to poll only
   */
  public AlpacaFeed(
      AlpacaClient client,
      List<String> symbols,
      BarTimeframe timeframe,
      TradingCalendar calendar,
      Clock clock,
      StreamOptions streamOptions,
      Map<String, Instrument> instruments) {
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("an Alpaca feed needs at least one symbol");
    }
    if (timeframe.isDailyOrLonger()) {
      throw new IllegalArgumentException(
          "an Alpaca feed takes bars of 1-59Min or 1-23Hour, not " + timeframe);
    }
    this.client = client;
    this.symbols = List.copyOf(symbols);
    this.timeframe = timeframe;
    this.barLength =
        timeframe.unit() == BarTimeframe.Unit.MIN
            ? Duration.ofMinutes(timeframe.amount())
            : Duration.ofHours(timeframe.amount());
    this.calendar = calendar;
    this.clock = clock;
    this.streamOptions = timeframe.equals(BarTimeframe.MINUTE) ? streamOptions : null;
    this.instruments = Map.copyOf(instruments);
  }

  @Override
  public String name() {
    return "alpaca:" + timeframe + ":" + String.join(",", symbols);
  }

  @Override
  public boolean daily() {
    return false;
  }

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public void resumeAfter(Instant cursor, Consumer<Moment> history) {
    if (cursor != null) {
      Instant now = clock.instant();
      Instant from = cursor.isBefore(now.minus(HISTORY)) ? now.minus(HISTORY) : cursor;
      List<List<Bar>> series = new ArrayList<>();
      client
          .allBars(symbols, timeframe, from.plusSeconds(1), now)
          .forEach(
              (symbol, bars) -> {
                List<Bar> done = new ArrayList<>();
                for (StockBar b : bars) {
                  if (b.time().isAfter(cursor) && complete(b.time(), now)) {
                    done.add(bar(symbol, b));
                  }
                }
                series.add(done);
              });
      for (Moment m : Moment.inTimeOrder(series)) {
        m.bars().forEach(b -> lastTaken.merge(b.instrument().symbol(), b.time(), Feeds::later));
        history.accept(m);
      }
      for (String symbol : symbols) {
        lastTaken.merge(symbol, cursor, Feeds::later);
      }
    }
    start();
  }

  private synchronized void start() {
    if (poller != null || stopped) {
      return;
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("alpaca-feed-poll").unstarted(r));
    poller.scheduleWithFixedDelay(this::tick, 0, 250, TimeUnit.MILLISECONDS);
    if (streamOptions != null) {
      stream =
          new MarketDataStream(
              client.config(),
              // Its listener runs on the socket's selector thread: a bar's message goes straight
              // to the stream's thread, with no hop through a pool's thread first.
              HttpClient.newBuilder().executor(Runnable::run).build(),
              streamOptions,
              new SplittableRandom(),
              symbols,
              new StreamListener<>() {
                @Override
                public void onEvent(StockBar event) {
                  onEvent(event, System.nanoTime());
                }

                @Override
                public void onEvent(StockBar event, long receivedNanos) {
                  if (event.symbol() != null && symbols.contains(event.symbol())) {
                    arrivals.accept(receivedNanos);
                    offer(bar(event.symbol(), event));
                  }
                }

                @Override
                public void onStateChange(StreamState state, String reason) {
                  streamState = state;
                  if (state == StreamState.CONNECTED) {
                    catchUp = true; // the bars that closed while it was down
                  }
                }
              });
      stream.start();
    }
  }

  /**
   * Told, for each bar of its symbols from the market-data stream, {@link System#nanoTime()} when
   * its message came off the socket (for latency measurement: the bench times bar to order from
   * there); on the stream's thread, before the bar goes to the runner.
   */
  public void arrivals(LongConsumer receivedNanos) {
    this.arrivals = receivedNanos;
  }

  @Override
  public Moment poll(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!stopped) {
      Bar next;
      while ((next = arrived.poll()) != null) {
        pending.computeIfAbsent(next.time(), t -> new LinkedHashMap<>()).put(symbolOf(next), next);
        pendingSince.putIfAbsent(next.time(), System.nanoTime());
      }
      Moment ready = ready();
      if (ready != null) {
        return ready;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Bar more = arrived.poll(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
      if (more != null) {
        arrived.add(more);
      }
    }
    return null;
  }

  /** The earliest time's bars, once all symbols have one, a later time has begun, or grace ran. */
  private Moment ready() {
    if (pending.isEmpty()) {
      return null;
    }
    Instant first = pending.firstKey();
    Map<String, Bar> bars = pending.get(first);
    boolean all = bars.keySet().containsAll(symbols);
    boolean late = System.nanoTime() - pendingSince.get(first) > GRACE_NANOS;
    if (!all && !late && pending.size() == 1) {
      return null;
    }
    pending.remove(first);
    pendingSince.remove(first);
    return new Moment(first, List.copyOf(bars.values()));
  }

  private static String symbolOf(Bar bar) {
    return bar.instrument().symbol();
  }

  /** Lets a bar through once, and only after the last one of its symbol. */
  private void offer(Bar bar) {
    String symbol = symbolOf(bar);
    synchronized (lastTaken) {
      Instant last = lastTaken.get(symbol);
      if (last != null && !bar.time().isAfter(last)) {
        return;
      }
      lastTaken.put(symbol, bar.time());
    }
    arrived.add(bar);
  }

  /** The poller's beat: reads the bars endpoint once per bar while the stream is not up. */
  private void tick() {
    try {
      Instant now = clock.instant();
      boolean open =
          calendar.status(now).isOpen()
              || calendar.status(now.minus(barLength).minusSeconds(60)).isOpen();
      if (!open) {
        catchUp = false;
        return;
      }
      boolean streaming = streamState == StreamState.CONNECTED;
      Instant last = lastPoll;
      if (catchUp || (!streaming && (last == null || !now.isBefore(last.plus(barLength))))) {
        catchUp = false;
        pollBars(now);
        lastPoll = now;
      }
    } catch (RuntimeException e) {
      LOG.warn("reading Alpaca's bars failed: {}; trying again shortly", e.getMessage());
    }
  }

  private void pollBars(Instant now) {
    Instant from = now.minus(barLength.multipliedBy(2));
    for (String symbol : symbols) {
      Instant last = lastTaken.get(symbol);
      if (last != null && last.isBefore(from)) {
        from = last.plusSeconds(1);
      }
    }
    if (from.isBefore(now.minus(HISTORY))) {
      from = now.minus(HISTORY);
    }
    List<Bar> bars = new ArrayList<>();
    client
        .allBars(symbols, timeframe, from, now)
        .forEach(
            (symbol, list) -> {
              for (StockBar b : list) {
                if (complete(b.time(), now)) {
                  bars.add(bar(symbol, b));
                }
              }
            });
    bars.sort(java.util.Comparator.comparing(Bar::time));
    bars.forEach(this::offer);
  }

  /** A bar is complete once its period has passed. */
  private boolean complete(Instant barTime, Instant now) {
    return !barTime.plus(barLength).isAfter(now);
  }

  private Bar bar(String symbol, StockBar b) {
    Instrument i = instruments.getOrDefault(symbol, AlpacaVenue.usEquity(symbol));
    long open = units(b.open(), i);
    long high = units(b.high(), i);
    long low = units(b.low(), i);
    long close = units(b.close(), i);
    double volume = b.volume() == null ? 0 : b.volume().doubleValue();
    return new Bar(i, b.time(), open, high, low, close, volume);
  }

  /** A price in the instrument's units; a finer price rounds to the nearest unit. */
  private static long units(java.math.BigDecimal price, Instrument i) {
    int scale = i.priceScale();
    return Price.of(price.setScale(scale, java.math.RoundingMode.HALF_EVEN), scale).units();
  }

  @Override
  public boolean ended() {
    return stopped;
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public synchronized void close() {
    stopped = true;
    if (stream != null) {
      stream.close();
    }
    if (poller != null) {
      poller.shutdownNow();
    }
    client.close();
  }

  /** Small helpers shared by the feed's maps. */
  private static final class Feeds {
    private Feeds() {}

    static Instant later(Instant a, Instant b) {
      return a.isAfter(b) ? a : b;
    }
  }
}
