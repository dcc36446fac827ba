package io.tradecore.app.output;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a backtest's bars came from and when it ran, for the experiment record. Immutable.
 *
 * @param dataFile the market data file, or a description of generated data
 * @param created when the run was made (wall clock)
 * @param version the TradeCore version that made it
 */
public record RunInfo(String dataFile, Instant created, String version) {
  public RunInfo {
    Objects.requireNonNull(dataFile, "dataFile");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(version, "version");
  }
}
