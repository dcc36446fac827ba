package io.tradecore.optimize;

import io.tradecore.backtest.Metrics;
import java.util.Locale;

/** What a search ranks trials by; each reads a backtest's {@link Metrics}. */
public enum Objective {
  /** Annualised Sharpe ratio of the per-bar returns; higher is better. */
  SHARPE,
  /** Annualised Sortino ratio; higher is better. */
  SORTINO,
  /** CAGR / max drawdown; higher is better; undefined without a drawdown. */
  CALMAR,
  /** Final equity / starting cash - 1; higher is better. */
  TOTAL_RETURN,
  /** Gross profit / gross loss of the closed trades; higher is better. */
  PROFIT_FACTOR,
  /** The largest fall from a running peak; lower is better. */
  MAX_DRAWDOWN;

  /** The name {@code --objective} takes, e.g. {@code total_return}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The objective named {@code text}.
   *
   * @throws IllegalArgumentException naming the objectives there are
   */
  public static Objective parse(String text) {
    for (Objective o : values()) {
      if (o.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "--objective must be sharpe, sortino, calmar, total_return, profit_factor or"
            + " max_drawdown but was '"
            + text
            + "'");
  }

  /** Whether a lower value is better (only max_drawdown). */
  public boolean lowerIsBetter() {
    return this == MAX_DRAWDOWN;
  }

  /** The metric's value, or null when the data cannot define it. */
  public Double value(Metrics m) {
    return switch (this) {
      case SHARPE -> m.sharpe();
      case SORTINO -> m.sortino();
      case CALMAR -> m.cagr() == null || !(m.maxDrawdown() > 0) ? null : m.cagr() / m.maxDrawdown();
      case TOTAL_RETURN -> m.totalReturn();
      case PROFIT_FACTOR -> m.profitFactor();
      case MAX_DRAWDOWN -> m.maxDrawdown();
    };
  }

  /** The value turned so that higher is always better (max_drawdown negated), or null. */
  public Double score(Metrics m) {
    Double v = value(m);
    return v == null ? null : lowerIsBetter() ? -v : v;
  }
}
