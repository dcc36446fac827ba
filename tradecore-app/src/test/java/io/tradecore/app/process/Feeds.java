package io.tradecore.app.process;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Replay feeds for the process tests: seeded synthetic daily bars in Yahoo-format CSV files. */
final class Feeds {
  static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";

  /** The written files and the number of events the runner will replay from them. */
  record Feed(List<Path> files, int events) {
    /** The {@code --feed} value. */
    String spec() {
      List<String> parts = new ArrayList<>();
      files.forEach(f -> parts.add(f.toAbsolutePath().toString()));
      return "replay:" + String.join(",", parts);
    }
  }

  private Feeds() {}

  /**
   * Writes one file per symbol ({@code SYMBOL.csv} in {@code dir}), each with {@code weekdays}
   * daily bars from 2019-01-01, seeded per symbol.
   */
  static Feed write(Path dir, int weekdays, long seed, String... symbols) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    int events = 0;
    for (int i = 0; i < symbols.length; i++) {
      Instrument instrument = Instrument.of(symbols[i], "USD", 2);
      BarSeries series =
          SyntheticBars.generate(
              instrument, LocalDate.of(2019, 1, 1), weekdays, seed + i, 50 + 40 * i);
      Path file = dir.resolve(symbols[i] + ".csv");
      writeYahoo(file, series);
      files.add(file);
      events += series.bars().size();
    }
    return new Feed(List.copyOf(files), events);
  }

  private static void writeYahoo(Path file, BarSeries series) throws IOException {
    int scale = series.instrument().priceScale();
    StringBuilder csv = new StringBuilder(YAHOO_HEADER).append('\n');
    for (Bar bar : series.bars()) {
      BigDecimal close = Decimals.toDecimal(bar.close(), scale);
      csv.append(bar.time().atOffset(ZoneOffset.UTC).toLocalDate())
          .append(',')
          .append(Decimals.toDecimal(bar.open(), scale).toPlainString())
          .append(',')
          .append(Decimals.toDecimal(bar.high(), scale).toPlainString())
          .append(',')
          .append(Decimals.toDecimal(bar.low(), scale).toPlainString())
          .append(',')
          .append(close.toPlainString())
          .append(',')
          .append(close.toPlainString())
          .append(',')
          .append((long) bar.volume())
          .append('\n');
    }
    Files.writeString(file, csv);
  }
}
