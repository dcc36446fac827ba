package io.tradecore.app.output;

import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.EquityPoint;
import io.tradecore.backtest.Metrics;
import io.tradecore.core.risk.RiskLimits;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a backtest as an experiment run folder, the layout Run Insights reads: {@code
 * runs/<run>/experiment.json}, {@code <run>_actions.csv} (one row per bar) and {@code
 * eval_summary.json}.
 */
public final class RunFolderWriter {
  public static final String ACTIONS_HEADER =
      "step,env,timestamp,price,action,position,cash,equity,drawdown,reward";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunFolderWriter() {}

  /** Writes a new run folder under {@code runsDir} and returns it. */
  public static Path write(Path runsDir, BacktestResult result, RunInfo info) throws IOException {
    return write(runsDir, result, info, null);
  }

  /**
   * Writes a new run folder under {@code runsDir} and returns it; a policy's run ({@code policy}
   * not null) names its model and traces the policy's actions and observations.
   */
  public static Path write(Path runsDir, BacktestResult result, RunInfo info, PolicyRun policy)
      throws IOException {
    Path dir = create(runsDir, result.spec().strategy(), result.symbols(), info);
    if (policy == null) {
      try (Actions actions = new Actions(dir, result.spec().startingCash())) {
        for (EquityPoint p : result.equityCurve()) {
          actions.accept(p);
        }
      }
    }
    finish(dir, result, info, policy);
    return dir;
  }

  /**
   * Creates a new, empty run folder under {@code runsDir} for a run of {@code strategy} on {@code
   * symbols} (joined by commas) and returns it.
   */
  static Path create(Path runsDir, String strategy, String symbols, RunInfo info)
      throws IOException {
    String base =
        (strategy + "-" + symbols.replace(',', '-')).replaceAll("[^A-Za-z0-9._-]", "_")
            + "-"
            + STAMP.format(info.created());
    String name = base;
    for (int n = 2; Files.exists(runsDir.resolve(name)); n++) {
      name = base + "-" + n;
    }
    return Files.createDirectories(runsDir.resolve(name));
  }

  /**
   * Writes the rest of a run folder once the run is over: experiment.json, eval_summary.json and,
   * for a policy's run, its trace (a rule's action trace is written by {@link Actions}).
   */
  static void finish(Path dir, BacktestResult result, RunInfo info, PolicyRun policy)
      throws IOException {
    String name = dir.getFileName().toString();
    Map<String, Object> experiment = experiment(name, result, info);
    if (policy != null) {
      policy.describe(experiment);
      policy.writeTrace(actionsFile(dir), result.spec().startingCash());
    }
    Json.write(dir.resolve("experiment.json"), experiment);
    Json.write(dir.resolve("eval_summary.json"), evalSummary(result.metrics()));
  }

  private static Path actionsFile(Path dir) {
    return dir.resolve(dir.getFileName() + "_actions.csv");
  }

  private static Map<String, Object> experiment(String name, BacktestResult r, RunInfo info) {
    BacktestSpec spec = r.spec();
    RiskLimits limits = spec.riskLimits();
    Map<String, Object> risk = new LinkedHashMap<>();
    risk.put("max_order_value", limits.maxOrderValue());
    risk.put("max_gross_exposure", limits.maxGrossExposure());
    risk.put("max_open_positions", limits.maxOpenPositions());
    risk.put("max_position_value", limits.maxPositionValue());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", name);
    out.put("algorithm", "rule:" + spec.strategy());
    out.put("strategy", spec.strategy());
    out.put("params", spec.effectiveParams());
    out.put("symbol", r.symbols());
    out.put("currency", r.instrument().currency());
    out.put("data_file", info.dataFile());
    out.put("bars", r.metrics().bars());
    out.put("cash", spec.startingCash());
    out.put("fee_bps", spec.feeBps());
    out.put("min_fee", spec.minFee());
    out.put("slippage_bps", spec.slippageBps());
    out.put("volume_share", spec.volumeShare());
    out.put("whole_shares", spec.wholeShares());
    out.put("risk_limits", risk);
    out.put("bot_version", spec.botVersion());
    out.put("created", info.created().toString());
    out.put("tradecore_version", info.version());
    return out;
  }

  static Map<String, Object> evalSummary(Metrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total_return", m.totalReturn());
    out.put("sharpe", m.sharpe());
    out.put("max_drawdown", m.maxDrawdown());
    out.put("trades", m.trades());
    out.put("final_equity", m.finalEquity());
    return out;
  }

  /**
   * The action trace of a run folder, written one bar at a time as the backtest makes its equity
   * points: buy or sell on bars where fills happened, the drawdown from the running peak as a
   * ratio, and the reward as the exact equity change since the previous step (since the starting
   * cash for step 0).
   */
  static final class Actions implements Consumer<EquityPoint>, Closeable {
    private final Csv csv;
    private BigDecimal previous;
    private BigDecimal peak;
    private BigDecimal drawdownPeak;
    private BigDecimal drawdown;
    private int step;

    Actions(Path dir, BigDecimal startingCash) throws IOException {
      this.csv = new Csv(actionsFile(dir), ACTIONS_HEADER);
      this.previous = startingCash;
    }

    @Override
    public void accept(EquityPoint p) {
      BigDecimal equity = p.equity();
      if (peak == null || equity.compareTo(peak) > 0) {
        peak = equity;
      }
      // The same equity under the same peak as the bar before (a flat stretch) has its drawdown.
      if (!equity.equals(previous) || peak != drawdownPeak) {
        drawdown =
            peak.signum() > 0 && equity.compareTo(peak) < 0
                ? peak.subtract(equity).divide(peak, MathContext.DECIMAL64)
                : BigDecimal.ZERO;
        drawdownPeak = peak;
      }
      try {
        csv.row(
            step++,
            0,
            p.time(),
            p.close(),
            p.action().label(),
            p.position(),
            p.cash(),
            equity,
            drawdown,
            equity.subtract(previous));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      previous = equity;
    }

    @Override
    public void close() throws IOException {
      csv.close();
    }
  }
}
