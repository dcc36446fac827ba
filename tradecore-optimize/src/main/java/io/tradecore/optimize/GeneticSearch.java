package io.tradecore.optimize;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.EliteSelector;
import io.jenetics.GaussianMutator;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.UniformCrossover;
import io.jenetics.engine.Engine;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import io.tradecore.backtest.Progress;
import io.tradecore.marketdata.BarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A genetic search with Jenetics: a genotype is one number in [0, 1) per searched parameter, read
 * as an index into that parameter's values. Each generation's new points are backtested together on
 * every core; a point seen before is not backtested again, so every trial is a distinct point. The
 * search stops at the generation that brings the trials to {@code trials} or more (at most a
 * population's worth more), or when generations stop finding new points. Jenetics draws its random
 * numbers on the calling thread from a generator seeded with {@code seed}, so a seed always gives
 * the same trials.
 */
final class GeneticSearch {
  /** Generations in a row without a new point after which the search has converged. */
  private static final int STALE_GENERATIONS = 25;

  /** Fitness of a point the strategy does not take. */
  private static final double REFUSED = Double.NEGATIVE_INFINITY;

  /** Fitness of a trial that may not be the best (too few trades, undefined objective). */
  private static final double INELIGIBLE = -Double.MAX_VALUE;

  private final SearchSpace space;
  private final TrialRunner runner;
  private final int trials;
  private final int population;
  private final long seed;
  private final List<SearchSpace.Axis> axes;
  private final Map<String, Double> fitness = new HashMap<>();
  private final List<Trial> done = new ArrayList<>();
  private long refused;
  private int stale;

  GeneticSearch(SearchSpace space, TrialRunner runner, int trials, int population, long seed) {
    this.space = space;
    this.runner = runner;
    this.trials = trials;
    this.population = population;
    this.seed = seed;
    this.axes = space.axes();
  }

  Sweep run(List<BarSeries> series, Progress progress) {
    Evaluator<DoubleGene, Double> evaluator = pop -> evaluate(pop, series, progress);
    Engine<DoubleGene, Double> engine =
        new Engine.Builder<>(evaluator, Genotype.of(DoubleChromosome.of(0, 1, axes.size())))
            .populationSize(population)
            .maximizing()
            .executor(Runnable::run) // every random draw on this thread: reproducible
            .offspringSelector(new TournamentSelector<>(3))
            .survivorsSelector(new EliteSelector<>(Math.max(1, population / 10)))
            .alterers(
                new UniformCrossover<>(0.5, 0.5), new GaussianMutator<>(0.25), new Mutator<>(0.05))
            .build();
    RandomRegistry.with(
        new SplittableRandom(seed),
        r -> engine.stream().limit(g -> done.size() < trials && stale < STALE_GENERATIONS).count());
    if (done.isEmpty()) {
      throw new IllegalArgumentException(
          "strategy " + space.strategy() + " takes none of the parameter combinations tried");
    }
    return new Sweep(space, Method.GENETIC, runner.objective(), done, refused);
  }

  private ISeq<Phenotype<DoubleGene, Double>> evaluate(
      Seq<Phenotype<DoubleGene, Double>> pop, List<BarSeries> series, Progress progress) {
    Map<String, Map<String, String>> fresh = new LinkedHashMap<>();
    for (Phenotype<DoubleGene, Double> p : pop) {
      if (p.isEvaluated()) {
        continue;
      }
      int[] idx = indices(p.genotype());
      String key = Arrays.toString(idx);
      if (fitness.containsKey(key) || fresh.containsKey(key)) {
        continue;
      }
      Map<String, String> point = space.point(idx);
      if (space.valid(point)) {
        fresh.put(key, point);
      } else {
        fitness.put(key, REFUSED);
        refused++;
      }
    }
    if (fresh.isEmpty()) {
      stale++;
    } else {
      stale = 0;
      int before = done.size();
      List<Trial> ran =
          runner.run(
              new ArrayList<>(fresh.values()),
              series,
              before + 1,
              (d, t) -> progress.update(Math.min(before + d, trials), trials));
      List<String> keys = new ArrayList<>(fresh.keySet());
      for (int i = 0; i < ran.size(); i++) {
        Trial trial = ran.get(i);
        double f = trial.eligible() ? Trial.score(runner.objective(), trial) : INELIGIBLE;
        fitness.put(keys.get(i), f);
        done.add(trial);
      }
    }
    List<Phenotype<DoubleGene, Double>> out = new ArrayList<>(pop.size());
    for (Phenotype<DoubleGene, Double> p : pop) {
      out.add(
          p.isEvaluated() ? p : p.withFitness(fitness.get(Arrays.toString(indices(p.genotype())))));
    }
    return ISeq.of(out);
  }

  private int[] indices(Genotype<DoubleGene> g) {
    DoubleChromosome c = g.chromosome().as(DoubleChromosome.class);
    int[] out = new int[axes.size()];
    for (int i = 0; i < out.length; i++) {
      int size = axes.get(i).size();
      out[i] = Math.min(size - 1, (int) (c.get(i).doubleValue() * size));
    }
    return out;
  }
}
