package io.tradecore.app.output;

import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.EquityPoint;
import io.tradecore.backtest.Metrics;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.optimize.SearchSpace;
import io.tradecore.optimize.Sweep;
import io.tradecore.optimize.Trial;
import io.tradecore.optimize.WalkForward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of {@code tradecore optimize --out DIR}: every trial ({@code trials.csv}), the best
 * ones ({@code best.csv}), {@code summary.json} (the object {@code --json} prints), for a
 * walk-forward analysis its windows ({@code walk_forward.csv}) and stitched out-of-sample equity
 * ({@code oos_equity.csv}), and a run folder under {@code DIR/runs} that Run Insights lists, with
 * {@code sweep.json} for the dashboard's heat map and equity chart.
 */
public final class SweepWriter {
  /** The metric columns of trials.csv and best.csv, after the parameters. */
  public static final String METRICS_HEADER =
      "objective,eligible,trades,open_positions,final_equity,total_return,cagr,sharpe,sortino,"
          + "max_drawdown,win_rate,profit_factor,fees";

  /** The kind of run a sweep's experiment.json names, which the dashboard looks for. */
  public static final String KIND = "optimize";

  private SweepWriter() {}

  /**
   * What ran: the strategy, method, objective, seed, the values searched, the data and the costs
   * and caps every trial used.
   */
  public static Map<String, Object> setup(
      BacktestSpec base,
      SearchSpace space,
      String method,
      String objective,
      int minTrades,
      long seed,
      String symbols,
      String currency,
      String data) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("strategy", base.strategy());
    out.put("symbol", symbols);
    out.put("currency", currency);
    out.put("data", data);
    out.put("method", method);
    out.put("objective", objective);
    out.put("min_trades", minTrades);
    out.put("seed", seed);
    Map<String, Object> values = new LinkedHashMap<>();
    for (SearchSpace.Axis a : space.axes()) {
      values.put(a.name(), a.values());
    }
    out.put("space", values);
    out.put("cash", base.startingCash());
    out.put("fee_bps", base.feeBps());
    out.put("min_fee", base.minFee());
    out.put("slippage_bps", base.slippageBps());
    out.put("volume_share", base.volumeShare());
    out.put("whole_shares", base.wholeShares());
    RiskLimits limits = base.riskLimits();
    Map<String, Object> risk = new LinkedHashMap<>();
    risk.put("max_order_value", limits.maxOrderValue());
    risk.put("max_gross_exposure", limits.maxGrossExposure());
    risk.put("max_open_positions", limits.maxOpenPositions());
    risk.put("max_position_value", limits.maxPositionValue());
    out.put("risk_limits", risk);
    out.put("calendar", base.calendar());
    return out;
  }

  /** A trial as JSON: number, parameters, objective, eligibility and metrics. */
  public static Map<String, Object> trial(Trial t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trial", t.number());
    out.put("params", t.params());
    out.put("objective", t.objective());
    out.put("eligible", t.eligible());
    out.put("metrics", SummaryJson.metrics(t.metrics()));
    return out;
  }

  /** The summary of a sweep: {@code setup} with the counts, the best trial and the top ones. */
  public static Map<String, Object> summary(Map<String, Object> setup, Sweep sweep, int top) {
    Map<String, Object> out = new LinkedHashMap<>(setup);
    out.put("trials", sweep.trials().size());
    out.put("eligible", sweep.trials().stream().filter(Trial::eligible).count());
    out.put("refused", sweep.refused());
    out.put("best", sweep.best().map(SweepWriter::trial).orElse(null));
    List<Object> best = new ArrayList<>();
    for (Trial t : top(sweep, top)) {
      best.add(trial(t));
    }
    out.put("top", best);
    return out;
  }

  /** The best {@code n} eligible trials, best first. */
  public static List<Trial> top(Sweep sweep, int n) {
    return sweep.ranked().stream().filter(Trial::eligible).limit(n).toList();
  }

  /** The summary of a walk-forward analysis: each window in and out of sample, side by side. */
  public static Map<String, Object> walkForward(
      Map<String, Object> setup, WalkForward.Result r, String objective) {
    Map<String, Object> out = new LinkedHashMap<>(setup);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("train", WalkForward.text(r.plan().train()));
    plan.put("test", WalkForward.text(r.plan().test()));
    plan.put("step", WalkForward.text(r.plan().step()));
    out.put("walk_forward", plan);
    List<Object> windows = new ArrayList<>();
    double isSum = 0;
    double oosSum = 0;
    int both = 0;
    for (WalkForward.Window w : r.windows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("window", w.number());
      row.put("train_start", w.trainStart().toString());
      row.put("test_start", w.testStart().toString());
      row.put("test_end", w.testEnd().toString());
      row.put("trials", w.sweep().trials().size());
      row.put("params", w.chosen() == null ? null : w.chosen().params());
      row.put("in_sample", w.chosen() == null ? null : SummaryJson.metrics(w.chosen().metrics()));
      row.put(
          "out_of_sample", w.outOfSample() == null ? null : SummaryJson.metrics(w.outOfSample()));
      Double is = w.chosen() == null ? null : w.chosen().objective();
      Double oos = w.outOfSample() == null ? null : r.objective().value(w.outOfSample());
      row.put("in_sample_objective", is);
      row.put("out_of_sample_objective", oos);
      row.put("start_equity", w.startEquity());
      row.put("end_equity", w.endEquity());
      if (is != null && oos != null) {
        isSum += is;
        oosSum += oos;
        both++;
      }
      windows.add(row);
    }
    out.put("windows", windows);
    Map<String, Object> side = new LinkedHashMap<>();
    side.put("objective", objective);
    side.put("in_sample_mean", both == 0 ? null : isSum / both);
    side.put("out_of_sample_mean", both == 0 ? null : oosSum / both);
    side.put("windows_compared", both);
    out.put("in_vs_out", side);
    out.put("out_of_sample", SummaryJson.metrics(r.outOfSample()));
    List<Object> stability = new ArrayList<>();
    for (WalkForward.Stability s : r.stability()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("param", s.name());
      row.put("chosen", s.chosen());
      row.put("distinct", s.distinct());
      row.put("mode", s.mode());
      row.put("mode_share", s.modeShare());
      row.put("mean", s.mean());
      row.put("variation", s.variation());
      stability.add(row);
    }
    out.put("stability", stability);
    return out;
  }

  /** Writes trials.csv, best.csv and summary.json of a sweep into {@code dir}. */
  public static void writeSweep(Path dir, Sweep sweep, Map<String, Object> summary, int top)
      throws IOException {
    Files.createDirectories(dir);
    writeTrials(dir.resolve("trials.csv"), sweep.space(), sweep.trials(), null);
    try (Csv csv = new Csv(dir.resolve("best.csv"), "rank," + header(sweep.space()))) {
      int rank = 1;
      for (Trial t : top(sweep, top)) {
        List<Object> cells = new ArrayList<>();
        cells.add(rank++);
        cells.addAll(cells(sweep.space(), t));
        csv.row(cells.toArray());
      }
    }
    Json.write(dir.resolve("summary.json"), summary);
  }

  /**
   * Writes a walk-forward analysis into {@code dir}: every window's trials (trials.csv, with the
   * window), the windows (walk_forward.csv), the stitched out-of-sample equity (oos_equity.csv) and
   * summary.json.
   */
  public static void writeWalkForward(
      Path dir, SearchSpace space, WalkForward.Result r, Map<String, Object> summary)
      throws IOException {
    Files.createDirectories(dir);
    List<Trial> all = new ArrayList<>();
    List<Integer> windowOf = new ArrayList<>();
    for (WalkForward.Window w : r.windows()) {
      all.addAll(w.sweep().trials());
      w.sweep().trials().forEach(t -> windowOf.add(w.number()));
    }
    writeTrials(dir.resolve("trials.csv"), space, all, windowOf);
    StringBuilder head = new StringBuilder("window,train_start,test_start,test_end,trials");
    for (SearchSpace.Axis a : space.axes()) {
      head.append(',').append(a.name());
    }
    head.append(
        ",is_objective,oos_objective,is_total_return,oos_total_return,is_sharpe,oos_sharpe,"
            + "is_max_drawdown,oos_max_drawdown,is_trades,oos_trades,start_equity,end_equity");
    try (Csv csv = new Csv(dir.resolve("walk_forward.csv"), head.toString())) {
      for (WalkForward.Window w : r.windows()) {
        List<Object> cells = new ArrayList<>();
        cells.add(w.number());
        cells.add(w.trainStart());
        cells.add(w.testStart());
        cells.add(w.testEnd());
        cells.add(w.sweep().trials().size());
        for (SearchSpace.Axis a : space.axes()) {
          cells.add(w.chosen() == null ? null : w.chosen().params().get(a.name()));
        }
        Metrics is = w.chosen() == null ? null : w.chosen().metrics();
        Metrics oos = w.outOfSample();
        cells.add(w.chosen() == null ? null : w.chosen().objective());
        cells.add(oos == null ? null : r.objective().value(oos));
        cells.add(is == null ? null : is.totalReturn());
        cells.add(oos == null ? null : oos.totalReturn());
        cells.add(is == null ? null : is.sharpe());
        cells.add(oos == null ? null : oos.sharpe());
        cells.add(is == null ? null : is.maxDrawdown());
        cells.add(oos == null ? null : oos.maxDrawdown());
        cells.add(is == null ? null : is.trades());
        cells.add(oos == null ? null : oos.trades());
        cells.add(w.startEquity());
        cells.add(w.endEquity());
        csv.row(cells.toArray());
      }
    }
    try (Csv csv = new Csv(dir.resolve("oos_equity.csv"), "time,window,cash,equity")) {
      List<EquityPoint> curve = r.outOfSampleCurve();
      for (int i = 0; i < curve.size(); i++) {
        EquityPoint p = curve.get(i);
        csv.row(p.time(), r.curveWindows().get(i), p.cash(), p.equity());
      }
    }
    Json.write(dir.resolve("summary.json"), summary);
  }

  /**
   * Creates a run folder under {@code runsDir} that Run Insights lists: experiment.json (what ran,
   * {@code algorithm} {@code optimize:METHOD}), eval_summary.json (the best trial's metrics, the
   * stitched out-of-sample metrics of a walk-forward analysis, or {@code eligible_trials} 0 when no
   * trial qualified) and sweep.json (what the dashboard draws: each trial's parameters and
   * objective, and the out-of-sample equity).
   */
  public static Path writeRun(
      Path runsDir,
      Map<String, Object> setup,
      RunInfo info,
      Metrics headline,
      List<SearchSpace.Axis> swept,
      List<Trial> trials,
      List<EquityPoint> equity)
      throws IOException {
    Files.createDirectories(runsDir);
    Path dir =
        RunFolderWriter.create(
            runsDir, KIND + "-" + setup.get("strategy"), String.valueOf(setup.get("symbol")), info);
    Map<String, Object> experiment = new LinkedHashMap<>();
    experiment.put("run", dir.getFileName().toString());
    experiment.put("algorithm", KIND + ":" + setup.get("method"));
    experiment.putAll(setup);
    experiment.put("data_file", info.dataFile());
    experiment.put("created", info.created().toString());
    experiment.put("tradecore_version", info.version());
    Json.write(dir.resolve("experiment.json"), experiment);
    Json.write(
        dir.resolve("eval_summary.json"),
        headline == null
            ? Map.of("eligible_trials", 0) // no trial had a defined objective and enough trades
            : RunFolderWriter.evalSummary(headline));
    Map<String, Object> sweep = new LinkedHashMap<>();
    sweep.put("objective", setup.get("objective"));
    sweep.put("axes", swept.stream().map(SearchSpace.Axis::name).toList());
    Map<String, Object> values = new LinkedHashMap<>();
    swept.forEach(a -> values.put(a.name(), a.values()));
    sweep.put("values", values);
    List<Object> rows = new ArrayList<>();
    for (Trial t : trials) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("params", t.params());
      row.put("objective", t.objective());
      row.put("eligible", t.eligible());
      rows.add(row);
    }
    sweep.put("trials", rows);
    List<Object> points = new ArrayList<>();
    for (EquityPoint p : equity) {
      points.add(List.of(p.time().toString(), p.equity()));
    }
    sweep.put("equity", points);
    Json.write(dir.resolve("sweep.json"), sweep);
    return dir;
  }

  private static void writeTrials(
      Path file, SearchSpace space, List<Trial> trials, List<Integer> windows) throws IOException {
    String head = (windows == null ? "" : "window,") + "trial," + header(space);
    try (Csv csv = new Csv(file, head)) {
      for (int i = 0; i < trials.size(); i++) {
        List<Object> cells = new ArrayList<>();
        if (windows != null) {
          cells.add(windows.get(i));
        }
        cells.add(trials.get(i).number());
        cells.addAll(cells(space, trials.get(i)));
        csv.row(cells.toArray());
      }
    }
  }

  private static String header(SearchSpace space) {
    StringBuilder out = new StringBuilder();
    for (SearchSpace.Axis a : space.axes()) {
      out.append(a.name()).append(',');
    }
    return out.append(METRICS_HEADER).toString();
  }

  private static List<Object> cells(SearchSpace space, Trial t) {
    List<Object> cells = new ArrayList<>();
    for (SearchSpace.Axis a : space.axes()) {
      cells.add(t.params().get(a.name()));
    }
    Metrics m = t.metrics();
    cells.add(t.objective());
    cells.add(t.eligible());
    cells.add(m.trades());
    cells.add(m.openPositions());
    cells.add(m.finalEquity());
    cells.add(m.totalReturn());
    cells.add(m.cagr());
    cells.add(m.sharpe());
    cells.add(m.sortino());
    cells.add(m.maxDrawdown());
    cells.add(m.winRate());
    cells.add(m.profitFactor());
    cells.add(m.fees());
    return cells;
  }
}
