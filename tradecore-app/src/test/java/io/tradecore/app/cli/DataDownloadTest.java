package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.alpaca.fake.TestClock;
import io.tradecore.marketdata.CsvBarReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDownloadTest {
  @TempDir Path dir;
  private FakeAlpaca fake;
  private Map<String, String> env;

  @BeforeEach
  void startFake() {
    fake = FakeAlpaca.start(new TestClock(Instant.parse("2024-03-13T12:00:00Z")));
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
    fake.marketData().pageSize(1);
    env =
        Map.of(
            "APCA_API_KEY_ID",
            FakeAlpaca.KEY_ID,
            "APCA_API_SECRET_KEY",
            FakeAlpaca.SECRET,
            "APCA_API_BASE_URL",
            fake.url().toString(),
            "APCA_API_DATA_URL",
            fake.url().toString());
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void download_writes_a_file_per_symbol_that_the_csv_reader_takes() {
    Cli.Run run =
        Cli.run(
            env,
            "data",
            "download",
            "--source",
            "alpaca",
            "--symbols",
            "aapl,MSFT",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-12",
            "--out",
            dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("wrote " + dir.resolve("AAPL.csv") + " (2 1Day bars)")
        .contains("no 1Day bars for MSFT from 2024-03-01 to 2024-03-12");
    assertThat(CsvBarReader.read(dir.resolve("AAPL.csv"), "AAPL", "USD").bars()).hasSize(2);
    assertThat(Files.exists(dir.resolve("MSFT.csv"))).isFalse();
    assertThat(run.out() + run.err())
        .doesNotContain(FakeAlpaca.SECRET)
        .doesNotContain(FakeAlpaca.KEY_ID);
  }

  @Test
  void missing_keys_and_bad_options_are_one_line_errors() {
    Cli.Run noKeys =
        Cli.run(
            Map.of(),
            "data",
            "download",
            "--source",
            "alpaca",
            "--symbols",
            "AAPL",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-12",
            "--out",
            dir.toString());
    assertThat(noKeys.exitCode()).isEqualTo(2);
    assertThat(noKeys.err()).startsWith("error: APCA_API_KEY_ID is not set");

    Cli.Run badTimeframe =
        Cli.run(
            env,
            "data",
            "download",
            "--source",
            "alpaca",
            "--symbols",
            "AAPL",
            "--timeframe",
            "7Day",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-12",
            "--out",
            dir.toString());
    assertThat(badTimeframe.err()).startsWith("error: timeframe 7 DAY is not one Alpaca offers");

    Cli.Run badSource =
        Cli.run(
            env,
            "data",
            "download",
            "--source",
            "yahoo",
            "--symbols",
            "AAPL",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-12",
            "--out",
            dir.toString());
    assertThat(badSource.err()).startsWith("error: --source must be alpaca but was 'yahoo'");
  }
}
