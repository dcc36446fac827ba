package io.tradecore.policy;

import java.util.Map;

/**
 * A portfolio as plain values: equity, cash and the holdings by instrument (an instrument not in
 * the map is flat). Immutable and thread-safe.
 */
public record PortfolioSnapshot(double equity, double cash, Map<String, Holding> holdings)
    implements PortfolioInput {
  public PortfolioSnapshot {
    holdings = Map.copyOf(holdings);
  }

  /** A portfolio holding nothing but cash. */
  public static PortfolioSnapshot ofCash(double cash) {
    return new PortfolioSnapshot(cash, cash, Map.of());
  }

  @Override
  public double quantity(String instrument) {
    return holding(instrument).quantity();
  }

  @Override
  public double averageCost(String instrument) {
    return holding(instrument).averageCost();
  }

  @Override
  public int barsHeld(String instrument) {
    return holding(instrument).barsHeld();
  }

  private Holding holding(String instrument) {
    return holdings.getOrDefault(instrument, Holding.FLAT);
  }
}
