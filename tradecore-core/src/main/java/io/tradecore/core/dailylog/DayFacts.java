package io.tradecore.core.dailylog;

import java.math.BigDecimal;
import java.util.List;

/**
 * What happened on one trading day of a portfolio, the input of the daily log's rules. Money is
 * exact; counts are whole numbers. Immutable.
 *
 * @param accountValue equity at the day's close
 * @param previousClose equity at the previous trading day's close (starting capital on the first)
 * @param peakValue the highest account value at any close up to and including this day
 * @param previousPeak the highest account value at any close before this day (starting capital when
 *     there is none), so a rule can tell a new state from one that lasts
 * @param recentTrades trades on each of the previous logged trading days, most recent last
 * @param marketOpen whether the market was open this day (a trading day)
 * @param daysUntilNextSession calendar days from this day to the next trading day (1 normally, 3
 *     over a weekend, more over a holiday)
 */
public record DayFacts(
    BigDecimal accountValue,
    BigDecimal previousClose,
    BigDecimal startingCapital,
    BigDecimal peakValue,
    BigDecimal previousPeak,
    long trades,
    long signals,
    long warnings,
    long errors,
    long riskRefusals,
    int openPositions,
    BigDecimal fees,
    BigDecimal otherCosts,
    List<Long> recentTrades,
    boolean marketOpen,
    int daysUntilNextSession) {

  /** How far the close is below the peak, as a ratio exact to 10 decimals; 0 at the peak. */
  public BigDecimal drawdown() {
    return drawdown(peakValue, accountValue);
  }

  /** The drawdown at the previous trading day's close. */
  public BigDecimal previousDrawdown() {
    return drawdown(previousPeak, previousClose);
  }

  private static BigDecimal drawdown(BigDecimal peak, BigDecimal close) {
    if (peak.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return peak.subtract(close).divide(peak, 10, java.math.RoundingMode.HALF_EVEN);
  }

  public BigDecimal dailyPnl() {
    return accountValue.subtract(previousClose);
  }

  public BigDecimal totalPnl() {
    return accountValue.subtract(startingCapital);
  }

  /** The day's return as a ratio, exact to 10 decimals; 0 when the previous close was 0. */
  public BigDecimal dailyReturn() {
    if (previousClose.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return dailyPnl().divide(previousClose, 10, java.math.RoundingMode.HALF_EVEN);
  }
}
