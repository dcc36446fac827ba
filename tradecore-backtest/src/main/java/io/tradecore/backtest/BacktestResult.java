package io.tradecore.backtest;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.engine.PortfolioStrategy;
import java.time.Instant;
import java.util.List;

/**
 * What a backtest produced: every fill, one round trip per closed plan, the positions still open at
 * the end (marked to the last close), one equity point per moment, the orders risk refused, and the
 * metrics. Immutable.
 *
 * @param source where the bars came from (a file name or a description)
 * @param equityCurve one point per moment; empty when the run handed its points to a sink instead
 *     (see {@link Backtest#run(List, PortfolioStrategy, java.util.function.Consumer)}), {@link
 *     Metrics#bars()} still counts them
 * @param firstTime the time of the first moment, null when there was none
 * @param lastTime the time of the last moment, null when there was none
 */
public record BacktestResult(
    BacktestSpec spec,
    List<Instrument> instruments,
    String source,
    List<Fill> fills,
    List<RoundTrip> trades,
    List<OpenPosition> openPositions,
    List<EquityPoint> equityCurve,
    List<Refusal> refusals,
    Metrics metrics,
    Instant firstTime,
    Instant lastTime) {

  public BacktestResult {
    instruments = List.copyOf(instruments);
    fills = List.copyOf(fills);
    trades = List.copyOf(trades);
    openPositions = List.copyOf(openPositions);
    equityCurve = List.copyOf(equityCurve);
    refusals = List.copyOf(refusals);
  }

  /** The instrument of a backtest of one series; the first one when there were several. */
  public Instrument instrument() {
    return instruments.getFirst();
  }

  /** The symbols traded, joined by commas. */
  public String symbols() {
    List<String> out = new java.util.ArrayList<>();
    instruments.forEach(i -> out.add(i.symbol()));
    return String.join(",", out);
  }
}
