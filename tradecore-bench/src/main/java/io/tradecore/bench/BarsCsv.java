package io.tradecore.bench;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.SyntheticBars;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes seeded synthetic five-minute bars from 2000-01-03 (the engine benchmark's walk, {@link
 * SyntheticBars#generateSeries}, at a spacing that keeps 5,000,000 bars before 2100, the latest
 * time a file of bars may have) as a generic OHLCV CSV file that {@code tradecore backtest --data}
 * reads: {@code BarsCsv FILE BARS [SEED]}.
 */
public final class BarsCsv {
  private static final Instrument INSTRUMENT = Instrument.of("BENCH", "USD", 2);

  private BarsCsv() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: BarsCsv FILE BARS [SEED]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int bars = Integer.parseInt(args[1]);
    long seed = args.length == 3 ? Long.parseLong(args[2]) : 20261121L;
    BarSeries series =
        SyntheticBars.generateSeries(
            INSTRUMENT,
            Instant.parse("2000-01-03T00:00:00Z"),
            Duration.ofMinutes(5),
            bars,
            seed,
            100.0);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    int scale = INSTRUMENT.priceScale();
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      out.write("timestamp,open,high,low,close,volume\n");
      for (Bar bar : series.bars()) {
        out.write(bar.time().toString());
        for (long price : new long[] {bar.open(), bar.high(), bar.low(), bar.close()}) {
          out.write(',');
          out.write(Decimals.toDecimal(price, scale).toPlainString());
        }
        out.write(',');
        out.write(BigDecimal.valueOf(bar.volume()).stripTrailingZeros().toPlainString());
        out.write('\n');
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
