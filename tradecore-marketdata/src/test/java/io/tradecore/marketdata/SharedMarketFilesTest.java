package io.tradecore.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SharedMarketFilesTest {

  private static Path sharedFile(String name) {
    String shared = System.getProperty("tradecore.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "market", name);
    String reason =
        shared == null
            ? "system property tradecore.shared is not set; skipping " + name
            : "shared market data file " + file + " is missing; skipping";
    boolean present = file != null && Files.isRegularFile(file);
    if (!present) {
      System.out.println(reason);
    }
    Assumptions.assumeTrue(present, reason);
    return file;
  }

  private static long dataRows(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.count() - 1;
    }
  }

  private static Bar bar(
      Instrument instrument, String date, long o, long h, long l, long c, double volume) {
    return new Bar(instrument, Instant.parse(date + "T00:00:00Z"), o, h, l, c, volume);
  }

  @Test
  void nvda_file_loads_every_row_with_exact_prices() throws IOException {
    Path file = sharedFile("nvda-1999-2014.txt");

    BarSeries series = CsvBarReader.read(file, "NVDA", "USD");

    Instrument nvda = new Instrument("NVDA", "USD", 6, 6);
    assertThat(series.instrument()).isEqualTo(nvda);
    assertThat(series.size()).isEqualTo(dataRows(file)).isEqualTo(4012);
    assertThat(series.source()).isEqualTo("nvda-1999-2014.txt");
    assertThat(series.skippedRows()).isZero();
    assertThat(series.first())
        .isEqualTo(bar(nvda, "1999-01-22", 1_750000, 1_953125, 1_552083, 1_640625, 67_867_200));
    assertThat(series.last())
        .isEqualTo(bar(nvda, "2014-12-31", 20_400000, 20_510000, 19_990000, 20_049999, 4_157_500));
  }

  @Test
  void orcl_file_loads_every_row_with_exact_prices() throws IOException {
    Path file = sharedFile("orcl-1995-2014.txt");

    BarSeries series = CsvBarReader.read(file, "ORCL", "USD");

    Instrument orcl = new Instrument("ORCL", "USD", 6, 6);
    assertThat(series.size()).isEqualTo(dataRows(file)).isEqualTo(5036);
    assertThat(series.first())
        .isEqualTo(bar(orcl, "1995-01-03", 2_179012, 2_191358, 2_117284, 2_117284, 36_301_200));
    assertThat(series.last())
        .isEqualTo(bar(orcl, "2014-12-31", 45_450001, 45_560001, 44_970001, 44_970001, 13_269_200));
  }

  @Test
  void yhoo_file_loads_every_row_with_exact_prices() throws IOException {
    Path file = sharedFile("yhoo-1996-2014.txt");

    BarSeries series = CsvBarReader.read(file, "YHOO", "USD");

    Instrument yhoo = new Instrument("YHOO", "USD", 6, 6);
    assertThat(series.size()).isEqualTo(dataRows(file)).isEqualTo(4713);
    assertThat(series.first())
        .isEqualTo(bar(yhoo, "1996-04-12", 1_052083, 1_791667, 1_020833, 1_375000, 408_720_000));
    assertThat(series.last())
        .isEqualTo(bar(yhoo, "2014-12-31", 51_540001, 51_680000, 50_459999, 50_509998, 9_305_000));
  }

  @Test
  void shared_files_are_detected_as_yahoo() throws IOException {
    for (String name : List.of("nvda-1999-2014.txt", "orcl-1995-2014.txt", "yhoo-1996-2014.txt")) {
      Path file = sharedFile(name);
      try (var lines = Files.lines(file)) {
        assertThat(CsvFormat.detect(lines.findFirst().orElseThrow())).contains(CsvFormat.YAHOO);
      }
    }
  }
}
