package io.tradecore.optimize;

import io.tradecore.backtest.Backtest;
import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.EquityPoint;
import io.tradecore.backtest.Metrics;
import io.tradecore.backtest.Progress;
import io.tradecore.backtest.RoundTrip;
import io.tradecore.marketdata.BarSeries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Walk-forward analysis: the search runs on each training window, and the best parameters it finds
 * are backtested on the test window right after it, which the search never saw. The windows move on
 * by {@code step}. Each test window starts flat, with its indicators warming up inside it, and with
 * the equity the test window before it ended with (a position still open at a window's end is
 * valued at its last close); joined, the test windows make one out-of-sample equity curve.
 *
 * @param train the length of a training window, e.g. 3 years
 * @param test the length of a test window
 * @param step how far the windows move each time (at least {@code test}, so test windows never
 *     overlap)
 */
public record WalkForward(Period train, Period test, Period step) {
  public WalkForward {
    if (train.isZero() || train.isNegative() || test.isZero() || test.isNegative()) {
      throw new IllegalArgumentException("--walk-forward train and test must be longer than 0");
    }
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("--walk-forward step must be longer than 0");
    }
    Instant probe = Instant.parse("2001-01-01T00:00:00Z");
    if (plus(probe, step).isBefore(plus(probe, test))) {
      throw new IllegalArgumentException(
          "--walk-forward step ("
              + text(step)
              + ") must be at least test ("
              + text(test)
              + "), so that the test windows do not overlap");
    }
  }

  /**
   * Reads {@code train=3y,test=1y[,step=1y]}: lengths in years (y), months (m), weeks (w) or days
   * (d); step defaults to test.
   *
   * @throws IllegalArgumentException naming the part at fault
   */
  public static WalkForward parse(String text) {
    Period train = null;
    Period test = null;
    Period step = null;
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "--walk-forward takes train=3y,test=1y[,step=1y] but was '" + text + "'");
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      Period value = period(key, part.substring(eq + 1).strip());
      switch (key) {
        case "train" -> train = value;
        case "test" -> test = value;
        case "step" -> step = value;
        default ->
            throw new IllegalArgumentException(
                "--walk-forward knows train, test and step, not '" + key + "'");
      }
    }
    if (train == null || test == null) {
      throw new IllegalArgumentException(
          "--walk-forward needs train= and test=, e.g. train=3y,test=1y; was '" + text + "'");
    }
    return new WalkForward(train, test, step == null ? test : step);
  }

  private static Period period(String key, String v) {
    if (!v.matches("[0-9]{1,4}[ymwd]")) {
      throw new IllegalArgumentException(
          "--walk-forward "
              + key
              + " must be a whole number of y, m, w or d (e.g. 3y, 6m) but was '"
              + v
              + "'");
    }
    int n = Integer.parseInt(v.substring(0, v.length() - 1));
    return switch (v.charAt(v.length() - 1)) {
      case 'y' -> Period.ofYears(n);
      case 'm' -> Period.ofMonths(n);
      case 'w' -> Period.ofWeeks(n);
      default -> Period.ofDays(n);
    };
  }

  /** 3y, 6m, 2w, 10d (as given). */
  public static String text(Period p) {
    if (p.getDays() != 0) {
      return p.getDays() % 7 == 0 && p.getMonths() == 0 && p.getYears() == 0
          ? p.getDays() / 7 + "w"
          : p.toTotalMonths() == 0 ? p.getDays() + "d" : p.toString();
    }
    return p.getMonths() == 0 ? p.getYears() + "y" : p.toTotalMonths() + "m";
  }

  static Instant plus(Instant t, Period p) {
    return t.atOffset(ZoneOffset.UTC).plus(p).toInstant();
  }

  /**
   * One window: its times (training from {@code trainStart} up to, not including, {@code
   * testStart}; testing up to {@code testEnd}, exclusive), the search on the training bars, the
   * parameters chosen (null when no trial was eligible) with their in-sample metrics, and the test
   * backtest's metrics and equity (null without a choice).
   */
  public record Window(
      int number,
      Instant trainStart,
      Instant testStart,
      Instant testEnd,
      Sweep sweep,
      Trial chosen,
      Metrics outOfSample,
      BigDecimal startEquity,
      BigDecimal endEquity) {}

  /**
   * How steady one parameter's choice was over the windows.
   *
   * @param chosen the value chosen in each window with a choice, in order
   * @param distinct how many different values were chosen
   * @param mode the value chosen most often (the first of them on a tie)
   * @param modeShare the share of windows that chose {@code mode}
   * @param mean the mean of a numeric parameter's choices, else null
   * @param variation standard deviation / mean of a numeric parameter's choices, else null
   */
  public record Stability(
      String name,
      List<String> chosen,
      int distinct,
      String mode,
      double modeShare,
      Double mean,
      Double variation) {}

  /**
   * The whole analysis: each window, the stitched out-of-sample curve and its metrics, the trades
   * of the test windows, and the stability of each searched parameter.
   */
  public record Result(
      WalkForward plan,
      Objective objective,
      List<Window> windows,
      List<EquityPoint> outOfSampleCurve,
      List<Integer> curveWindows,
      Metrics outOfSample,
      List<Stability> stability) {}

  /**
   * Runs the analysis over {@code series} with {@code optimizer} searching {@code space}.
   *
   * @param progress a progress for window {@code n} (from 1)
   * @throws IllegalArgumentException when the bars do not cover one training and one test window
   */
  public Result run(
      SearchSpace space,
      List<BarSeries> series,
      Optimizer optimizer,
      TrialRunner runner,
      IntFunction<Progress> progress) {
    Instant first = null;
    Instant last = null;
    for (BarSeries s : series) {
      if (s.size() > 0) {
        first = first == null || s.first().time().isBefore(first) ? s.first().time() : first;
        last = last == null || s.last().time().isAfter(last) ? s.last().time() : last;
      }
    }
    if (first == null || !plus(first, train).isBefore(last)) {
      throw new IllegalArgumentException(
          "--walk-forward train="
              + text(train)
              + " needs bars after the first training window, but the data run from "
              + first
              + " to "
              + last);
    }
    BacktestSpec base = runner.base();
    BigDecimal equity = base.startingCash();
    List<Window> windows = new ArrayList<>();
    List<EquityPoint> curve = new ArrayList<>();
    List<Integer> curveWindows = new ArrayList<>();
    List<RoundTrip> trades = new ArrayList<>();
    BigDecimal fees = BigDecimal.ZERO;
    int open = 0;
    for (int k = 0; ; k++) {
      Instant trainStart = plus(first, step.multipliedBy(k));
      Instant testStart = plus(trainStart, train);
      if (testStart.isAfter(last)) {
        break;
      }
      Instant testEnd = plus(testStart, test);
      List<BarSeries> trainBars = slice(series, trainStart, testStart);
      List<BarSeries> testBars = slice(series, testStart, testEnd);
      if (trainBars.isEmpty() || testBars.isEmpty()) {
        continue;
      }
      int number = windows.size() + 1;
      Sweep sweep = optimizer.run(space, trainBars, runner, progress.apply(number));
      Trial chosen = sweep.best().orElse(null);
      BigDecimal start = equity;
      Metrics oos = null;
      if (chosen != null) {
        BacktestResult r =
            runTest(base, chosen.params(), start, testBars, curve, curveWindows, number);
        oos = r.metrics();
        trades.addAll(r.trades());
        fees = fees.add(oos.fees());
        open = oos.openPositions();
        equity = oos.finalEquity();
      }
      windows.add(
          new Window(number, trainStart, testStart, testEnd, sweep, chosen, oos, start, equity));
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("--walk-forward found no window with bars to test on");
    }
    Metrics stitched = Metrics.of(base.startingCash(), curve, trades, open, fees);
    return new Result(
        this,
        runner.objective(),
        windows,
        curve,
        curveWindows,
        stitched,
        stability(space, windows));
  }

  private static BacktestResult runTest(
      BacktestSpec base,
      Map<String, String> params,
      BigDecimal cash,
      List<BarSeries> bars,
      List<EquityPoint> curve,
      List<Integer> curveWindows,
      int window) {
    Backtest backtest = new Backtest(base.withParams(params).withStartingCash(cash));
    return backtest.run(
        bars,
        Progress.NONE,
        backtest.newStrategy(),
        p -> {
          curve.add(p);
          curveWindows.add(window);
        });
  }

  /** The bars of each series from {@code from} (inclusive) to {@code to} (exclusive). */
  static List<BarSeries> slice(List<BarSeries> series, Instant from, Instant to) {
    List<BarSeries> out = new ArrayList<>();
    for (BarSeries s : series) {
      int a = s.indexAtOrAfter(from);
      int b = s.indexAtOrAfter(to);
      if (b > a) {
        out.add(new BarSeries(s.instrument(), s.bars().subList(a, b), s.source()));
      }
    }
    return out;
  }

  private static List<Stability> stability(SearchSpace space, List<Window> windows) {
    List<Stability> out = new ArrayList<>();
    for (SearchSpace.Axis axis : space.swept()) {
      List<String> chosen = new ArrayList<>();
      for (Window w : windows) {
        if (w.chosen() != null) {
          chosen.add(w.chosen().params().get(axis.name()));
        }
      }
      String mode = null;
      int modeCount = 0;
      for (String v : chosen) {
        int c = (int) chosen.stream().filter(v::equals).count();
        if (c > modeCount) {
          mode = v;
          modeCount = c;
        }
      }
      Double mean = null;
      Double variation = null;
      if (axis.numeric() && !chosen.isEmpty()) {
        double sum = 0;
        for (String v : chosen) {
          sum += Double.parseDouble(v);
        }
        mean = sum / chosen.size();
        double squares = 0;
        for (String v : chosen) {
          double d = Double.parseDouble(v) - mean;
          squares += d * d;
        }
        double sd = Math.sqrt(squares / chosen.size());
        variation = mean == 0 ? null : sd / Math.abs(mean);
      }
      out.add(
          new Stability(
              axis.name(),
              chosen,
              (int) chosen.stream().distinct().count(),
              mode,
              chosen.isEmpty() ? 0 : modeCount / (double) chosen.size(),
              mean,
              variation));
    }
    return out;
  }
}
