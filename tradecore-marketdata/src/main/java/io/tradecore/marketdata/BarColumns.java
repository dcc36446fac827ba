package io.tradecore.marketdata;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The bars of a file held column by column in arrays (about 52 bytes a bar instead of about 90 for
 * a list of {@link Bar}s with their {@link Instant}s); each {@link #get} makes the bar afresh,
 * equal to the one before. Immutable once built: the reader hands its arrays over and keeps none.
 */
final class BarColumns extends AbstractList<Bar> implements RandomAccess {
  private final Instrument instrument;
  private final int size;
  private final long[] seconds;
  private final int[] nanos;
  private final long[] open;
  private final long[] high;
  private final long[] low;
  private final long[] close;
  private final double[] volume;

  /** The first {@code size} entries of each array; the bars must be valid and in time order. */
  BarColumns(
      Instrument instrument,
      int size,
      long[] seconds,
      int[] nanos,
      long[] open,
      long[] high,
      long[] low,
      long[] close,
      double[] volume) {
    this.instrument = instrument;
    this.size = size;
    this.seconds = seconds;
    this.nanos = nanos;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
  }

  @Override
  public Bar get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("bar " + index + " of " + size);
    }
    return new Bar(
        instrument,
        Instant.ofEpochSecond(seconds[index], nanos[index]),
        open[index],
        high[index],
        low[index],
        close[index],
        volume[index]);
  }

  @Override
  public int size() {
    return size;
  }

  /** Line numbers held in an int array, as an unmodifiable list. */
  static final class Lines extends AbstractList<Integer> implements RandomAccess {
    private final int[] lines;
    private final int size;

    Lines(int[] lines, int size) {
      this.lines = lines;
      this.size = size;
    }

    @Override
    public Integer get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("line " + index + " of " + size);
      }
      return lines[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** {@code array} with room for at least {@code needed} entries, grown by half when full. */
  static long[] room(long[] array, int needed) {
    return needed <= array.length ? array : Arrays.copyOf(array, grown(array.length, needed));
  }

  static int[] room(int[] array, int needed) {
    return needed <= array.length ? array : Arrays.copyOf(array, grown(array.length, needed));
  }

  static double[] room(double[] array, int needed) {
    return needed <= array.length ? array : Arrays.copyOf(array, grown(array.length, needed));
  }

  private static int grown(int length, int needed) {
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, length + (length >> 1) + 16L));
  }
}
