package io.tradecore.bench;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.indicator.Sma;
import io.tradecore.marketdata.SyntheticBars;
import io.tradecore.strategies.StrategyCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * Engine throughput: sma-cross 10/30 over a seeded synthetic series through TradeCore's Engine
 * (Engine + SimulatedExchange + Portfolio, a no-op listener) and through ta4j's BarSeriesManager
 * (DoubleNum and DecimalNum), after warm-up runs, median of the timed runs. Building ta4j's series
 * is not timed; building its strategy (fresh indicators) and running it is. Both must produce the
 * same round trips. The last line printed is the summary that {@code bench/run engine} reports.
 *
 * <p>Options: {@code --bars N} (default 1000000), {@code --warmup N} (8), {@code --runs N} (9),
 * {@code --seed N} (20261121).
 */
public final class EngineBench {
  private static final int FAST = 10;
  private static final int SLOW = 30;
  private static final Instrument INSTRUMENT = Instrument.of("BENCH", "USD", 2);

  private EngineBench() {}

  public static void main(String[] args) {
    Map<String, Long> options = options(args);
    int bars = Math.toIntExact(options.get("bars"));
    int warmup = Math.toIntExact(options.get("warmup"));
    int runs = Math.toIntExact(options.get("runs"));
    long seed = options.get("seed");
    if (bars < SLOW + 2 || warmup < 0 || runs < 1) {
      throw new IllegalArgumentException("need --bars >= " + (SLOW + 2) + ", --runs >= 1");
    }

    say(
        "java %s on %d cores, max heap %d MiB",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    // Hourly bars from 100.00: about 30 ticks of volatility a bar, prices in cents.
    List<Bar> series =
        SyntheticBars.generateSeries(
                INSTRUMENT,
                Instant.parse("2000-01-03T00:00:00Z"),
                Duration.ofHours(1),
                bars,
                seed,
                100.0)
            .bars();
    say("%d synthetic hourly bars of %s, seed %d", bars, INSTRUMENT.symbol(), seed);

    // TradeCore: the round trips from a recorded run, then timed runs with a no-op listener.
    StrategyFactory smaCross =
        StrategyCatalog.factory(
            "sma-cross", Map.of("fast", String.valueOf(FAST), "slow", String.valueOf(SLOW)));
    List<RoundTrip> tradecoreTrips = TradeCoreRun.roundTrips(series, smaCross);
    long fills = tradecoreTrips.size() * 2L - (lastOpen(tradecoreTrips) ? 1 : 0);
    Timing tradecore =
        time(
            "tradecore Engine",
            bars,
            warmup,
            runs,
            () -> TradeCoreRun.run(series, smaCross, EngineListener.NONE),
            portfolio -> {
              if (portfolio.ledger().fillCount() != fills) {
                throw new IllegalStateException(
                    "a timed run made " + portfolio.ledger().fillCount() + " fills, not " + fills);
              }
            });
    say(
        "tradecore: %d round trips (%s at the end)",
        tradecoreTrips.size(), openText(tradecoreTrips));

    // ta4j: one series per number type, built untimed; each timed run builds a fresh strategy.
    Ta4jResult decimal = ta4j("DecimalNum", series, DecimalNumFactory.getInstance(), warmup, runs);
    Ta4jResult dbl = ta4j("DoubleNum", series, DoubleNumFactory.getInstance(), warmup, runs);
    // TradeCore must trade exactly as ta4j does with exact numbers. DoubleNum's running sums carry
    // binary rounding, so where the two averages are exactly equal it can see a cross that is not
    // there; its round trips are compared and reported, not required to match.
    boolean sameTrades = same("DecimalNum", tradecoreTrips, decimal.trips, series);
    same("DoubleNum", tradecoreTrips, dbl.trips, series);
    Ta4jResult best = decimal.timing.median <= dbl.timing.median ? decimal : dbl;
    say(
        "ta4j_bars_per_s is ta4j with %s, the faster (DecimalNum %d bars/s, DoubleNum %d bars/s);"
            + " same_trades compares with DecimalNum",
        best.name, decimal.timing.barsPerSecond(bars), dbl.timing.barsPerSecond(bars));

    long ours = tradecore.barsPerSecond(bars);
    long theirs = best.timing.barsPerSecond(bars);
    System.out.printf(
        Locale.ROOT,
        "engine bars=%d tradecore_bars_per_s=%d ta4j_bars_per_s=%d ratio=%.2f same_trades=%s%n",
        bars,
        ours,
        theirs,
        ours / (double) theirs,
        sameTrades);
    System.out.flush();
    if (!sameTrades) {
      System.exit(1);
    }
  }

  private record Ta4jResult(String name, Timing timing, List<RoundTrip> trips) {}

  private static Ta4jResult ta4j(
      String name, List<Bar> bars, NumFactory numbers, int warmup, int runs) {
    BarSeries series = Ta4jRun.series(bars, numbers);
    TradingRecord[] last = new TradingRecord[1];
    Timing timing =
        time(
            "ta4j " + name,
            bars.size(),
            warmup,
            runs,
            () -> Ta4jRun.run(series, FAST, SLOW),
            record -> last[0] = record);
    List<RoundTrip> trips = Ta4jRun.roundTrips(last[0]);
    say("ta4j %s: %d round trips (%s at the end)", name, trips.size(), openText(trips));
    return new Ta4jResult(name, timing, trips);
  }

  /** Seconds of each timed run and their median. */
  private record Timing(double[] seconds, double median) {
    long barsPerSecond(int bars) {
      return Math.round(bars / median);
    }
  }

  private static <T> Timing time(
      String name, int bars, int warmup, int runs, Supplier<T> run, Consumer<T> check) {
    for (int i = 0; i < warmup; i++) {
      check.accept(run.get());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] seconds = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      T result = run.get();
      seconds[i] = (System.nanoTime() - start) / 1e9;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      check.accept(result);
    }
    double[] sortedCpu = cpu.clone();
    Arrays.sort(sortedCpu);
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median =
        runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    StringBuilder each = new StringBuilder();
    for (double s : seconds) {
      each.append(each.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f", s));
    }
    say(
        "%s: %d warm-up + %d timed runs, median %.3f s = %d bars/s, best %.3f s, median CPU time"
            + " of this thread %.3f s (runs: %s)",
        name,
        warmup,
        runs,
        median,
        Math.round(bars / median),
        sorted[0],
        sortedCpu[runs / 2],
        each);
    return new Timing(seconds, median);
  }

  private static boolean same(
      String name, List<RoundTrip> ours, List<RoundTrip> theirs, List<Bar> bars) {
    int n = Math.min(ours.size(), theirs.size());
    for (int i = 0; i < n; i++) {
      RoundTrip a = ours.get(i);
      RoundTrip b = theirs.get(i);
      if (!a.sameAs(b)) {
        // The signal is on the bar before the fill; name the bars where the averages tie exactly.
        List<Integer> ties =
            ties(
                bars,
                Math.min(a.entryIndex(), b.entryIndex()) - 1,
                Math.max(a.exitIndex(), b.exitIndex()));
        say(
            "round trips differ from ta4j %s from round trip %d of %d/%d: tradecore %s, ta4j %s;"
                + " fast == slow exactly at bars %s",
            name, i, ours.size(), theirs.size(), a, b, ties);
        return false;
      }
    }
    if (ours.size() != theirs.size()) {
      say("round trips differ: tradecore %d, ta4j %s %d", ours.size(), name, theirs.size());
      return false;
    }
    say("same round trips as ta4j %s: all %d (entry/exit bars and prices)", name, n);
    return true;
  }

  /** The bars in [from, to] where TradeCore's fast and slow averages are exactly equal. */
  private static List<Integer> ties(List<Bar> bars, int from, int to) {
    Sma fast = new Sma(FAST);
    Sma slow = new Sma(SLOW);
    List<Integer> ties = new ArrayList<>();
    int end = to < 0 ? bars.size() - 1 : to;
    for (int i = 0; i <= end; i++) {
      fast.update(bars.get(i));
      slow.update(bars.get(i));
      if (i >= from && slow.isReady() && Sma.compare(fast, slow) == 0) {
        ties.add(i);
      }
    }
    return ties;
  }

  private static boolean lastOpen(List<RoundTrip> trips) {
    return !trips.isEmpty() && trips.getLast().exitIndex() < 0;
  }

  private static String openText(List<RoundTrip> trips) {
    return lastOpen(trips) ? "one open" : "none open";
  }

  private static void say(String format, Object... args) {
    System.out.println("engine: " + String.format(Locale.ROOT, format, args));
  }

  private static Map<String, Long> options(String[] args) {
    Map<String, Long> options =
        new TreeMap<>(Map.of("bars", 1_000_000L, "warmup", 8L, "runs", 9L, "seed", 20261121L));
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (name == null || !options.containsKey(name) || i + 1 == args.length) {
        throw new IllegalArgumentException(
            "usage: EngineBench [--bars N] [--warmup N] [--runs N] [--seed N]; bad: " + args[i]);
      }
      options.put(name, Long.parseLong(args[++i].replace("_", "")));
    }
    return options;
  }
}
