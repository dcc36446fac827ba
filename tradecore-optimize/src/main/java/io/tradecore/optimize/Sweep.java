package io.tradecore.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one search: every trial in the order asked for, and how many points the strategy
 * refused (a combination it does not take, such as sma-cross with fast not below slow).
 */
public record Sweep(
    SearchSpace space, Method method, Objective objective, List<Trial> trials, long refused) {
  public Sweep {
    trials = List.copyOf(trials);
  }

  /** The trials best first (see {@link Trial#ranking}). */
  public List<Trial> ranked() {
    List<Trial> out = new ArrayList<>(trials);
    out.sort(Trial.ranking(objective));
    return out;
  }

  /** The best eligible trial, if any trial was eligible. */
  public Optional<Trial> best() {
    return trials.stream().filter(Trial::eligible).min(Trial.ranking(objective));
  }
}
