package io.tradecore.policy;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns a model's output into the action value, the target fraction of equity and the intent, as
 * the spec's {@link ActionSpec} says. Allocates nothing except a new position's {@link
 * Intent.Enter} and a {@link Intent.Rebalance}.
 */
final class ActionMapper {
  private final ActionSpec spec;
  private final Path model;
  private final double[] positions;
  private final TradeRules rules;

  ActionMapper(ActionSpec spec, Path model) {
    this.spec = spec;
    this.model = model;
    this.rules = spec.rules();
    List<Double> p = spec instanceof ActionSpec.Discrete d ? d.positions() : List.of();
    this.positions = p.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The action: the first largest logit's index, the index the model gave, or the continuous output
   * clipped to [low, high].
   *
   * @throws IllegalStateException when the output is NaN or an index out of range
   */
  double action(double[] output) {
    return switch (spec) {
      case ActionSpec.Discrete d when d.logits() -> argmax(output);
      case ActionSpec.Discrete d -> index(output[0]);
      case ActionSpec.Continuous c -> {
        double a = finite(output[0]);
        yield Math.max(c.low(), Math.min(c.high(), a));
      }
    };
  }

  /** The signed target fraction of equity of an action. */
  double target(double action) {
    return switch (spec) {
      case ActionSpec.Discrete d -> positions[(int) action];
      case ActionSpec.Continuous c -> action;
    };
  }

  /**
   * What to do given the target, the signed quantity held, its current fraction of equity, the
   * latest close and the ATR (NaN when the rules set no stop or target).
   */
  Intent intent(double target, double quantity, double current, double close, double atr) {
    if (target == 0) {
      return quantity == 0 ? Intent.HOLD : Intent.EXIT;
    }
    if (quantity == 0 || Math.signum(quantity) != Math.signum(target)) {
      Direction direction = target > 0 ? Direction.LONG : Direction.SHORT;
      int sign = direction.sign();
      double stop = positiveOrNaN(close - sign * rules.stopAtr() * atr);
      double goal = positiveOrNaN(close + sign * rules.targetAtr() * atr);
      return new Intent.Enter(direction, Math.abs(target), stop, goal);
    }
    if (Math.abs(target - current) > rules.rebalanceThreshold()) {
      return new Intent.Rebalance(target);
    }
    return Intent.HOLD;
  }

  private double argmax(double[] logits) {
    int best = 0;
    for (int i = 0; i < positions.length; i++) {
      finite(logits[i]);
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return best;
  }

  private double index(double value) {
    if (!(value >= 0 && value < positions.length && value == Math.rint(value))) {
      throw new IllegalStateException(
          model + ": the model gave action " + value + ", not one of 0.." + (positions.length - 1));
    }
    return value;
  }

  private double finite(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException(model + ": the model gave a non-finite output " + value);
    }
    return value;
  }

  /** A stop or target at or below zero (or none) is no price. */
  private static double positiveOrNaN(double price) {
    return price > 0 ? price : Double.NaN;
  }
}
