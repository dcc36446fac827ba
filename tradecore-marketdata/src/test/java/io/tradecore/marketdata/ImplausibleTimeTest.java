package io.tradecore.marketdata;

import static io.tradecore.marketdata.CsvFiles.YAHOO_HEADER;
import static io.tradecore.marketdata.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Times a parser takes but no market has (year 1, year 9999, epoch micros near the limit) and gaps
 * of decades stop the load, naming file and line: a runner would log every day up to them.
 */
class ImplausibleTimeTest {
  private static final String ALLOWED =
      " is not a plausible market time (allowed: years 1900 to 2099)";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case                 | timestamp on line 3         | the time it stands for
        "year 1                 | 0001-01-03                  | 0001-01-03T00:00:00Z",
        "year 1899              | 1899-12-31T23:59:59Z        | 1899-12-31T23:59:59Z",
        "year 2100              | 2100-01-01                  | 2100-01-01T00:00:00Z",
        "year 9999              | 9999-12-31T10:00:00Z        | 9999-12-31T10:00:00Z",
        "year 99999             | +99999-01-01T00:00:00Z      | +99999-01-01T00:00:00Z",
        "epoch seconds, 5138    | 99999999999                 | 5138-11-16T09:46:39Z",
        "epoch micros, limit    | 9223372036854775807         | +294247-01-10T04:00:54.775807Z",
        "epoch millis, 5138     | 99999999999999              | 5138-11-16T09:46:39.999Z",
      })
  void a_time_outside_the_plausible_years_stops_the_load(String name, String time, String instant) {
    Path file =
        write(
            dir,
            "bad.csv",
            "timestamp,open,high,low,close,volume",
            "2024-01-02,10,11,9,10.5,1000",
            time + ",10,11,9,10.5,1000",
            "2024-01-04,10,11,9,10.5,1000");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("bad.csv line 3: time " + instant + ALLOWED);
  }

  @Test
  void the_first_and_last_plausible_days_load() {
    Path file =
        write(
            dir,
            "edges.csv",
            YAHOO_HEADER,
            "1900-01-01,10,11,9,10.5,10.5,1000",
            "1909-12-31,10,11,9,10.5,10.5,1000");
    Path late =
        write(
            dir,
            "late.csv",
            YAHOO_HEADER,
            "2090-01-02,10,11,9,10.5,10.5,1000",
            "2099-12-31,10,11,9,10.5,10.5,1000");

    assertThat(CsvBarReader.read(file, "X", "USD").size()).isEqualTo(2);
    assertThat(CsvBarReader.read(late, "X", "USD").size()).isEqualTo(2);
  }

  @Test
  void a_gap_of_decades_stops_the_load_even_when_lenient() {
    Path file =
        write(
            dir,
            "gap.csv",
            YAHOO_HEADER,
            "1990-01-02,10,11,9,10.5,10.5,1000",
            "1990-01-03,10,11,9,10.5,10.5,1000",
            "2024-01-02,10,11,9,10.5,10.5,1000",
            "2024-01-03,10,11,9,10.5,10.5,1000");

    String expected =
        "gap.csv line 4: time 2024-01-02T00:00:00Z is more than ten years after the row before it"
            + " (1990-01-03T00:00:00Z, line 3)";
    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD")).hasMessage(expected);
    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD", CsvBarReader.Options.LENIENT))
        .hasMessage(expected);
  }

  @Test
  void an_implausible_row_is_skipped_when_lenient_and_each_bar_keeps_its_line() {
    Path file =
        write(
            dir,
            "some.csv",
            YAHOO_HEADER,
            "2024-01-02,10,11,9,10.5,10.5,1000",
            "",
            "9999-01-03,10,11,9,10.5,10.5,1000",
            "2024-01-04,10,11,9,10.5,10.5,1000");

    BarSeries series = CsvBarReader.read(file, "X", "USD", CsvBarReader.Options.LENIENT);

    assertThat(series.skippedRows()).isEqualTo(1);
    assertThat(series.lines()).containsExactly(2, 5);
    assertThat(series.where(1)).isEqualTo("some.csv line 5");
  }
}
