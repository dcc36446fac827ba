package io.tradecore.marketdata;

import java.util.List;
import java.util.Optional;

/** The CSV layouts {@link CsvBarReader} reads, each recognisable from a file's first line. */
public enum CsvFormat {
  /** Yahoo Finance daily history; the Close column is used, not Adj Close. */
  YAHOO("Date,Open,High,Low,Close,Adj Close,Volume with yyyy-MM-dd dates"),
  /** Named columns in any order; times as ISO-8601, yyyy-MM-dd or epoch seconds/millis. */
  GENERIC("timestamp (or date, datetime, time),open,high,low,close,volume in any order"),
  /** Binance klines, with or without a header; open_time in epoch millis or micros. */
  BINANCE(
      "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
          + "taker_buy_volume,taker_buy_quote_volume,ignore, or 12 such values without a header");

  private static final List<CsvFormat> DETECTION_ORDER = List.of(BINANCE, YAHOO, GENERIC);

  private final String expected;

  CsvFormat(String expected) {
    this.expected = expected;
  }

  /** The first line this format expects, in words, for error messages. */
  public String expected() {
    return expected;
  }

  /** The format whose header (or, for headerless Binance files, first row) this line is. */
  public static Optional<CsvFormat> detect(String headerLine) {
    for (CsvFormat format : DETECTION_ORDER) {
      if (CsvLayout.of(format, headerLine).isPresent()) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
