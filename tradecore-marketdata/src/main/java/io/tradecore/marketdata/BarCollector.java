package io.tradecore.marketdata;

import io.tradecore.core.domain.Instrument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the parsed rows of one file, column by column, and the problems of malformed ones, then
 * builds the series once the price scale of the whole file is known.
 */
final class BarCollector {
  static final int MAX_PROBLEMS = 20;

  private final String source;
  private final boolean lenient;
  private final List<String> problems = new ArrayList<>();
  private int skipped;
  private int scale;
  private int size;
  private long[] seconds;
  private int[] nanos;
  private long[] open;
  private long[] high;
  private long[] low;
  private long[] close;
  private double[] volume;
  private int[] lines;
  private Instant last;

  BarCollector(String source, boolean lenient) {
    this(source, lenient, 16);
  }

  /** A collector with room for {@code expectedRows} rows before it grows. */
  BarCollector(String source, boolean lenient, int expectedRows) {
    this.source = source;
    this.lenient = lenient;
    int n = Math.max(16, expectedRows);
    seconds = new long[n];
    nanos = new int[n];
    open = new long[n];
    high = new long[n];
    low = new long[n];
    close = new long[n];
    volume = new double[n];
    lines = new int[n];
  }

  /**
   * Parses one data row, failing the load on a malformed row unless lenient, and on a gap of more
   * than {@link BarSeries#MAX_GAP} after the row before it even when lenient (skipping every later
   * row would hide it).
   */
  void add(CsvRowParser parser, int lineNumber, String line) {
    try {
      ParsedRow row = parser.parse(line);
      if (last != null && Duration.between(last, row.time()).compareTo(BarSeries.MAX_GAP) > 0) {
        throw new MarketDataException(
            source
                + " line "
                + lineNumber
                + ": time "
                + row.time()
                + " is more than ten years after the row before it ("
                + last
                + ", line "
                + lines[size - 1]
                + ")");
      }
      append(row, lineNumber);
      scale = Math.max(scale, row.decimals());
    } catch (RowProblem problem) {
      String where = "line " + lineNumber + ": " + problem.getMessage();
      if (!lenient) {
        throw new MarketDataException(source + " " + where);
      }
      skipped++;
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(where);
      }
    }
  }

  private void append(ParsedRow row, int lineNumber) {
    int needed = size + 1;
    seconds = BarColumns.room(seconds, needed);
    nanos = BarColumns.room(nanos, needed);
    open = BarColumns.room(open, needed);
    high = BarColumns.room(high, needed);
    low = BarColumns.room(low, needed);
    close = BarColumns.room(close, needed);
    volume = BarColumns.room(volume, needed);
    lines = BarColumns.room(lines, needed);
    seconds[size] = row.time().getEpochSecond();
    nanos[size] = row.time().getNano();
    open[size] = row.open();
    high[size] = row.high();
    low[size] = row.low();
    close[size] = row.close();
    volume[size] = row.volume();
    lines[size] = lineNumber;
    last = row.time();
    size++;
  }

  /** Hands the rows over to the series; the collector must not be used afterwards. */
  BarSeries toSeries(String symbol, String currency) {
    if (size == 0 && skipped == 0) {
      throw new MarketDataException(source + ": has a header but no data rows");
    }
    if (size == 0) {
      throw new MarketDataException(
          source + ": all " + skipped + " data rows are malformed; first " + problems.getFirst());
    }
    Instrument instrument = Instrument.of(symbol, currency, scale);
    for (int i = 0; i < size; i++) {
      open[i] = CsvRowParser.rescale(open[i], scale);
      high[i] = CsvRowParser.rescale(high[i], scale);
      low[i] = CsvRowParser.rescale(low[i], scale);
      close[i] = CsvRowParser.rescale(close[i], scale);
    }
    BarColumns bars =
        new BarColumns(instrument, size, seconds, nanos, open, high, low, close, volume);
    BarSeries series =
        new BarSeries(
            instrument, bars, source, skipped, problems, new BarColumns.Lines(lines, size));
    seconds = null;
    nanos = null;
    open = null;
    high = null;
    low = null;
    close = null;
    volume = null;
    lines = null;
    return series;
  }
}
