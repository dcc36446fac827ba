package io.tradecore.app.output;

import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.EquityPoint;
import io.tradecore.backtest.OpenPosition;
import io.tradecore.backtest.RoundTrip;
import io.tradecore.core.domain.Fill;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a backtest's files into an output folder: trades.csv, fills.csv, equity.csv,
 * positions.csv, summary.json, and a run folder under runs/ (see {@link RunFolderWriter}). Money is
 * written exactly, as plain decimals.
 */
public final class OutputWriter {
  public static final String TRADES_HEADER =
      "entry_time,entry_price,exit_time,exit_price,quantity,pnl,fees,symbol,side";
  public static final String FILLS_HEADER =
      "trade_id,order_id,plan_id,time,symbol,side,quantity,price,fee,bot_version";
  public static final String EQUITY_HEADER = "time,close,cash,position,equity";
  public static final String POSITIONS_HEADER =
      "plan_id,symbol,side,entry_time,entry_price,quantity,mark,unrealized_pnl,fees";

  private OutputWriter() {}

  /**
   * Checks that {@code dir} can be used as an output folder before any work is done.
   *
   * @throws IllegalArgumentException when it exists and is not a directory
   */
  public static void checkTarget(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "output path " + dir + " exists and is not a directory; choose a folder for --out");
    }
  }

  /** Writes every file into {@code dir}, creating it if missing; returns the run folder. */
  public static Path write(Path dir, BacktestResult result, RunInfo info) throws IOException {
    return write(dir, result, info, null);
  }

  /** As {@link #write(Path, BacktestResult, RunInfo)}, for a policy's run when not null. */
  public static Path write(Path dir, BacktestResult result, RunInfo info, PolicyRun policy)
      throws IOException {
    try (Streamed out = start(dir, result.spec(), result.symbols(), info, policy != null)) {
      for (EquityPoint p : result.equityCurve()) {
        out.accept(p);
      }
      return out.finish(result, policy);
    }
  }

  /**
   * Starts the files of a backtest of {@code spec} on {@code symbols} (joined by commas) that is
   * about to run, for its equity points to be written as they come (hand the returned writer to
   * {@link io.tradecore.backtest.Backtest#run(java.util.List,
   * io.tradecore.core.engine.PortfolioStrategy, java.util.function.Consumer)}), then {@link
   * Streamed#finish} the rest. The files are the same as {@link #write(Path, BacktestResult,
   * RunInfo, PolicyRun)}'s.
   *
   * @param policy whether it is a policy's run (its trace, not the action trace, is written at the
   *     end)
   */
  public static Streamed start(
      Path dir, BacktestSpec spec, String symbols, RunInfo info, boolean policy)
      throws IOException {
    checkTarget(dir);
    Files.createDirectories(dir);
    return new Streamed(dir, spec, symbols, info, policy);
  }

  /**
   * An output folder being written while its backtest runs: equity.csv and the run folder's action
   * trace take each equity point as it comes; {@link #finish} writes the other files.
   */
  public static final class Streamed implements Consumer<EquityPoint>, Closeable {
    private final Path dir;
    private final RunInfo info;
    private final Csv equity;
    private final Path run;
    private final RunFolderWriter.Actions actions;

    private Streamed(Path dir, BacktestSpec spec, String symbols, RunInfo info, boolean policy)
        throws IOException {
      this.dir = dir;
      this.info = info;
      this.equity = new Csv(dir.resolve("equity.csv"), EQUITY_HEADER);
      this.run = RunFolderWriter.create(dir.resolve("runs"), spec.strategy(), symbols, info);
      this.actions = policy ? null : new RunFolderWriter.Actions(run, spec.startingCash());
    }

    @Override
    public void accept(EquityPoint p) {
      try {
        equity.row(p.time(), p.close(), p.cash(), p.position(), p.equity());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (actions != null) {
        actions.accept(p);
      }
    }

    /**
     * Writes the other files once the backtest is over (trades.csv, fills.csv, positions.csv, the
     * run folder's JSON files, summary.json) and returns the run folder.
     */
    public Path finish(BacktestResult result, PolicyRun policy) throws IOException {
      close();
      writeTrades(dir.resolve("trades.csv"), result);
      writeFills(dir.resolve("fills.csv"), result);
      writePositions(dir.resolve("positions.csv"), result);
      RunFolderWriter.finish(run, result, info, policy);
      Json.write(dir.resolve("summary.json"), summary(dir, result, run));
      return run;
    }

    @Override
    public void close() throws IOException {
      try (equity) {
        if (actions != null) {
          actions.close();
        }
      }
    }
  }

  /**
   * The summary {@code summary.json} holds and {@code --json} prints with {@code --out}: the
   * result's, with the output folder ({@code out}) and the run folder ({@code run}).
   */
  public static Map<String, Object> summary(Path dir, BacktestResult result, Path run) {
    Map<String, Object> summary = SummaryJson.of(result);
    summary.put("out", dir.toString());
    summary.put("run", run.toString());
    return summary;
  }

  private static void writeTrades(Path file, BacktestResult result) throws IOException {
    try (Csv csv = new Csv(file, TRADES_HEADER)) {
      for (RoundTrip t : result.trades()) {
        csv.row(
            t.entryTime(),
            t.entryPrice(),
            t.exitTime(),
            t.exitPrice(),
            t.quantity(),
            t.pnl(),
            t.fees(),
            t.symbol(),
            t.side());
      }
    }
  }

  private static void writeFills(Path file, BacktestResult result) throws IOException {
    try (Csv csv = new Csv(file, FILLS_HEADER)) {
      for (Fill f : result.fills()) {
        csv.row(
            f.tradeId(),
            f.orderId(),
            f.planId(),
            f.time(),
            f.instrument().symbol(),
            f.side(),
            f.quantity().toBigDecimal(),
            f.price().toBigDecimal(),
            f.fee(),
            f.botVersion());
      }
    }
  }

  private static void writePositions(Path file, BacktestResult result) throws IOException {
    try (Csv csv = new Csv(file, POSITIONS_HEADER)) {
      for (OpenPosition p : result.openPositions()) {
        csv.row(
            p.planId(),
            p.symbol(),
            p.side(),
            p.entryTime(),
            p.entryPrice(),
            p.quantity(),
            p.mark(),
            p.unrealizedPnl(),
            p.fees());
      }
    }
  }
}
