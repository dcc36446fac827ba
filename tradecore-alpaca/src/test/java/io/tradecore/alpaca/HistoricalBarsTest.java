package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import io.tradecore.marketdata.CsvFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoricalBarsTest extends AgainstFakeAlpaca {
  @TempDir Path dir;

  @Test
  void daily_bars_are_written_one_file_per_symbol_dated_in_new_york_and_read_back()
      throws Exception {
    // Prices arrive as JSON numbers, so trailing zeros are gone (169.00 comes as 169).
    // Alpaca stamps a daily bar at midnight New York: 05:00Z in winter, 04:00Z in summer.
    fake.marketData()
        .addBar(
            "AAPL",
            Instant.parse("2024-03-08T05:00:00Z"),
            "169.00",
            "173.70",
            "168.94",
            "170.73",
            76_114_634);
    fake.marketData()
        .addBar(
            "AAPL",
            Instant.parse("2024-03-11T04:00:00Z"),
            "172.94",
            "174.38",
            "172.05",
            "172.75",
            60_139_473);
    fake.marketData()
        .addBar(
            "AAPL",
            Instant.parse("2024-03-12T04:00:00Z"),
            "173.15",
            "174.03",
            "171.01",
            "173.23",
            59_825_372);
    fake.marketData()
        .addBar(
            "MSFT",
            Instant.parse("2024-03-08T05:00:00Z"),
            "407.96",
            "410.42",
            "404.33",
            "406.22",
            18_504_410);
    fake.marketData()
        .addBar(
            "MSFT",
            Instant.parse("2024-03-11T04:00:00Z"),
            "403.76",
            "405.68",
            "401.26",
            "404.52",
            16_120_831);
    fake.marketData().pageSize(2);

    HistoricalBars.Download download =
        new HistoricalBars(client)
            .download(
                List.of("AAPL", "MSFT", "ZVZZT"),
                BarTimeframe.DAY,
                LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 12),
                dir);

    assertThat(download.bars()).containsEntry("AAPL", 3).containsEntry("MSFT", 2);
    assertThat(download.empty()).containsExactly("ZVZZT");
    assertThat(Files.readAllLines(dir.resolve("AAPL.csv")))
        .containsExactly(
            "timestamp,open,high,low,close,volume",
            "2024-03-08,169,173.7,168.94,170.73,76114634",
            "2024-03-11,172.94,174.38,172.05,172.75,60139473",
            "2024-03-12,173.15,174.03,171.01,173.23,59825372");
    BarSeries series = CsvBarReader.read(dir.resolve("MSFT.csv"), "MSFT", "USD");
    assertThat(CsvFormat.detect(Files.readAllLines(dir.resolve("MSFT.csv")).getFirst()))
        .contains(CsvFormat.GENERIC);
    assertThat(series.bars()).hasSize(2);
    assertThat(series.bars().getFirst().time()).isEqualTo(Instant.parse("2024-03-08T00:00:00Z"));
    assertThat(Files.exists(dir.resolve("ZVZZT.csv"))).isFalse();
  }

  @Test
  void intraday_bars_keep_their_instants() throws Exception {
    Instant open = Instant.parse("2024-03-05T14:30:00Z");
    for (int i = 0; i < 5; i++) {
      fake.marketData()
          .addBar(
              "AAPL",
              open.plus(Duration.ofMinutes(i)),
              "170.1" + i,
              "170.5",
              "169.9",
              "170.2",
              1000);
    }

    new HistoricalBars(client)
        .download(
            List.of("AAPL"),
            BarTimeframe.MINUTE,
            LocalDate.of(2024, 3, 5),
            LocalDate.of(2024, 3, 5),
            dir);

    BarSeries series = CsvBarReader.read(dir.resolve("AAPL.csv"), "AAPL", "USD");
    assertThat(series.bars()).hasSize(5);
    assertThat(series.bars().get(4).time()).isEqualTo(open.plus(Duration.ofMinutes(4)));
    assertThat(Files.readAllLines(dir.resolve("AAPL.csv")).get(1))
        .isEqualTo("2024-03-05T14:30:00Z,170.1,170.5,169.9,170.2,1000");
  }
}
