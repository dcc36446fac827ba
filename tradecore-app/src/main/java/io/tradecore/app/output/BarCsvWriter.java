package io.tradecore.app.output;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.marketdata.BarSeries;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Writes bars as a generic OHLCV CSV file ({@code timestamp,open,high,low,close,volume}) that
 * {@code tradecore backtest --data} reads back to the same bars, or as a Yahoo Finance file.
 */
public final class BarCsvWriter {
  public static final String HEADER = "timestamp,open,high,low,close,volume";
  public static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";

  private BarCsvWriter() {}

  /** Bars at midnight UTC are written as dates, others as ISO-8601 instants. */
  public static void write(Path file, BarSeries series) throws IOException {
    int scale = series.instrument().priceScale();
    try (Csv csv = new Csv(file, HEADER)) {
      for (Bar bar : series.bars()) {
        var utc = bar.time().atOffset(ZoneOffset.UTC);
        Object time = utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate() : bar.time();
        csv.row(
            time,
            Decimals.toDecimal(bar.open(), scale),
            Decimals.toDecimal(bar.high(), scale),
            Decimals.toDecimal(bar.low(), scale),
            Decimals.toDecimal(bar.close(), scale),
            BigDecimal.valueOf(bar.volume()).stripTrailingZeros());
      }
    }
  }

  /** Daily bars (at midnight UTC) as a Yahoo Finance history file; Adj Close repeats Close. */
  public static void writeYahoo(Path file, BarSeries series) throws IOException {
    int scale = series.instrument().priceScale();
    try (Csv csv = new Csv(file, YAHOO_HEADER)) {
      for (Bar bar : series.bars()) {
        var utc = bar.time().atOffset(ZoneOffset.UTC);
        if (!utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
          throw new IllegalArgumentException("a Yahoo file holds daily bars, not " + bar.time());
        }
        BigDecimal close = Decimals.toDecimal(bar.close(), scale);
        csv.row(
            utc.toLocalDate(),
            Decimals.toDecimal(bar.open(), scale),
            Decimals.toDecimal(bar.high(), scale),
            Decimals.toDecimal(bar.low(), scale),
            close,
            close,
            BigDecimal.valueOf(bar.volume()).stripTrailingZeros().toPlainString());
      }
    }
  }
}
