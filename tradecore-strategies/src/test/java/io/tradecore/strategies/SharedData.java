package io.tradecore.strategies;

import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real market data files under {@code <tradecore.shared>/data/market}. */
final class SharedData {
  private SharedData() {}

  /**
   * The file's bars, or the calling test is skipped (with the reason printed) when it is absent.
   */
  static BarSeries load(String fileName, String symbol) {
    String shared = System.getProperty("tradecore.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "market", fileName);
    boolean present = file != null && Files.isRegularFile(file);
    if (!present) {
      String reason =
          shared == null
              ? "system property tradecore.shared is not set; skipping the test on " + fileName
              : "shared market data file " + file + " is missing; skipping";
      System.out.println(reason);
      Assumptions.assumeTrue(false, reason);
    }
    return CsvBarReader.read(file, symbol, "USD", CsvBarReader.Options.STRICT);
  }
}
