package io.tradecore.testkit;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.CsvBarReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds bars of one instrument for a test, one after another {@link #step} apart (a day unless
 * told), prices as decimal text at the instrument's scale:
 *
 * <pre>{@code
 * List<Bar> bars = Bars.daily("TEST").closes("10", "11", "12.5").list();
 * List<Bar> more = Bars.daily("TEST").bar("10", "10.5", "9.8", "10.2", 1000).list();
 * }</pre>
 */
public final class Bars {
  /** The first bar's time unless {@link #from} says otherwise: Monday 4 March 2024, 00:00 UTC. */
  public static final Instant START = Instant.parse("2024-03-04T00:00:00Z");

  private final Instrument instrument;
  private final List<Bar> bars = new ArrayList<>();
  private Instant next = START;
  private Duration step = Duration.ofDays(1);

  private Bars(Instrument instrument) {
    this.instrument = instrument;
  }

  /** Daily bars of {@code symbol}, priced in USD cents. */
  public static Bars daily(String symbol) {
    return of(Instrument.of(symbol, "USD", 2));
  }

  /** Bars of {@code instrument}, a day apart unless {@link #step} says otherwise. */
  public static Bars of(Instrument instrument) {
    return new Bars(instrument);
  }

  /**
   * The bars of a CSV file (Yahoo, generic OHLCV or Binance klines; the format is detected), of
   * {@code symbol} priced in USD.
   */
  public static List<Bar> csv(Path file, String symbol) {
    return CsvBarReader.read(file, symbol, "USD").bars();
  }

  /** The next bar's time. */
  public Bars from(Instant time) {
    this.next = time;
    return this;
  }

  /** The time between bars. */
  public Bars step(Duration step) {
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("bars must be apart in time but step was " + step);
    }
    this.step = step;
    return this;
  }

  /** One more bar. */
  public Bars bar(String open, String high, String low, String close, double volume) {
    bars.add(new Bar(instrument, next, units(open), units(high), units(low), units(close), volume));
    next = next.plus(step);
    return this;
  }

  /**
   * One bar per close, each opening at the previous close (the first at its own close), its high
   * and low the larger and smaller of open and close, volume 1000.
   */
  public Bars closes(String... closes) {
    String previous = closes.length == 0 ? null : closes[0];
    for (String close : closes) {
      String high = units(previous) >= units(close) ? previous : close;
      String low = units(previous) >= units(close) ? close : previous;
      bar(previous, high, low, close, 1000);
      previous = close;
    }
    return this;
  }

  /** The bars built so far. */
  public List<Bar> list() {
    return List.copyOf(bars);
  }

  private long units(String price) {
    return Decimals.toUnits(new BigDecimal(price), instrument.priceScale());
  }
}
