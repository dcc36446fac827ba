package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.app.output.Json;
import io.tradecore.app.output.RunInfo;
import io.tradecore.app.output.SweepWriter;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.Metrics;
import io.tradecore.backtest.Progress;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.DataFiles;
import io.tradecore.optimize.Method;
import io.tradecore.optimize.Objective;
import io.tradecore.optimize.Optimizer;
import io.tradecore.optimize.SearchSpace;
import io.tradecore.optimize.Sweep;
import io.tradecore.optimize.Trial;
import io.tradecore.optimize.TrialRunner;
import io.tradecore.optimize.WalkForward;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore optimize}: searches a strategy's parameters by backtesting many combinations,
 * each exactly as {@code tradecore backtest} would with the same options, on every core; with
 * {@code --walk-forward}, searches each training window and tests the choice on the window after.
 */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description =
        "Search a strategy's parameters (grid, random or genetic) by backtesting every"
            + " combination; with --walk-forward, test each choice on the bars after its window.")
public final class OptimizeCommand implements Callable<Integer> {
  private static final int DEFAULT_TRIALS = 200;

  private final Clock wallClock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Mixin BacktestSetup setup = new BacktestSetup();

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUES",
      description =
          "Values to search, repeatable: a range 2..100 (whole numbers), a range with a step"
              + " 0.5..2:0.25, a list 1,2,5 or one value. Parameters not given keep their"
              + " defaults.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--method",
      defaultValue = "grid",
      description = "grid, random or genetic (${DEFAULT-VALUE}).")
  private String method;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description = "Backtests of a random or genetic search (" + DEFAULT_TRIALS + ").")
  private Integer trials;

  @Option(
      names = "--population",
      paramLabel = "N",
      defaultValue = "40",
      description = "Population of a genetic search (${DEFAULT-VALUE}).")
  private int population;

  @Option(
      names = "--objective",
      defaultValue = "sharpe",
      description =
          "What the best trial has most of: sharpe, sortino, calmar, total_return,"
              + " profit_factor, or least of: max_drawdown (${DEFAULT-VALUE}).")
  private String objective;

  @Option(
      names = "--min-trades",
      paramLabel = "K",
      defaultValue = "1",
      description = "Fewest closed trades a trial needs to be the best (${DEFAULT-VALUE}).")
  private int minTrades;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of random and genetic search (${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--walk-forward",
      paramLabel = "train=3y,test=1y[,step=1y]",
      description =
          "Walk-forward analysis: search each training window, test the best on the next"
              + " (lengths in y, m, w or d; step defaults to test).")
  private String walkForward;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Backtests at once (default: one per core).")
  private Integer threads;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Best trials listed and written to best.csv (${DEFAULT-VALUE}).")
  private int top;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write trials.csv, best.csv, summary.json and a run folder here.")
  private Path out;

  @Mixin BacktestRunOptions options = new BacktestRunOptions();

  public OptimizeCommand(Clock wallClock, Map<String, String> env) {
    this.wallClock = wallClock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    Path dataDir = options.config(env).dataDir();
    StrategyPlugins.use(spec, dataDir, setup.strategyJars);
    if (LlmStrategy.NAME.equals(setup.strategy)) {
      throw BacktestSetup.usage(
          spec,
          "optimize cannot search --strategy llm: its decisions come from a model, not from"
              + " parameters");
    }
    BacktestSpec base = setup.spec(spec, Map.of(), out);
    Method how;
    Objective goal;
    SearchSpace space;
    WalkForward plan;
    Optimizer optimizer;
    try {
      how = Method.parse(method);
      goal = Objective.parse(objective);
      space = SearchSpace.parse(setup.strategy, params);
      plan = walkForward == null ? null : WalkForward.parse(walkForward);
      if (how == Method.GRID && trials != null) {
        throw new IllegalArgumentException(
            "--trials is for --method random or genetic; a grid runs every combination");
      }
      if (minTrades < 0) {
        throw new IllegalArgumentException("--min-trades must be 0 or more but was " + minTrades);
      }
      if (top < 1) {
        throw new IllegalArgumentException("--top must be 1 or more but was " + top);
      }
      if (threads != null && threads < 1) {
        throw new IllegalArgumentException("--threads must be 1 or more but was " + threads);
      }
      optimizer = new Optimizer(how, trials == null ? DEFAULT_TRIALS : trials, seed, population);
    } catch (IllegalArgumentException e) {
      throw BacktestSetup.usage(spec, e.getMessage());
    }
    List<DataFiles.DataFile> files = setup.dataFiles(spec);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    List<BarSeries> series = setup.read(files, stderr);
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(f.path().toString()));
    List<String> symbols = new ArrayList<>();
    series.forEach(s -> symbols.add(s.instrument().symbol()));
    String currency = series.getFirst().instrument().currency();
    String data = String.join(",", names);
    Map<String, Object> setupJson =
        SweepWriter.setup(
            base,
            space,
            how.label(),
            goal.label(),
            minTrades,
            seed,
            String.join(",", symbols),
            currency,
            data);
    int cores = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    boolean terminal = System.console() != null;
    Map<String, Object> summary;
    try (TrialRunner runner = new TrialRunner(base, goal, minTrades, cores)) {
      if (plan == null) {
        Sweep sweep;
        try {
          sweep = optimizer.run(space, series, runner, progress(terminal, "optimize"));
        } catch (IllegalArgumentException e) {
          throw BacktestSetup.usage(spec, e.getMessage());
        }
        summary = SweepWriter.summary(setupJson, sweep, top);
        if (out != null) {
          Path run =
              SweepWriter.writeRun(
                  out.resolve("runs"),
                  setupJson,
                  new RunInfo(data, wallClock.instant(), Version.current()),
                  sweep.best().map(Trial::metrics).orElse(null),
                  space.swept(),
                  sweep.trials(),
                  List.of());
          summary.put("out", out.toString());
          summary.put("run", run.toString());
          SweepWriter.writeSweep(out, sweep, summary, top);
          BacktestRuns.register(dataDir, out.resolve("runs"));
        }
        if (options.json) {
          stdout.println(Json.write(summary));
        } else {
          stdout.print(text(sweep, base, series, goal));
        }
      } else {
        WalkForward.Result result;
        try {
          result =
              plan.run(
                  space,
                  series,
                  optimizer,
                  runner,
                  n -> progress(terminal, "walk-forward window " + n));
        } catch (IllegalArgumentException e) {
          throw BacktestSetup.usage(spec, e.getMessage());
        }
        summary = SweepWriter.walkForward(setupJson, result, goal.label());
        if (out != null) {
          List<Trial> all = new ArrayList<>();
          result.windows().forEach(w -> all.addAll(w.sweep().trials()));
          Path run =
              SweepWriter.writeRun(
                  out.resolve("runs"),
                  setupJson,
                  new RunInfo(data, wallClock.instant(), Version.current()),
                  result.outOfSample(),
                  space.swept(),
                  List.of(),
                  result.outOfSampleCurve());
          summary.put("out", out.toString());
          summary.put("run", run.toString());
          SweepWriter.writeWalkForward(out, space, result, summary);
          BacktestRuns.register(dataDir, out.resolve("runs"));
        }
        if (options.json) {
          stdout.println(Json.write(summary));
        } else {
          stdout.print(text(result, base, series, goal));
        }
      }
    }
    if (out != null && !options.json) {
      stdout.printf("  %-16s%s (run folder %s)%n", "output", out, summary.get("run"));
    }
    stdout.flush();
    return 0;
  }

  private static Progress progress(boolean terminal, String what) {
    return terminal
        ? Progress.timed(System.err, what, "trials", System::nanoTime, 1)
        : Progress.NONE;
  }

  private String text(Sweep sweep, BacktestSpec base, List<BarSeries> series, Objective goal) {
    StringBuilder o = new StringBuilder();
    header(o, "optimize", series);
    long eligible = sweep.trials().stream().filter(Trial::eligible).count();
    SummaryText.line(
        o,
        "search",
        String.format(
            Locale.US,
            "%s, %,d trials, %,d eligible%s",
            sweep.method().label(),
            sweep.trials().size(),
            eligible,
            sweep.refused() == 0
                ? ""
                : String.format(
                    Locale.US, ", %,d combinations the strategy does not take", sweep.refused())));
    SummaryText.line(o, "objective", objectiveText(goal));
    Trial best = sweep.best().orElse(null);
    if (best == null) {
      SummaryText.line(o, "best", "none: no trial had a defined objective and enough trades");
      return o.toString();
    }
    SummaryText.line(
        o, "best", "trial " + best.number() + ": " + SummaryText.params(best.params()));
    SummaryText.metrics(o, best.metrics(), base.startingCash(), currency(series));
    List<Trial> topTrials = SweepWriter.top(sweep, top);
    o.append(String.format(Locale.US, "top %d by %s:%n", topTrials.size(), goal.label()));
    List<String> head = new ArrayList<>(List.of("rank", "trial"));
    sweep.space().axes().forEach(a -> head.add(a.name()));
    head.addAll(List.of(goal.label(), "total return", "max drawdown", "trades", "final equity"));
    TextTable table = new TextTable(head.toArray(String[]::new));
    int rank = 1;
    for (Trial t : topTrials) {
      List<Object> row = new ArrayList<>(List.of(rank++, t.number()));
      sweep.space().axes().forEach(a -> row.add(t.params().get(a.name())));
      row.add(objectiveValue(goal, t.objective()));
      row.add(SummaryText.percent(t.metrics().totalReturn()));
      row.add(SummaryText.percent(t.metrics().maxDrawdown()));
      row.add(String.format(Locale.US, "%,d", t.metrics().trades()));
      row.add(TextTable.money(t.metrics().finalEquity()));
      table.row(row.toArray());
    }
    o.append(table);
    return o.toString();
  }

  private String text(
      WalkForward.Result r, BacktestSpec base, List<BarSeries> series, Objective goal) {
    StringBuilder o = new StringBuilder();
    header(o, "walk-forward", series);
    WalkForward p = r.plan();
    SummaryText.line(
        o,
        "windows",
        String.format(
            Locale.US,
            "%d: train %s, test %s, step %s",
            r.windows().size(),
            WalkForward.text(p.train()),
            WalkForward.text(p.test()),
            WalkForward.text(p.step())));
    SummaryText.line(o, "search", optimizerText(r));
    SummaryText.line(o, "objective", objectiveText(goal));
    o.append("in sample (IS, the training window) and out of sample (OOS, the test window):\n");
    List<String> head = new ArrayList<>(List.of("window", "test from", "test to"));
    head.addAll(List.of("params", "IS " + goal.label(), "OOS " + goal.label()));
    head.addAll(List.of("IS return", "OOS return", "OOS closed"));
    TextTable table = new TextTable(head.toArray(String[]::new));
    double isSum = 0;
    double oosSum = 0;
    int both = 0;
    for (WalkForward.Window w : r.windows()) {
      Metrics oos = w.outOfSample();
      Double isValue = w.chosen() == null ? null : w.chosen().objective();
      Double oosValue = oos == null ? null : goal.value(oos);
      if (isValue != null && oosValue != null) {
        isSum += isValue;
        oosSum += oosValue;
        both++;
      }
      table.row(
          w.number(),
          day(w.testStart()),
          lastDay(w.testEnd()),
          w.chosen() == null ? "none" : SummaryText.params(w.chosen().params()).replace(", ", " "),
          objectiveValue(goal, isValue),
          objectiveValue(goal, oosValue),
          w.chosen() == null ? null : SummaryText.percent(w.chosen().metrics().totalReturn()),
          oos == null ? null : SummaryText.percent(oos.totalReturn()),
          oos == null ? null : String.format(Locale.US, "%,d", oos.trades()));
    }
    o.append(table);
    SummaryText.line(
        o, "mean IS " + goal.label(), both == 0 ? "n/a" : objectiveValue(goal, isSum / both));
    SummaryText.line(
        o, "mean OOS " + goal.label(), both == 0 ? "n/a" : objectiveValue(goal, oosSum / both));
    o.append("out of sample, the test windows joined:\n");
    SummaryText.metrics(o, r.outOfSample(), base.startingCash(), currency(series));
    o.append("parameter stability (the value each window chose):\n");
    for (WalkForward.Stability s : r.stability()) {
      String line =
          String.format(
              Locale.US,
              "%d distinct in %d windows, most often %s (%s)",
              s.distinct(),
              s.chosen().size(),
              s.mode(),
              SummaryText.percent(s.modeShare()));
      if (s.mean() != null) {
        line +=
            String.format(
                Locale.US,
                ", mean %,.2f, variation %s",
                s.mean(),
                SummaryText.percent(s.variation()));
      }
      SummaryText.line(o, s.name(), line);
    }
    return o.toString();
  }

  private String optimizerText(WalkForward.Result r) {
    long total = 0;
    for (WalkForward.Window w : r.windows()) {
      total += w.sweep().trials().size();
    }
    return String.format(
        Locale.US, "%s, %,d trials in all", r.windows().getFirst().sweep().method().label(), total);
  }

  private String objectiveText(Objective goal) {
    return goal.label()
        + (goal.lowerIsBetter() ? ", lowest best" : ", highest best")
        + String.format(
            Locale.US, "; at least %,d closed trade%s", minTrades, minTrades == 1 ? "" : "s");
  }

  private static String objectiveValue(Objective goal, Double v) {
    if (v == null) {
      return null;
    }
    return switch (goal) {
      case TOTAL_RETURN, MAX_DRAWDOWN -> SummaryText.percent(v);
      default -> SummaryText.number(v);
    };
  }

  private void header(StringBuilder o, String what, List<BarSeries> series) {
    int bars = 0;
    Instant first = null;
    Instant last = null;
    List<String> symbols = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (BarSeries s : series) {
      bars += s.size();
      symbols.add(s.instrument().symbol());
      sources.add(s.source());
      if (s.size() > 0) {
        first = first == null || s.first().time().isBefore(first) ? s.first().time() : first;
        last = last == null || s.last().time().isAfter(last) ? s.last().time() : last;
      }
    }
    o.append(what)
        .append(' ')
        .append(setup.strategy)
        .append(" on ")
        .append(String.join(",", symbols));
    if (first != null) {
      o.append(String.format(Locale.US, ": %,d bars from %s to %s", bars, day(first), day(last)));
    }
    o.append(" (").append(String.join(",", sources)).append(")\n");
  }

  /** The last day before {@code end} (exclusive) for daily windows, else the instant itself. */
  private static String lastDay(Instant end) {
    return end.getEpochSecond() % 86_400 == 0 ? day(end.minusSeconds(86_400)) : end.toString();
  }

  private static String currency(List<BarSeries> series) {
    return series.getFirst().instrument().currency();
  }

  /** A date for a midnight (daily bars), else the instant. */
  private static String day(Instant t) {
    return t.getEpochSecond() % 86_400 == 0 ? t.toString().substring(0, 10) : t.toString();
  }
}
