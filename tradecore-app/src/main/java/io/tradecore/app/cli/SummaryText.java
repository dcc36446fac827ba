package io.tradecore.app.cli;

import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.Metrics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A backtest's summary as aligned, human-readable lines: money with cents, ratios as percent. */
public final class SummaryText {
  private static final String NA = "n/a";

  private SummaryText() {}

  public static String of(BacktestResult r) {
    Metrics m = r.metrics();
    String ccy = r.instrument().currency();
    StringBuilder out = new StringBuilder();
    out.append(r.spec().strategy()).append(" on ").append(r.symbols());
    if (r.firstTime() != null) {
      out.append(
          String.format(
              Locale.US,
              ": %,d bars from %s to %s",
              m.bars(),
              time(r.firstTime(), r),
              time(r.lastTime(), r)));
    }
    out.append(" (").append(r.source()).append(")\n");
    line(out, "params", params(r.spec().effectiveParams()));
    metrics(out, m, r.spec().startingCash(), ccy);
    String refused = String.format(Locale.US, "%,d", r.refusals().size());
    if (!r.refusals().isEmpty()) {
      refused += " (first: " + r.refusals().getFirst().message() + ")";
    }
    line(out, "refused orders", refused);
    return out.toString();
  }

  /** The metric lines of a summary, from the starting cash to the fees. */
  static void metrics(StringBuilder out, Metrics m, BigDecimal startingCash, String ccy) {
    line(out, "starting cash", money(startingCash, ccy));
    line(out, "final equity", money(m.finalEquity(), ccy));
    line(out, "total return", percent(m.totalReturn()));
    line(out, "CAGR", percent(m.cagr()));
    line(out, "Sharpe", number(m.sharpe()));
    line(out, "Sortino", number(m.sortino()));
    line(out, "max drawdown", percent(m.maxDrawdown()));
    line(
        out,
        "trades",
        String.format(Locale.US, "%,d closed, %,d open", m.trades(), m.openPositions()));
    line(out, "win rate", percent(m.winRate()));
    line(out, "profit factor", number(m.profitFactor()));
    line(out, "fees", money(m.fees(), ccy));
  }

  /** 1234567.891 USD as "1,234,567.89 USD". */
  public static String money(BigDecimal amount, String currency) {
    return String.format(Locale.US, "%,.2f %s", amount, currency);
  }

  /** 0.1234 as "12.34%"; null as "n/a". */
  public static String percent(Double ratio) {
    return ratio == null ? NA : String.format(Locale.US, "%,.2f%%", ratio * 100);
  }

  static String number(Double value) {
    return value == null ? NA : String.format(Locale.US, "%,.2f", value);
  }

  static String params(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** A date when both ends of the series fall on midnight UTC (daily bars), else an instant. */
  private static String time(Instant t, BacktestResult r) {
    boolean daily = midnight(r.firstTime()) && midnight(r.lastTime());
    return daily ? t.toString().substring(0, 10) : t.toString();
  }

  private static boolean midnight(Instant t) {
    return t.getEpochSecond() % 86_400 == 0 && t.getNano() == 0;
  }

  static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.US, "  %-16s%s%n", label, value));
  }
}
