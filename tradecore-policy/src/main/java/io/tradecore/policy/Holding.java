package io.tradecore.policy;

/**
 * One position as a policy sees it: signed quantity, average entry price and bars held. Immutable
 * and thread-safe.
 */
public record Holding(double quantity, double averageCost, int barsHeld) {
  public static final Holding FLAT = new Holding(0, 0, 0);

  public Holding {
    if (!Double.isFinite(quantity)) {
      throw new IllegalArgumentException("quantity must be finite but was " + quantity);
    }
    if (quantity != 0 && !(averageCost > 0 && averageCost < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "average cost of a position must be positive and finite but was " + averageCost);
    }
    if (barsHeld < 0) {
      throw new IllegalArgumentException("bars held must be >= 0 but was " + barsHeld);
    }
  }
}
