package io.tradecore.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The metrics as they were computed before {@link MetricsAccumulator}, from the whole curve held in
 * memory, several passes and a BigDecimal division per bar: the reference the one-pass figures must
 * equal exactly.
 */
final class MetricsReference {
  private static final double SECONDS_PER_YEAR = 365.25 * 86_400;
  private static final double TRADING_DAYS_PER_YEAR = 252;
  private static final MathContext RATIO = MathContext.DECIMAL64;

  private MetricsReference() {}

  public static Metrics of(
      BigDecimal startingCash,
      List<EquityPoint> curve,
      List<RoundTrip> trades,
      int openPositions,
      BigDecimal fees) {
    BigDecimal finalEquity = curve.isEmpty() ? startingCash : curve.getLast().equity();
    double totalReturn = ratio(finalEquity.subtract(startingCash), startingCash);
    double[] returns = returns(curve);
    Double periodsPerYear = periodsPerYear(curve);
    double annualiser = periodsPerYear == null ? Double.NaN : Math.sqrt(periodsPerYear);
    BigDecimal grossProfit = BigDecimal.ZERO;
    BigDecimal grossLoss = BigDecimal.ZERO;
    int wins = 0;
    for (RoundTrip t : trades) {
      if (t.pnl().signum() > 0) {
        wins++;
        grossProfit = grossProfit.add(t.pnl());
      } else if (t.pnl().signum() < 0) {
        grossLoss = grossLoss.subtract(t.pnl());
      }
    }
    return new Metrics(
        trades.size(),
        openPositions,
        finalEquity,
        totalReturn,
        cagr(startingCash, finalEquity, curve),
        finite(mean(returns) / sampleDeviation(returns) * annualiser),
        finite(mean(returns) / downsideDeviation(returns) * annualiser),
        maxDrawdown(curve),
        trades.isEmpty() ? null : wins / (double) trades.size(),
        grossLoss.signum() == 0 ? null : ratio(grossProfit, grossLoss),
        fees,
        curve.size(),
        periodsPerYear);
  }

  /**
   * Bars per year: 252 for daily bars that skip weekends (the median spacing is a day and at least
   * a tenth of the spacings span two days or more), otherwise 365.25 days / the median spacing.
   * Null for fewer than two bars.
   */
  private static Double periodsPerYear(List<EquityPoint> curve) {
    int n = curve.size() - 1;
    if (n < 1) {
      return null;
    }
    double[] seconds = new double[n];
    int longGaps = 0;
    for (int i = 0; i < n; i++) {
      Duration step = Duration.between(curve.get(i).time(), curve.get(i + 1).time());
      seconds[i] = step.getSeconds() + step.getNano() / 1e9;
      if (step.compareTo(Duration.ofHours(47)) >= 0) {
        longGaps++;
      }
    }
    Arrays.sort(seconds);
    double median = n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    boolean daily = Math.abs(median - 86_400) <= 4 * 3_600;
    if (daily && longGaps * 10 >= n) {
      return TRADING_DAYS_PER_YEAR;
    }
    return median > 0 ? SECONDS_PER_YEAR / median : null;
  }

  private static Double cagr(BigDecimal start, BigDecimal end, List<EquityPoint> curve) {
    if (curve.size() < 2) {
      return null;
    }
    Duration span = Duration.between(curve.getFirst().time(), curve.getLast().time());
    double years = (span.getSeconds() + span.getNano() / 1e9) / SECONDS_PER_YEAR;
    if (!(years > 0)) {
      return null;
    }
    double growth = ratio(end, start);
    return growth <= 0 ? -1.0 : finite(Math.pow(growth, 1 / years) - 1);
  }

  private static double[] returns(List<EquityPoint> curve) {
    double[] out = new double[Math.max(0, curve.size() - 1)];
    for (int i = 0; i < out.length; i++) {
      BigDecimal before = curve.get(i).equity();
      BigDecimal after = curve.get(i + 1).equity();
      out[i] = before.signum() == 0 ? Double.NaN : ratio(after.subtract(before), before);
    }
    return out;
  }

  private static double mean(double[] xs) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  /** Sample standard deviation (n - 1 in the denominator); NaN below two values or when flat. */
  private static double sampleDeviation(double[] xs) {
    if (xs.length < 2) {
      return Double.NaN;
    }
    double mean = mean(xs);
    double squares = 0;
    for (double x : xs) {
      squares += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(squares / (xs.length - 1));
    return sd > 0 ? sd : Double.NaN;
  }

  /** Root mean square of min(r, 0) over every period; NaN when no period lost. */
  private static double downsideDeviation(double[] xs) {
    if (xs.length < 2) {
      return Double.NaN;
    }
    double squares = 0;
    for (double x : xs) {
      double down = Math.min(x, 0);
      squares += down * down;
    }
    double dd = Math.sqrt(squares / xs.length);
    return dd > 0 ? dd : Double.NaN;
  }

  private static double maxDrawdown(List<EquityPoint> curve) {
    BigDecimal peak = null;
    double worst = 0;
    for (EquityPoint p : curve) {
      if (peak == null || p.equity().compareTo(peak) > 0) {
        peak = p.equity();
      } else if (peak.signum() > 0) {
        worst = Math.max(worst, ratio(peak.subtract(p.equity()), peak));
      }
    }
    return worst;
  }

  private static double ratio(BigDecimal numerator, BigDecimal denominator) {
    return numerator.divide(denominator, RATIO).doubleValue();
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
