package io.tradecore.policy;

import java.util.List;

/**
 * Computes a spec's features, in order, from a window of bars and the portfolio, in double maths.
 * The formulas are the ones documented in docs/rl-policies.md, which a training environment must
 * reproduce. Allocates nothing and keeps no state, so threads may share one.
 */
public final class ObservationBuilder {
  private final Feature[] features;
  private final int barsNeeded;

  public ObservationBuilder(List<Feature> features) {
    this.features = features.toArray(Feature[]::new);
    int bars = 1;
    for (Feature f : this.features) {
      bars = Math.max(bars, f.barsNeeded());
    }
    this.barsNeeded = bars;
  }

  /** Bars the window must hold before an observation can be built (at least 1). */
  public int barsNeeded() {
    return barsNeeded;
  }

  /** Features in the observation. */
  public int size() {
    return features.length;
  }

  /**
   * Writes the raw (not normalised) features of {@code instrument} into {@code out}.
   *
   * @throws IllegalArgumentException when the window is too short or the portfolio's equity is not
   *     positive
   */
  public void build(String instrument, BarWindow bars, PortfolioInput portfolio, double[] out) {
    if (bars.size() < barsNeeded) {
      throw new IllegalArgumentException(
          "the observation needs "
              + barsNeeded
              + " bars of "
              + instrument
              + " but has "
              + bars.size());
    }
    double equity = portfolio.equity();
    if (!(equity > 0 && equity < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "the observation needs a positive equity but it was " + equity);
    }
    double quantity = portfolio.quantity(instrument);
    for (int i = 0; i < features.length; i++) {
      out[i] =
          switch (features[i]) {
            case Feature.LogReturn f -> Math.log(bars.close(f.lag()) / bars.close(f.lag() + f.k()));
            case Feature.SmaRatio f -> bars.close(f.lag()) / sma(bars, f.n(), f.lag()) - 1;
            case Feature.AtrRatio f -> atr(bars, f.n(), f.lag()) / bars.close(f.lag());
            case Feature.VolumeZScore f -> volumeZScore(bars, f.n(), f.lag());
            case Feature.PositionFraction f -> quantity * bars.close(0) / equity;
            case Feature.CashFraction f -> portfolio.cash() / equity;
            case Feature.UnrealizedPnlRatio f ->
                quantity == 0
                    ? 0
                    : (bars.close(0) / averageCost(instrument, portfolio) - 1)
                        * Math.signum(quantity);
            case Feature.BarsHeld f ->
                quantity == 0 ? 0 : portfolio.barsHeld(instrument) / f.scale();
          };
    }
  }

  private static double averageCost(String instrument, PortfolioInput portfolio) {
    double cost = portfolio.averageCost(instrument);
    if (!(cost > 0 && cost < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "the observation needs the average cost of the position in "
              + instrument
              + " but it was "
              + cost);
    }
    return cost;
  }

  /** Mean close of the n bars from {@code lag} back, oldest first. */
  static double sma(BarWindow bars, int n, int lag) {
    double sum = 0;
    for (int back = lag + n - 1; back >= lag; back--) {
      sum += bars.close(back);
    }
    return sum / n;
  }

  /** Simple mean of the true ranges of the n bars from {@code lag} back, oldest first. */
  static double atr(BarWindow bars, int n, int lag) {
    double sum = 0;
    for (int back = lag + n - 1; back >= lag; back--) {
      double previousClose = bars.close(back + 1);
      double high = bars.high(back);
      double low = bars.low(back);
      sum +=
          Math.max(
              high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }
    return sum / n;
  }

  /** Z-score of the volume {@code lag} back within the n volumes ending there (population sd). */
  static double volumeZScore(BarWindow bars, int n, int lag) {
    double sum = 0;
    for (int back = lag + n - 1; back >= lag; back--) {
      sum += bars.volume(back);
    }
    double mean = sum / n;
    double squares = 0;
    for (int back = lag + n - 1; back >= lag; back--) {
      double d = bars.volume(back) - mean;
      squares += d * d;
    }
    double sd = Math.sqrt(squares / n);
    return sd == 0 ? 0 : (bars.volume(lag) - mean) / sd;
  }
}
