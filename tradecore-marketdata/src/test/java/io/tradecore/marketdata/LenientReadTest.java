package io.tradecore.marketdata;

import static io.tradecore.marketdata.CsvFiles.YAHOO_HEADER;
import static io.tradecore.marketdata.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.Bar;
import io.tradecore.marketdata.CsvBarReader.Options;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LenientReadTest {
  @TempDir Path dir;

  @Test
  void lenient_read_skips_and_counts_malformed_rows() {
    Path file =
        write(
            dir,
            "mixed.csv",
            YAHOO_HEADER,
            "2014-01-02,10.00,11.00,9.00,10.50,10.40,1000",
            "2014-01-03,nan,11.00,9.00,10.50,10.40,1000",
            "2014-01-06,10.00,11.00,9.00,10.50,10.40,1000",
            "2014-01-06,10.00,11.00,9.00,10.50,10.40,1000",
            "2014-01-07,10.123456789,11.00,9.00,10.50,10.40,1000",
            "2014-01-08,10.00,11.00,9.00,10.50,10.40,1000");

    BarSeries series = CsvBarReader.read(file, "X", "USD", Options.LENIENT);

    assertThat(series.bars())
        .extracting(Bar::time)
        .containsExactly(
            Instant.parse("2014-01-02T00:00:00Z"),
            Instant.parse("2014-01-06T00:00:00Z"),
            Instant.parse("2014-01-08T00:00:00Z"));
    assertThat(series.skippedRows()).isEqualTo(3);
    assertThat(series.problems())
        .containsExactly(
            "line 3: open nan is not a finite number",
            "line 5: duplicate time 2014-01-06T00:00:00Z (same as the previous row)",
            "line 6: open 10.123456789 has more than 8 decimals");
    assertThat(series.instrument().priceScale()).isEqualTo(2);
  }

  @Test
  void lenient_read_keeps_the_first_twenty_problems_and_counts_all() {
    List<String> lines = new ArrayList<>(List.of(YAHOO_HEADER, "2014-01-01,1,1,1,1,1,1"));
    for (int i = 0; i < 25; i++) {
      lines.add("2014-01-02,1,1,1,1,1,-1");
    }
    Path file = write(dir, "many.csv", lines.toArray(String[]::new));

    BarSeries series = CsvBarReader.read(file, "X", "USD", Options.LENIENT);

    assertThat(series.size()).isEqualTo(1);
    assertThat(series.skippedRows()).isEqualTo(25);
    assertThat(series.problems())
        .hasSize(20)
        .startsWith("line 3: volume -1 is negative")
        .endsWith("line 22: volume -1 is negative");
  }

  @Test
  void lenient_read_of_only_malformed_rows_is_an_error() {
    Path file = write(dir, "all-bad.csv", YAHOO_HEADER, "2014-01-02,null,null,null,null,null,null");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD", Options.LENIENT))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("all-bad.csv: all 1 data rows are malformed; first line 2: open is null");
  }
}
