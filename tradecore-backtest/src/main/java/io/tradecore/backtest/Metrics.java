package io.tradecore.backtest;

import java.math.BigDecimal;
import java.util.List;

/**
 * Performance figures of a backtest, from its equity curve and round trips. Money (final equity,
 * fees) is exact; ratios are doubles. A figure that is undefined for the data (no trades, a flat
 * curve, a single bar) is null. Immutable.
 *
 * @param trades closed round trips
 * @param openPositions plans still holding a position at the end
 * @param totalReturn final equity / starting cash - 1
 * @param cagr compound annual growth over the calendar time from the first to the last bar, in
 *     years of 365.25 days
 * @param sharpe mean / sample standard deviation of the per-bar simple returns of equity, times the
 *     square root of the periods per year; risk-free rate 0
 * @param sortino mean per-bar return / downside deviation (root mean square of the negative
 *     returns, counting every period), times the square root of the periods per year
 * @param maxDrawdown the largest fall from a running peak of equity, as a positive ratio
 * @param winRate closed trades with a positive pnl / closed trades
 * @param profitFactor gross profit / gross loss of closed trades; null when nothing was lost
 * @param bars bars in the series
 * @param periodsPerYear bars per year used to annualise, inferred from the bar spacing
 */
public record Metrics(
    int trades,
    int openPositions,
    BigDecimal finalEquity,
    double totalReturn,
    Double cagr,
    Double sharpe,
    Double sortino,
    double maxDrawdown,
    Double winRate,
    Double profitFactor,
    BigDecimal fees,
    int bars,
    Double periodsPerYear) {

  static final double SECONDS_PER_YEAR = 365.25 * 86_400;
  static final double TRADING_DAYS_PER_YEAR = 252;

  /**
   * The metrics of a whole curve at once; see {@link MetricsAccumulator} for one point at a time.
   */
  public static Metrics of(
      BigDecimal startingCash,
      List<EquityPoint> curve,
      List<RoundTrip> trades,
      int openPositions,
      BigDecimal fees) {
    MetricsAccumulator metrics = new MetricsAccumulator(startingCash);
    for (EquityPoint p : curve) {
      metrics.add(p.time(), p.equity());
    }
    return metrics.metrics(trades, openPositions, fees);
  }

  /**
   * Bars per year: 252 for daily bars that skip weekends (the median spacing is a day and at least
   * a tenth of the spacings span two days or more), otherwise 365.25 days / the median spacing.
   * Null for fewer than two bars.
   */
  static Double periodsPerYear(List<EquityPoint> curve) {
    MetricsAccumulator metrics = new MetricsAccumulator(BigDecimal.ONE);
    for (EquityPoint p : curve) {
      metrics.add(p.time(), p.equity());
    }
    return metrics.periodsPerYear();
  }
}
