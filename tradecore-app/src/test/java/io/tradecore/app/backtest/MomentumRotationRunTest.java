package io.tradecore.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.backtest.Backtest;
import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.Progress;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * momentum-rotation through the durable runner (issue 13): three symbols of the shared data from
 * mid-2012, replayed by the runner on the paper exchange, give exactly the fills of a backtest of
 * the same bars with the same costs.
 */
class MomentumRotationRunTest {
  private static final Map<String, String> PARAMS =
      Map.of("top", "1", "lookback", "20", "rebalance", "10");
  private static final BigDecimal FEE_BPS = new BigDecimal("5");

  @TempDir Path dir;

  @Test
  void the_runner_makes_the_backtests_fills() throws Exception {
    List<Path> files = new ArrayList<>();
    List<String> spec = new ArrayList<>();
    List<BarSeries> series = new ArrayList<>();
    for (String[] shared :
        new String[][] {
          {"orcl-1995-2014.txt", "ORCL"},
          {"nvda-1999-2014.txt", "NVDA"},
          {"yhoo-1996-2014.txt", "YHOO"}
        }) {
      String symbol = shared[1];
      Path file = dir.resolve(symbol + ".csv");
      writeFrom(sharedFile(shared[0]), "2012-06-01", file);
      files.add(file);
      spec.add(file + "@" + symbol);
      series.add(CsvBarReader.read(file, symbol, "USD", CsvBarReader.Options.STRICT));
    }

    BacktestResult backtest =
        new Backtest(
                BacktestSpec.of("momentum-rotation", PARAMS, new BigDecimal("100000"))
                    .withCosts(FEE_BPS, BigDecimal.ONE, BigDecimal.ZERO))
            .run(series, Progress.NONE);

    List<Fill> runnerFills;
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("run.db"), null, null, 2)) {
      db.migrate();
      PortfolioRecord record =
          new Portfolios(db).create("rotation", PortfolioSettings.DEFAULTS, Clock.systemUTC());
      RunnerOptions options =
          new RunnerOptions(
              "momentum-rotation",
              PARAMS,
              "test",
              new ExecutionCosts(FEE_BPS, BigDecimal.ONE, BigDecimal.ZERO, 2),
              null,
              Duration.ofSeconds(30),
              Duration.ofSeconds(10),
              0,
              "localhost",
              ProcessHandle.current().pid());
      try (PortfolioRunner runner =
          PortfolioRunner.open(
              db, record, PortfolioSettings.DEFAULTS, options, Clock.systemUTC())) {
        runner.run(ReplayFeed.open("replay:" + String.join(",", spec), "USD", dir));
      }
      runnerFills =
          db.jdbi()
              .withHandle(
                  h -> new FillRepository().all(h, record.id(), new InstrumentRepository().all(h)));
    }

    TreeSet<String> symbols = new TreeSet<>();
    backtest.fills().forEach(f -> symbols.add(f.instrument().symbol()));
    assertThat(symbols).as("symbols traded").containsExactly("NVDA", "ORCL", "YHOO");
    assertThat(describe(runnerFills)).containsExactlyElementsOf(describe(backtest.fills()));
  }

  /** What makes two fills the same trade, whatever ids the venue gave them. */
  private static List<String> describe(List<Fill> fills) {
    return fills.stream()
        .map(
            f ->
                f.time()
                    + " "
                    + f.instrument().symbol()
                    + " "
                    + f.side()
                    + " "
                    + f.quantity().toBigDecimal().stripTrailingZeros().toPlainString()
                    + " @ "
                    + f.price().toBigDecimal().stripTrailingZeros().toPlainString()
                    + " fee "
                    + f.fee().stripTrailingZeros().toPlainString())
        .toList();
  }

  /** A file of the shared market data, or the test is skipped. */
  private static Path sharedFile(String name) {
    String shared = System.getProperty("tradecore.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "market", name);
    if (file == null || !Files.isRegularFile(file)) {
      String reason = "shared market data " + name + " is missing; skipping";
      System.out.println(reason);
      Assumptions.assumeTrue(false, reason);
    }
    return file;
  }

  /** Writes the header and the rows dated {@code first} or later of a Yahoo CSV file. */
  private static void writeFrom(Path yahoo, String first, Path file) throws Exception {
    List<String> lines = Files.readAllLines(yahoo);
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    lines.stream().skip(1).filter(l -> l.compareTo(first) >= 0).forEach(kept::add);
    Files.write(file, kept);
  }
}
