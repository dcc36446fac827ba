package io.tradecore.policy;

import io.tradecore.core.engine.PortfolioView;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The engine's portfolio as a policy observes it: equity and cash read once per moment, and per
 * instrument the position, its average cost (cost basis over quantity) and the bars held, which the
 * strategy counts. Not thread-safe (one engine thread).
 */
final class ViewInput implements PortfolioInput {
  private final Map<String, Integer> barsHeld;
  private PortfolioView view;
  private double equity;
  private double cash;

  ViewInput(Map<String, Integer> barsHeld) {
    this.barsHeld = barsHeld;
  }

  /** Reads the portfolio of this moment. */
  void at(PortfolioView portfolio) {
    this.view = portfolio;
    this.equity = portfolio.equity().doubleValue();
    this.cash = portfolio.cash().doubleValue();
  }

  @Override
  public double equity() {
    return equity;
  }

  @Override
  public double cash() {
    return cash;
  }

  @Override
  public double quantity(String instrument) {
    return view.position(instrument).doubleValue();
  }

  @Override
  public double averageCost(String instrument) {
    BigDecimal quantity = view.position(instrument);
    return quantity.signum() == 0
        ? 0
        : view.costBasis(instrument).doubleValue() / quantity.doubleValue();
  }

  @Override
  public int barsHeld(String instrument) {
    return barsHeld.getOrDefault(instrument, 0);
  }
}
