package io.tradecore.policy;

/**
 * The latest bars of one instrument, kept in a fixed-size ring so adding a bar allocates nothing.
 * Index 0 is the latest bar, 1 the one before it. Prices are plain doubles (market-data maths); not
 * thread-safe: one engine thread adds and reads.
 */
public final class BarWindow {
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;
  private int next;
  private int size;

  public BarWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a bar window holds at least 1 bar but was " + capacity);
    }
    open = new double[capacity];
    high = new double[capacity];
    low = new double[capacity];
    close = new double[capacity];
    volume = new double[capacity];
  }

  /** Adds the latest bar, dropping the oldest when full. */
  public void add(double open, double high, double low, double close, double volume) {
    if (!positive(open) || !positive(high) || !positive(low) || !positive(close)) {
      throw new IllegalArgumentException(
          "bar prices must be positive and finite but were " + ohlc(open, high, low, close));
    }
    if (high < Math.max(open, close) || low > Math.min(open, close)) {
      throw new IllegalArgumentException(
          "bar high/low must enclose open and close but were " + ohlc(open, high, low, close));
    }
    if (!(volume >= 0) || Double.isInfinite(volume)) {
      throw new IllegalArgumentException("bar volume must be finite and >= 0 but was " + volume);
    }
    this.open[next] = open;
    this.high[next] = high;
    this.low[next] = low;
    this.close[next] = close;
    this.volume[next] = volume;
    next = (next + 1) % this.close.length;
    size = Math.min(size + 1, this.close.length);
  }

  /** Bars held, at most the capacity. */
  public int size() {
    return size;
  }

  public int capacity() {
    return close.length;
  }

  /** Forgets every bar. */
  public void clear() {
    next = 0;
    size = 0;
  }

  public double open(int back) {
    return open[slot(back)];
  }

  public double high(int back) {
    return high[slot(back)];
  }

  public double low(int back) {
    return low[slot(back)];
  }

  public double close(int back) {
    return close[slot(back)];
  }

  public double volume(int back) {
    return volume[slot(back)];
  }

  private static boolean positive(double price) {
    return price > 0 && price < Double.POSITIVE_INFINITY;
  }

  private static String ohlc(double open, double high, double low, double close) {
    return "open " + open + " high " + high + " low " + low + " close " + close;
  }

  private int slot(int back) {
    if (back < 0 || back >= size) {
      throw new IndexOutOfBoundsException(
          "bar " + back + " back is not in a window of " + size + " bars");
    }
    int i = next - 1 - back;
    return i < 0 ? i + close.length : i;
  }
}
