package io.tradecore.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvFormatTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Date,Open,High,Low,Close,Adj Close,Volume                         | YAHOO",
        "date,open,high,low,close,adj close,volume                         | YAHOO",
        "Date,Open,High,Low,Close,Volume,Adj Close                         | YAHOO",
        "\uFEFFDate,Open,High,Low,Close,Adj Close,Volume                   | YAHOO",
        "timestamp,open,high,low,close,volume                              | GENERIC",
        "Volume,Close,Low,High,Open,Timestamp                              | GENERIC",
        "date,open,high,low,close,volume                                   | GENERIC",
        "time,symbol,open,high,low,close,volume                            | GENERIC",
        "\"timestamp\",\"open\",\"high\",\"low\",\"close\",\"volume\"      | GENERIC",
        "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore              | BINANCE",
        "1499040000000,0.01634790,0.80000000,0.01575800,0.01577100,148976.11427815,"
            + "1499644799999,2434.19055334,308,1756.87402397,28.46694368,0 | BINANCE",
        "1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,"
            + "1735689659999999,768814.14,2108,4.5,421093.2,0              | BINANCE",
      })
  void format_is_detected_from_the_first_line(String firstLine, CsvFormat expected) {
    assertThat(CsvFormat.detect(firstLine)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Date;Open;High;Low;Close;Adj Close;Volume",
        "timestamp,open,high,low,close",
        "when,open,high,low,close,volume",
        "2014-01-02,10,11,9,10.5,10.5,1000",
        "1499040000000,0.0163,0.8,0.0157,0.0157,148976.1",
      })
  void unknown_first_line_matches_no_format(String firstLine) {
    assertThat(CsvFormat.detect(firstLine)).isEmpty();
  }
}
