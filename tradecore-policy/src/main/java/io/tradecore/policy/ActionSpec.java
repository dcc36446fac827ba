package io.tradecore.policy;

import java.util.List;

/**
 * How a policy's model output becomes a target position: a discrete action picks one of a list of
 * target fractions of equity, a continuous one is the target fraction itself, clipped. Immutable
 * and thread-safe.
 */
public sealed interface ActionSpec {
  /** When to trade towards the target and which stop and target a new position gets. */
  TradeRules rules();

  /** Output values the model must produce for one observation. */
  int outputSize();

  /**
   * Action i targets {@code positions.get(i)} of equity (signed: 1 long, -1 short, 0 flat). With
   * {@code logits} the model outputs one logit per action and the action is the first largest;
   * otherwise it outputs the action's index.
   */
  record Discrete(boolean logits, List<Double> positions, TradeRules rules) implements ActionSpec {
    public Discrete {
      positions = List.copyOf(positions);
    }

    @Override
    public int outputSize() {
      return logits ? positions.size() : 1;
    }
  }

  /** The model outputs the target fraction of equity, clipped to [low, high]. */
  record Continuous(double low, double high, TradeRules rules) implements ActionSpec {
    @Override
    public int outputSize() {
      return 1;
    }
  }
}
