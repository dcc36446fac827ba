package io.tradecore.marketdata;

import static io.tradecore.marketdata.CsvFiles.YAHOO_HEADER;
import static io.tradecore.marketdata.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedRowTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // case              | row on line 4                           | reason
        "too few columns     | 2014-01-06,10,11,9,10.5,10.4            | expected 7 columns but found 6",
        "too many columns    | 2014-01-06,10,11,9,10.5,10.4,1000,7     | expected 7 columns but found 8",
        "unparsable number   | 2014-01-06,10,1l,9,10.5,10.4,1000       | high '1l' is not a number",
        "nan                 | 2014-01-06,nan,11,9,10.5,10.4,1000      | open nan is not a finite number",
        "NaN                 | 2014-01-06,10,11,9,NaN,10.4,1000        | close NaN is not a finite number",
        "inf                 | 2014-01-06,10,inf,9,10.5,10.4,1000      | high inf is not a finite number",
        "-inf                | 2014-01-06,10,11,-inf,10.5,10.4,1000    | low -inf is not a finite number",
        "Infinity volume     | 2014-01-06,10,11,9,10.5,10.4,Infinity   | volume Infinity is not a finite number",
        "empty field         | 2014-01-06,10,,9,10.5,10.4,1000         | high is empty",
        "yahoo null row      | 2014-01-06,null,null,null,null,null,null | open is null",
        "zero price          | 2014-01-06,10,11,0,10.5,10.4,1000       | low 0 is not positive",
        "negative price      | 2014-01-06,10,11,9,-10.5,10.4,1000      | close -10.5 is not positive",
        "too many decimals   | 2014-01-06,10.123456789,11,9,10.5,10,1  | open 10.123456789 has more than 8 decimals",
        "high below low      | 2014-01-06,10.7,10.5,11.0,10.8,10.8,1   | high 10.5 is below low 11.0",
        "high below open     | 2014-01-06,10.7,10.5,10.0,10.2,10.2,1   | high 10.5 is below open 10.7",
        "high below close    | 2014-01-06,10.2,10.5,10.0,10.7,10.7,1   | high 10.5 is below close 10.7",
        "low above open      | 2014-01-06,10.2,10.5,10.3,10.4,10.4,1   | low 10.3 is above open 10.2",
        "low above close     | 2014-01-06,10.4,10.5,10.3,10.2,10.2,1   | low 10.3 is above close 10.2",
        "negative volume     | 2014-01-06,10,11,9,10.5,10.4,-5         | volume -5 is negative",
        "duplicate time      | 2014-01-03,10,11,9,10.5,10.4,1000       | duplicate time 2014-01-03T00:00:00Z (same as the previous row)",
        "out of order        | 2014-01-01,10,11,9,10.5,10.4,1000       | time 2014-01-01T00:00:00Z is before the previous row's 2014-01-03T00:00:00Z",
        "unparsable date     | 01/06/2014,10,11,9,10.5,10.4,1000       | date '01/06/2014' is not a yyyy-MM-dd date",
        "impossible date     | 2014-02-30,10,11,9,10.5,10.4,1000       | date '2014-02-30' is not a yyyy-MM-dd date",
        "empty date          | ,10,11,9,10.5,10.4,1000                 | date is empty",
      })
  void malformed_row_stops_the_load_naming_file_line_and_reason(
      String name, String row, String reason) {
    Path file =
        write(
            dir,
            "bad.csv",
            YAHOO_HEADER,
            "2014-01-02,10,11,9,10.5,10.4,1000",
            "2014-01-03,10,11,9,10.5,10.4,1000",
            row,
            "2014-01-07,10,11,9,10.5,10.4,1000");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("bad.csv line 4: " + reason);
  }

  @Test
  void message_counts_lines_from_one_including_the_header() {
    List<String> lines = new ArrayList<>(List.of(YAHOO_HEADER));
    for (int day = 1; day <= 15; day++) {
      lines.add(String.format("2014-01-%02d,10.6,11.0,10.5,10.7,10.7,1000", day));
    }
    lines.add("2014-01-16,10.6,10.5,11.0,10.7,10.7,1000");
    Path file = write(dir, "orcl.csv", lines.toArray(String[]::new));

    assertThatThrownBy(() -> CsvBarReader.read(file, "ORCL", "USD"))
        .hasMessage("orcl.csv line 17: high 10.5 is below low 11.0");
  }

  @Test
  void generic_row_with_unparsable_timestamp_names_the_value() {
    Path file =
        write(
            dir,
            "generic.csv",
            "timestamp,open,high,low,close,volume",
            "2024-01-02T00:00:00Z,1,1,1,1,1",
            "yesterday,1,1,1,1,1");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .hasMessage(
            "generic.csv line 3: timestamp 'yesterday' is not an ISO-8601 instant, date-time or"
                + " date, nor epoch seconds or millis");
  }

  @Test
  void binance_row_with_unparsable_open_time_names_the_value() {
    String rest = ",1.5,1.5,1.5,1.5,10,1704070799999,15,3,5,7.5,0";
    Path file = write(dir, "klines.csv", "1704067200000" + rest, "2024-01-01T01:00" + rest);

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USDT"))
        .hasMessage("klines.csv line 2: open_time '2024-01-01T01:00' is not epoch milliseconds");
  }
}
