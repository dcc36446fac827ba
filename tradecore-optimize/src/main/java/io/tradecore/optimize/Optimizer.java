package io.tradecore.optimize;

import io.tradecore.backtest.Progress;
import io.tradecore.marketdata.BarSeries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A search over a strategy's parameters: grid, random or genetic. The same settings, seed and bars
 * always give the same trials in the same order.
 *
 * @param method how points are picked
 * @param trials how many backtests random and genetic search run (grid runs every point)
 * @param seed the seed of random and genetic search
 * @param population the genetic search's population
 */
public record Optimizer(Method method, int trials, long seed, int population) {
  /** The grid's most points: beyond, use random or genetic search. */
  public static final long MAX_GRID = 5_000_000;

  /** Draws per wanted trial before a random search gives up on finding new valid points. */
  private static final int DRAWS_PER_TRIAL = 50;

  public Optimizer {
    if (trials < 1) {
      throw new IllegalArgumentException("--trials must be 1 or more but was " + trials);
    }
    if (population < 2) {
      throw new IllegalArgumentException("--population must be 2 or more but was " + population);
    }
  }

  /**
   * Searches {@code space} over {@code series}, backtesting with {@code runner}.
   *
   * @throws IllegalArgumentException when the grid is too large or no point is valid
   */
  public Sweep run(
      SearchSpace space, List<BarSeries> series, TrialRunner runner, Progress progress) {
    return switch (method) {
      case GRID -> grid(space, series, runner, progress);
      case RANDOM -> random(space, series, runner, progress);
      case GENETIC ->
          new GeneticSearch(space, runner, trials, population, seed).run(series, progress);
    };
  }

  private Sweep grid(
      SearchSpace space, List<BarSeries> series, TrialRunner runner, Progress progress) {
    long size = space.gridSize();
    if (size > MAX_GRID) {
      throw new IllegalArgumentException(
          "the grid has "
              + (size == Long.MAX_VALUE ? "too many" : String.format("%,d", size))
              + " points, more than "
              + String.format("%,d", MAX_GRID)
              + "; narrow the ranges or use --method random or genetic with --trials");
    }
    List<Map<String, String>> points = new ArrayList<>();
    long refused = 0;
    for (long n = 0; n < size; n++) {
      Map<String, String> p = space.point(space.indices(n));
      if (space.valid(p)) {
        points.add(p);
      } else {
        refused++;
      }
    }
    return finish(space, points, refused, series, runner, progress);
  }

  private Sweep random(
      SearchSpace space, List<BarSeries> series, TrialRunner runner, Progress progress) {
    long size = space.gridSize();
    if (size <= trials) {
      Sweep all =
          new Optimizer(Method.GRID, trials, seed, population)
              .grid(space, series, runner, progress);
      return new Sweep(space, Method.RANDOM, all.objective(), all.trials(), all.refused());
    }
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>();
    List<Map<String, String>> points = new ArrayList<>();
    long refused = 0;
    long draws = (long) trials * DRAWS_PER_TRIAL;
    int axes = space.axes().size();
    for (long d = 0; d < draws && points.size() < trials; d++) {
      int[] idx = new int[axes];
      for (int i = 0; i < axes; i++) {
        idx[i] = random.nextInt(space.axes().get(i).size());
      }
      if (!seen.add(java.util.Arrays.toString(idx))) {
        continue;
      }
      Map<String, String> p = space.point(idx);
      if (space.valid(p)) {
        points.add(p);
      } else {
        refused++;
      }
    }
    return finish(space, points, refused, series, runner, progress);
  }

  private Sweep finish(
      SearchSpace space,
      List<Map<String, String>> points,
      long refused,
      List<BarSeries> series,
      TrialRunner runner,
      Progress progress) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException(
          "strategy " + space.strategy() + " takes none of the parameter combinations given");
    }
    List<Trial> trialsRun = runner.run(points, series, 1, progress);
    return new Sweep(space, method, runner.objective(), trialsRun, refused);
  }
}
