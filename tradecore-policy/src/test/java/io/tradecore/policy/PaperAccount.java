package io.tradecore.policy;

import java.util.Map;

/**
 * A one-instrument account for tests that follows a policy's intents at the bar's close, so the
 * portfolio features change from bar to bar as they would in a backtest.
 */
final class PaperAccount {
  private final String instrument;
  private double cash;
  private double quantity;
  private double averageCost;
  private int barsHeld;

  PaperAccount(String instrument, double cash) {
    this.instrument = instrument;
    this.cash = cash;
  }

  /** The portfolio marked at {@code close}, as the policy sees it. */
  PortfolioSnapshot snapshot(double close) {
    Map<String, Holding> holdings =
        quantity == 0 ? Map.of() : Map.of(instrument, new Holding(quantity, averageCost, barsHeld));
    return new PortfolioSnapshot(cash + quantity * close, cash, holdings);
  }

  /** Carries out the intent at {@code close}; a held position ages by one bar. */
  void apply(Intent intent, double close) {
    double equity = cash + quantity * close;
    switch (intent) {
      case Intent.Hold h -> {}
      case Intent.Exit e -> trade(-quantity, close);
      case Intent.Enter e -> {
        trade(-quantity, close);
        trade(e.direction().sign() * e.fraction() * equity / close, close);
        barsHeld = 0;
      }
      case Intent.Rebalance r -> trade(r.targetFraction() * equity / close - quantity, close);
    }
    if (quantity != 0) {
      barsHeld++;
    }
  }

  private void trade(double units, double price) {
    if (units == 0) {
      return;
    }
    if (quantity == 0 || Math.signum(units) == Math.signum(quantity)) {
      averageCost = (averageCost * quantity + price * units) / (quantity + units);
    }
    cash -= units * price;
    quantity += units;
    if (Math.abs(quantity) < 1e-12) {
      quantity = 0;
      averageCost = 0;
    }
  }
}
