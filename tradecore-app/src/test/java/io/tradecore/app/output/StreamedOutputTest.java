package io.tradecore.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.backtest.Backtest;
import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.EquityPoint;
import io.tradecore.backtest.Progress;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest whose equity points are written as it runs gives, byte for byte, the files of the same
 * backtest written at the end from its kept curve, and its equity.csv and action trace are those
 * the former writer (toPlainString per value) wrote, on several data sets.
 */
class StreamedOutputTest {
  private static final RunInfo INFO =
      new RunInfo("bars.csv", Instant.parse("2026-12-07T10:00:00Z"), "test");

  @TempDir Path tmp;

  @Test
  void streamed_files_equal_the_files_written_at_the_end_and_the_former_ones() throws IOException {
    BarSeries daily =
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2001, 1, 1), 1_500, 5, 40.0);
    BarSeries minutes =
        SyntheticBars.generateSeries(
            Instrument.of("MIN", "USD", 4),
            Instant.parse("2021-06-01T13:30:00Z"),
            Duration.ofMinutes(5),
            6_000,
            9,
            7.25);
    BarSeries other =
        SyntheticBars.generate(
            Instrument.of("OTH", "USD", 2), LocalDate.of(2001, 1, 1), 1_500, 6, 90.0);
    BacktestSpec sma = BacktestSpec.of("sma-cross", Map.of("fast", "10", "slow", "30"), CASH);
    BacktestSpec breakout =
        BacktestSpec.of("breakout", Map.of("channel", "20"), CASH)
            .withCosts(new BigDecimal("5"), new BigDecimal("1.00"), new BigDecimal("3"));
    BacktestSpec rotation =
        BacktestSpec.of(
            "momentum-rotation", Map.of("top", "1", "lookback", "60", "rebalance", "20"), CASH);
    int n = 0;
    for (var run :
        List.of(
            Map.entry(sma, List.of(daily)),
            Map.entry(breakout, List.of(daily)),
            Map.entry(sma, List.of(minutes)),
            Map.entry(breakout, List.of(minutes)),
            Map.entry(rotation, List.of(daily, other)))) {
      check(run.getKey(), run.getValue(), tmp.resolve("run" + n++));
    }
  }

  private static final BigDecimal CASH = new BigDecimal("100000");

  private void check(BacktestSpec spec, List<BarSeries> series, Path dir) throws IOException {
    Backtest backtest = new Backtest(spec);
    BacktestResult kept = backtest.run(series, Progress.NONE);
    Path atEnd = OutputWriter.write(dir.resolve("at-end"), kept, INFO);

    Path streamedDir = dir.resolve("streamed");
    BacktestResult streamed;
    Path run;
    try (OutputWriter.Streamed out =
        OutputWriter.start(streamedDir, spec, kept.symbols(), INFO, false)) {
      streamed = backtest.run(series, backtest.newStrategy(), out);
      run = out.finish(streamed, null);
    }
    assertThat(streamed.equityCurve()).isEmpty();
    assertThat(streamed.metrics()).isEqualTo(kept.metrics());
    assertThat(kept.trades()).isNotEmpty();
    assertThat(run.getFileName()).isEqualTo(atEnd.getFileName());

    List<Path> files = files(dir.resolve("at-end"));
    assertThat(files).hasSize(8).isEqualTo(files(streamedDir));
    for (Path file : files) {
      String expected = Files.readString(dir.resolve("at-end").resolve(file));
      String actual = Files.readString(streamedDir.resolve(file));
      assertThat(actual.replace(streamedDir.toString(), "DIR"))
          .as("%s of %s %s", file, spec.strategy(), kept.symbols())
          .isEqualTo(expected.replace(dir.resolve("at-end").toString(), "DIR"));
    }

    assertThat(Files.readString(streamedDir.resolve("equity.csv"), StandardCharsets.UTF_8))
        .isEqualTo(formerEquity(kept));
    assertThat(
            Files.readString(
                run.resolve(run.getFileName() + "_actions.csv"), StandardCharsets.UTF_8))
        .isEqualTo(formerActions(kept));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  /** equity.csv as the former writer wrote it from the kept curve. */
  private static String formerEquity(BacktestResult r) {
    StringBuilder out = new StringBuilder(OutputWriter.EQUITY_HEADER).append('\n');
    for (EquityPoint p : r.equityCurve()) {
      out.append(FormerCsv.row(p.time(), p.close(), p.cash(), p.position(), p.equity()));
    }
    return out.toString();
  }

  /** The action trace as the former writer wrote it from the kept curve. */
  private static String formerActions(BacktestResult r) {
    StringBuilder out = new StringBuilder(RunFolderWriter.ACTIONS_HEADER).append('\n');
    BigDecimal previous = r.spec().startingCash();
    BigDecimal peak = null;
    int step = 0;
    for (EquityPoint p : r.equityCurve()) {
      BigDecimal equity = p.equity();
      if (peak == null || equity.compareTo(peak) > 0) {
        peak = equity;
      }
      BigDecimal drawdown =
          peak.signum() > 0 && equity.compareTo(peak) < 0
              ? peak.subtract(equity).divide(peak, MathContext.DECIMAL64)
              : BigDecimal.ZERO;
      out.append(
          FormerCsv.row(
              step++,
              0,
              p.time(),
              p.close(),
              p.action().label(),
              p.position(),
              p.cash(),
              equity,
              drawdown,
              equity.subtract(previous)));
      previous = equity;
    }
    return out.toString();
  }
}
