package io.tradecore.app.output;

import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;

/** The summary of a backtest as a JSON object: what ran, on what, and its metrics. */
public final class SummaryJson {
  private SummaryJson() {}

  /** The keys of summary.json and of {@code backtest --json}, in a stable order. */
  public static Map<String, Object> of(BacktestResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("symbol", result.symbols());
    out.put("currency", result.instrument().currency());
    out.put("strategy", result.spec().strategy());
    out.put("params", result.spec().effectiveParams());
    out.put("data", result.source());
    out.putAll(metrics(result.metrics()));
    out.put("refusals", result.refusals().size());
    return out;
  }

  /** The metrics alone; money as exact numbers, ratios as numbers, undefined ones as null. */
  public static Map<String, Object> metrics(Metrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trades", m.trades());
    out.put("open_positions", m.openPositions());
    out.put("final_equity", m.finalEquity());
    out.put("total_return", m.totalReturn());
    out.put("cagr", m.cagr());
    out.put("sharpe", m.sharpe());
    out.put("sortino", m.sortino());
    out.put("max_drawdown", m.maxDrawdown());
    out.put("win_rate", m.winRate());
    out.put("profit_factor", m.profitFactor());
    out.put("fees", m.fees());
    out.put("bars", m.bars());
    out.put("periods_per_year", m.periodsPerYear());
    return out;
  }
}
