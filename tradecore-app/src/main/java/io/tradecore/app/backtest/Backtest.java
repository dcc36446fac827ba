package io.tradecore.app.backtest;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineConfig;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.strategies.StrategyCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Runs one strategy over one bar series: a fresh portfolio, a simulated exchange and the engine,
 * driven bar by bar with a simulated clock set to each bar's time. The same spec and bars always
 * give the same result.
 */
public final class Backtest {
  private final BacktestSpec spec;
  private final StrategyFactory strategies;

  /**
   * @throws IllegalArgumentException naming the strategy or parameter when either is unknown or a
   *     parameter value is invalid
   */
  public Backtest(BacktestSpec spec) {
    this.spec = spec;
    this.strategies = StrategyCatalog.factory(spec.strategy(), spec.params());
  }

  public BacktestSpec spec() {
    return spec;
  }

  /** Runs over {@code series}, reporting progress on a terminal when the series is long. */
  public BacktestResult run(BarSeries series) {
    return run(series, Progress.onTerminal(series.size()));
  }

  public BacktestResult run(BarSeries series, Progress progress) {
    Instrument instrument = series.instrument();
    List<Bar> bars = series.bars();
    Portfolio portfolio =
        new Portfolio(new PortfolioId("backtest"), instrument.currency(), spec.startingCash());
    SimulatedExchange exchange = new SimulatedExchange("sim", spec.costs(), spec.volumeShare());
    SimulatedClock clock = new SimulatedClock(bars.isEmpty() ? Instant.EPOCH : bars.get(0).time());
    BacktestRecorder recorder = new BacktestRecorder(instrument, bars.size());
    Engine engine =
        Engine.builder()
            .config(EngineConfig.defaults().withBotVersion(spec.botVersion()))
            .portfolio(portfolio)
            .venue(exchange)
            .risk(spec.riskLimits())
            .strategy(strategies)
            .clock(clock)
            .listener(recorder)
            .build();
    int total = bars.size();
    for (int i = 0; i < total; i++) {
      Bar bar = bars.get(i);
      clock.set(bar.time());
      engine.onBar(bar);
      progress.update(i + 1, total);
    }
    List<OpenPosition> open =
        bars.isEmpty()
            ? List.of()
            : recorder.openPositions(bars.get(total - 1).closePrice().toBigDecimal());
    BigDecimal fees = BigDecimal.ZERO;
    for (Fill fill : recorder.fills()) {
      fees = fees.add(fill.fee());
    }
    Metrics metrics =
        Metrics.of(spec.startingCash(), recorder.curve(), recorder.trades(), open.size(), fees);
    return new BacktestResult(
        spec,
        instrument,
        series.source(),
        recorder.fills(),
        recorder.trades(),
        open,
        recorder.curve(),
        recorder.refusals(),
        metrics);
  }
}
