package io.tradecore.marketdata;

import static io.tradecore.marketdata.CsvFiles.YAHOO_HEADER;
import static io.tradecore.marketdata.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.CsvBarReader.Options;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarReaderTest {
  @TempDir Path dir;

  @Test
  void yahoo_rows_use_close_not_adj_close_at_utc_midnight() {
    Path file =
        write(
            dir,
            "orcl.csv",
            YAHOO_HEADER,
            "2014-01-02,38.25,38.40,37.90,38.00,36.10,15000000",
            "2014-01-03,38.00,38.75,37.95,38.70,36.77,12000000.5");

    BarSeries series = CsvBarReader.read(file, "ORCL", "USD");

    Instrument orcl = Instrument.of("ORCL", "USD", 2);
    assertThat(series.bars())
        .containsExactly(
            new Bar(orcl, Instant.parse("2014-01-02T00:00:00Z"), 3825, 3840, 3790, 3800, 15e6),
            new Bar(
                orcl, Instant.parse("2014-01-03T00:00:00Z"), 3800, 3875, 3795, 3870, 12e6 + .5));
    assertThat(series.instrument().quantityScale()).isEqualTo(6);
  }

  @Test
  void price_scale_is_the_most_decimals_in_any_price_column() {
    Path file =
        write(
            dir,
            "mixed.csv",
            "timestamp,open,high,low,close,volume",
            "2024-01-02,10,11,9,10.5,100",
            "2024-01-03,10.5,11.125,10.25,11,100.1234567891");

    BarSeries series = CsvBarReader.read(file, "MIX", "USD");

    assertThat(series.instrument().priceScale()).isEqualTo(3);
    assertThat(series.first().open()).isEqualTo(10_000);
    assertThat(series.last().high()).isEqualTo(11_125);
    assertThat(series.last().volume()).isEqualTo(100.1234567891);
  }

  @Test
  void trailing_zeros_beyond_eight_decimals_are_accepted() {
    Path file =
        write(
            dir,
            "zeros.csv",
            "timestamp,open,high,low,close,volume",
            "2024-01-02,1.5000000000,1.75,1.25,1.5,1");

    BarSeries series = CsvBarReader.read(file, "Z", "USD");

    assertThat(series.instrument().priceScale()).isEqualTo(2);
    assertThat(series.first().open()).isEqualTo(150);
  }

  @Test
  void generic_columns_may_come_in_any_order_with_extra_columns() {
    Path file =
        write(
            dir,
            "any-order.csv",
            "Volume,Symbol,Close,Low,High,Open,Timestamp",
            "500,BTC,101.5,99.0,102.0,100.0,2024-01-02T09:30:00Z");

    Bar bar = CsvBarReader.read(file, "BTC", "USD").first();

    assertThat(bar.time()).isEqualTo(Instant.parse("2024-01-02T09:30:00Z"));
    assertThat(new long[] {bar.open(), bar.high(), bar.low(), bar.close()})
        .containsExactly(1000, 1020, 990, 1015);
    assertThat(bar.volume()).isEqualTo(500);
  }

  @Test
  void generic_timestamps_accept_iso_dates_and_epoch_numbers() {
    Path file =
        write(
            dir,
            "times.csv",
            "timestamp,open,high,low,close,volume",
            "2024-01-02,1,1,1,1,1",
            "2024-01-02T10:00:00,1,1,1,1,1",
            "2024-01-02 11:00:00,1,1,1,1,1",
            "2024-01-02T13:00:00+01:00,1,1,1,1,1",
            "2024-01-02T13:00:00.5Z,1,1,1,1,1",
            "1704207600,1,1,1,1,1",
            "1704211200000,1,1,1,1,1");

    BarSeries series = CsvBarReader.read(file, "T", "USD");

    assertThat(series.bars())
        .extracting(Bar::time)
        .containsExactly(
            Instant.parse("2024-01-02T00:00:00Z"),
            Instant.parse("2024-01-02T10:00:00Z"),
            Instant.parse("2024-01-02T11:00:00Z"),
            Instant.parse("2024-01-02T12:00:00Z"),
            Instant.parse("2024-01-02T13:00:00.5Z"),
            Instant.parse("2024-01-02T15:00:00Z"),
            Instant.parse("2024-01-02T16:00:00Z"));
  }

  @Test
  void binance_klines_without_header_read_millis_and_micros() {
    Path file =
        write(
            dir,
            "BTCUSDT-1d.csv",
            "1704067200000,42283.58,44184.10,42180.77,44179.55,27174.29903,"
                + "1704153599999,1169995606.4,1253289,14345.61,617686727.3,0",
            "1735689600000000,93576.00,95151.15,92888.00,94591.79,10373.32613,"
                + "1735775999999999,975901787.7,1605523,5170.2,486471018.6,0");

    BarSeries series = CsvBarReader.read(file, "BTCUSDT", "USDT");

    assertThat(series.instrument().priceScale()).isEqualTo(2);
    assertThat(series.bars())
        .extracting(Bar::time)
        .containsExactly(
            Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(series.first().close()).isEqualTo(4_417_955);
    assertThat(series.last().volume()).isEqualTo(10373.32613);
  }

  @Test
  void binance_klines_with_header_are_read() {
    Path file =
        write(
            dir,
            "ETHUSDT-1h.csv",
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                + "taker_buy_volume,taker_buy_quote_volume,ignore",
            "1704067200000,2281.87,2297.18,2281.27,2295.51,10771.98,"
                + "1704070799999,24659837.6,22000,5787.1,13249338.3,0");

    BarSeries series = CsvBarReader.read(file, "ETHUSDT", "USDT");

    assertThat(series.first().time()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(series.first().high()).isEqualTo(229_718);
  }

  @Test
  void named_format_overrides_detection() {
    Path file =
        write(dir, "yahoo-as-generic.csv", YAHOO_HEADER, "2014-01-02,10,11,9,10.5,10.4,1000");

    BarSeries series =
        CsvBarReader.read(file, "X", "USD", Options.STRICT.withFormat(CsvFormat.GENERIC));

    assertThat(series.first().close()).isEqualTo(105);
  }

  @Test
  void named_format_that_does_not_fit_the_header_is_an_error() {
    Path file = write(dir, "generic.csv", "timestamp,open,high,low,close,volume", "1,1,1,1,1,1");

    assertThatThrownBy(
            () -> CsvBarReader.read(file, "X", "USD", Options.STRICT.withFormat(CsvFormat.YAHOO)))
        .isInstanceOf(MarketDataException.class)
        .hasMessageStartingWith("generic.csv: first line 'timestamp,open,high,low,close,volume'")
        .hasMessageContaining("does not fit the YAHOO format");
  }

  @Test
  void byte_order_mark_crlf_and_blank_lines_are_tolerated() {
    Path file =
        write(
            dir,
            "excel.csv",
            "\uFEFF" + YAHOO_HEADER + "\r",
            "2014-01-02,10,11,9,10.5,10.4,1000\r",
            "",
            "2014-01-03,10,11,9,10.5,10.4,1000\r",
            "   ");

    assertThat(CsvBarReader.read(file, "X", "USD").size()).isEqualTo(2);
  }

  @Test
  void missing_file_names_the_path() {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> CsvBarReader.read(missing, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("market data file not found: " + missing);
  }

  @Test
  void directory_is_not_a_market_data_file() {
    assertThatThrownBy(() -> CsvBarReader.read(dir, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("market data path is not a regular file: " + dir);
  }

  @Test
  void file_that_is_not_utf8_names_the_path() throws Exception {
    Path file = dir.resolve("latin1.csv");
    java.nio.file.Files.write(file, new byte[] {'D', (byte) 0xE9, 't', 'e', '\n'});

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("market data file is not UTF-8 text: " + file);
  }

  @Test
  void empty_file_is_an_error() {
    Path file = write(dir, "empty.csv", "", "  ");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("empty.csv: file is empty");
  }

  @Test
  void header_without_rows_is_an_error() {
    Path file = write(dir, "header-only.csv", YAHOO_HEADER);

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("header-only.csv: has a header but no data rows");
  }

  @Test
  void unknown_header_names_the_header_and_the_accepted_formats() {
    Path file = write(dir, "odd.csv", "day;o;h;l;c;v", "2024-01-02;1;1;1;1;1");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessageStartingWith("odd.csv: header 'day;o;h;l;c;v' matches no known format")
        .hasMessageContaining("YAHOO (Date,Open,High,Low,Close,Adj Close,Volume")
        .hasMessageContaining("GENERIC (timestamp")
        .hasMessageContaining("BINANCE (open_time");
  }

  @Test
  void bad_symbol_fails_before_reading() {
    assertThatThrownBy(() -> CsvBarReader.read(dir.resolve("x.csv"), "BAD SYMBOL", "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbol");
  }
}
