package io.tradecore.marketdata;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the parsed rows of one file and the problems of malformed ones, then builds the series
 * once the price scale of the whole file is known.
 */
final class BarCollector {
  static final int MAX_PROBLEMS = 20;

  private final String source;
  private final boolean lenient;
  private final List<ParsedRow> rows = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private int skipped;
  private int scale;

  BarCollector(String source, boolean lenient) {
    this.source = source;
    this.lenient = lenient;
  }

  /**
   * Parses one data row, failing the load on a malformed row unless lenient, and on a gap of more
   * than {@link BarSeries#MAX_GAP} after the row before it even when lenient (skipping every later
   * row would hide it).
   */
  void add(CsvRowParser parser, int lineNumber, String line) {
    try {
      ParsedRow row = parser.parse(line);
      if (!rows.isEmpty()) {
        Instant before = rows.getLast().time();
        if (Duration.between(before, row.time()).compareTo(BarSeries.MAX_GAP) > 0) {
          throw new MarketDataException(
              source
                  + " line "
                  + lineNumber
                  + ": time "
                  + row.time()
                  + " is more than ten years after the row before it ("
                  + before
                  + ", line "
                  + lines.getLast()
                  + ")");
        }
      }
      rows.add(row);
      lines.add(lineNumber);
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

  BarSeries toSeries(String symbol, String currency) {
    if (rows.isEmpty() && skipped == 0) {
      throw new MarketDataException(source + ": has a header but no data rows");
    }
    if (rows.isEmpty()) {
      throw new MarketDataException(
          source + ": all " + skipped + " data rows are malformed; first " + problems.getFirst());
    }
    Instrument instrument = Instrument.of(symbol, currency, scale);
    List<Bar> bars = new ArrayList<>(rows.size());
    for (ParsedRow row : rows) {
      bars.add(
          new Bar(
              instrument,
              row.time(),
              Decimals.toUnits(row.open(), scale),
              Decimals.toUnits(row.high(), scale),
              Decimals.toUnits(row.low(), scale),
              Decimals.toUnits(row.close(), scale),
              row.volume()));
    }
    return new BarSeries(instrument, bars, source, skipped, problems, lines);
  }
}
