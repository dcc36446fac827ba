package io.tradecore.optimize;

import io.tradecore.backtest.Backtest;
import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.backtest.Metrics;
import io.tradecore.backtest.PreparedBars;
import io.tradecore.backtest.Progress;
import io.tradecore.marketdata.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the backtests of a search on every core: each trial is a full backtest exactly as {@code
 * tradecore backtest} runs it (the same {@link Backtest}, costs, risk caps and metrics), with its
 * equity points dropped as they are made. The bar series are shared, read only, by all threads. The
 * trials come back in the order they were asked for, whatever the threads did, so a search is the
 * same on one core or many.
 */
public final class TrialRunner implements AutoCloseable {
  private final BacktestSpec base;
  private final Objective objective;
  private final int minTrades;
  private final int threads;
  private final ExecutorService pool;

  /**
   * @param base the costs, risk caps, cash and market of every trial; its parameters are replaced
   * @param threads how many backtests run at once
   */
  public TrialRunner(BacktestSpec base, Objective objective, int minTrades, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more but was " + threads);
    }
    this.base = base;
    this.objective = objective;
    this.minTrades = minTrades;
    this.threads = threads;
    this.pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "optimize-trial");
                  t.setDaemon(true);
                  return t;
                });
  }

  public Objective objective() {
    return objective;
  }

  public int minTrades() {
    return minTrades;
  }

  public BacktestSpec base() {
    return base;
  }

  /**
   * Backtests every point over {@code series}, numbering the trials from {@code firstNumber}.
   *
   * @param progress told of each finished trial out of {@code points.size()}, from one thread at a
   *     time
   * @throws IllegalStateException naming the trial's parameters when its backtest fails
   */
  public List<Trial> run(
      List<Map<String, String>> points,
      List<BarSeries> series,
      int firstNumber,
      Progress progress) {
    int n = points.size();
    Trial[] out = new Trial[n];
    PreparedBars bars = PreparedBars.kept(series); // once for all the trials, shared read only
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            out[i] = trial(firstNumber + i, points.get(i), bars);
            int finished = done.incrementAndGet();
            synchronized (progress) {
              progress.update(finished, n);
            }
          }
        };
    int workers = Math.min(threads, n);
    if (pool == null || workers <= 1) {
      worker.run();
    } else {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(worker));
      }
      for (Future<?> f : running) {
        await(f);
      }
    }
    return List.of(out);
  }

  /**
   * One backtest of {@code params} over {@code series}, exactly as the backtest command runs it.
   */
  public BacktestResult backtest(Map<String, String> params, List<BarSeries> series) {
    return backtest(base.withParams(params), series);
  }

  /** A backtest of {@code spec} over {@code series}, its equity points dropped. */
  public static BacktestResult backtest(BacktestSpec spec, List<BarSeries> series) {
    Backtest backtest = new Backtest(spec);
    return backtest.run(series, Progress.NONE, backtest.newStrategy(), point -> {});
  }

  private Trial trial(int number, Map<String, String> params, PreparedBars bars) {
    Metrics m;
    try {
      Backtest backtest = new Backtest(base.withParams(params));
      // No equity point is made: the metrics are gathered from the same equity all the same.
      m = backtest.run(bars, Progress.NONE, backtest.newStrategy(), null).metrics();
    } catch (RuntimeException e) {
      throw new IllegalStateException("trial " + describe(params) + ": " + e.getMessage(), e);
    }
    return of(number, params, m);
  }

  /** The trial of these metrics under this runner's objective and minimum of trades. */
  Trial of(int number, Map<String, String> params, Metrics m) {
    Double value = objective.value(m);
    return new Trial(number, params, m, value, value != null && m.trades() >= minTrades);
  }

  /** {@code fast=3, slow=10}. */
  public static String describe(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append('=').append(v));
    return out.toString();
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the trials ran", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
