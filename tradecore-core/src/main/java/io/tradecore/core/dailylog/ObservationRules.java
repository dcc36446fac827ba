package io.tradecore.core.dailylog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules that turn a day's facts into observations. An observation tells a trader something
 * yesterday's did not: a state that lasts (a drawdown, days without trades) is observed on the day
 * it begins, not on every day it lasts. Each rule fires at its threshold and not just below it, and
 * says which numbers made it fire, money with two decimals and ratios as percentages:
 *
 * <ul>
 *   <li>HIGH_ACTIVITY: trades >= 2x the average of the recent days and at least 3 more;
 *   <li>LOW_ACTIVITY: the recent average is >= 2 trades and today has at most half of it;
 *   <li>ERROR_BURST: {@code errorBurst} or more errors logged;
 *   <li>NO_TRADES: the market was open and nothing traded, after a day that traded (or on the first
 *       day logged);
 *   <li>DRAWDOWN: the close is {@code drawdown} or more below the peak close, and the previous
 *       close was not (the drawdown crossed the threshold);
 *   <li>RISK_CAP_HIT: at least one order refused by a risk cap;
 *   <li>HELD_OVER_CLOSURE: positions open while the market stays shut for a weekend or holiday;
 *   <li>COSTS_HIGH: fees and other costs are {@code costShare} or more of the day's absolute PnL.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public record ObservationRules(int errorBurst, BigDecimal drawdown, BigDecimal costShare) {
  public static final ObservationRules DEFAULTS =
      new ObservationRules(5, new BigDecimal("0.10"), new BigDecimal("0.5"));

  public List<Observation> evaluate(DayFacts f) {
    List<Observation> out = new ArrayList<>();
    activity(f, out);
    if (f.errors() >= errorBurst) {
      out.add(
          obs(
              "ERROR_BURST",
              f.errors() + " errors logged (burst threshold " + errorBurst + ")",
              "errors",
              f.errors(),
              "threshold",
              errorBurst));
    }
    List<Long> recent = f.recentTrades();
    boolean tradedBefore = recent == null || recent.isEmpty() || recent.getLast() > 0;
    if (f.marketOpen() && f.trades() == 0 && tradedBefore) {
      out.add(
          obs("NO_TRADES", "no trades on an open market day", "trades", 0, "signals", f.signals()));
    }
    BigDecimal dd = f.drawdown();
    if (dd.compareTo(drawdown) >= 0 && f.previousDrawdown().compareTo(drawdown) < 0) {
      out.add(
          obs(
              "DRAWDOWN",
              "close "
                  + money(f.accountValue())
                  + " is "
                  + pct(dd)
                  + " below the peak of "
                  + money(f.peakValue())
                  + " (threshold "
                  + pct(drawdown)
                  + ")",
              "peak",
              exact(f.peakValue()),
              "close",
              exact(f.accountValue()),
              "drawdown",
              pct(dd)));
    }
    if (f.riskRefusals() > 0) {
      out.add(
          obs(
              "RISK_CAP_HIT",
              f.riskRefusals() + " order(s) refused by a risk cap",
              "refusals",
              f.riskRefusals()));
    }
    if (f.openPositions() > 0 && f.daysUntilNextSession() > 1) {
      out.add(
          obs(
              "HELD_OVER_CLOSURE",
              f.openPositions()
                  + " position(s) held while the market is shut for "
                  + (f.daysUntilNextSession() - 1)
                  + " day(s)",
              "open_positions",
              f.openPositions(),
              "closed_days",
              f.daysUntilNextSession() - 1));
    }
    BigDecimal costs = f.fees().add(f.otherCosts());
    BigDecimal pnl = f.dailyPnl().abs();
    if (costs.signum() > 0 && costs.compareTo(pnl.multiply(costShare)) >= 0) {
      out.add(
          obs(
              "COSTS_HIGH",
              "costs "
                  + money(costs)
                  + " are "
                  + (pnl.signum() == 0 ? "all" : pct(costs.divide(pnl, 10, RoundingMode.HALF_EVEN)))
                  + " of the day's PnL "
                  + money(f.dailyPnl())
                  + " (threshold "
                  + pct(costShare)
                  + ")",
              "fees",
              exact(f.fees()),
              "other_costs",
              exact(f.otherCosts()),
              "daily_pnl",
              exact(f.dailyPnl())));
    }
    return out;
  }

  private static void activity(DayFacts f, List<Observation> out) {
    List<Long> recent = f.recentTrades();
    if (recent == null || recent.isEmpty()) {
      return;
    }
    long sum = 0;
    for (long t : recent) {
      sum += t;
    }
    BigDecimal avg =
        BigDecimal.valueOf(sum)
            .divide(BigDecimal.valueOf(recent.size()), 4, RoundingMode.HALF_EVEN);
    BigDecimal today = BigDecimal.valueOf(f.trades());
    if (today.compareTo(avg.multiply(BigDecimal.valueOf(2))) >= 0
        && today.subtract(avg).compareTo(BigDecimal.valueOf(3)) >= 0) {
      out.add(
          obs(
              "HIGH_ACTIVITY",
              f.trades()
                  + " trades, "
                  + (avg.signum() == 0
                      ? "against none on the " + recent.size() + " recent day(s)"
                      : ratio(today, avg) + " times the recent average of " + count(avg)),
              "trades",
              f.trades(),
              "recent_average",
              count(avg),
              "days",
              recent.size()));
    } else if (avg.compareTo(BigDecimal.valueOf(2)) >= 0
        && today.multiply(BigDecimal.valueOf(2)).compareTo(avg) <= 0) {
      out.add(
          obs(
              "LOW_ACTIVITY",
              f.trades() + " trades against a recent average of " + count(avg),
              "trades",
              f.trades(),
              "recent_average",
              count(avg),
              "days",
              recent.size()));
    }
  }

  private static Observation obs(String code, String message, Object... kv) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      facts.put((String) kv[i], String.valueOf(kv[i + 1]));
    }
    return new Observation(code, message, facts);
  }

  private static String pct(BigDecimal ratio) {
    return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** {@code a / b} with at most two decimals; b is not zero. */
  private static String ratio(BigDecimal a, BigDecimal b) {
    return count(a.divide(b, 2, RoundingMode.HALF_EVEN));
  }

  /** An average count with at most two decimals: 1.33, 4. */
  private static String count(BigDecimal v) {
    BigDecimal rounded = v.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  /** Money for a person: two decimals, thousands grouped, as 360,999.04. */
  private static String money(BigDecimal v) {
    return String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** Money as a fact: two decimals, no grouping, as 360999.04. */
  private static String exact(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
