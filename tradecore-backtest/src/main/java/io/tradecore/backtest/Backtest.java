package io.tradecore.backtest;

import io.tradecore.core.calendar.MarketDays;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineConfig;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.feed.SimulatedClock;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.strategies.StrategyCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one strategy over one or more bar series: a fresh portfolio, a simulated exchange and the
 * engine, driven moment by moment (every bar that shares a time) with a simulated clock set to each
 * moment's time. The same spec and bars always give the same result.
 */
public final class Backtest {
  /** How long a backtest waits for one late answer (a model's calls time out well before). */
  static final Duration ANSWER_WAIT = Duration.ofMinutes(30);

  private final BacktestSpec spec;
  private final Supplier<PortfolioStrategy> strategies;

  /**
   * @throws IllegalArgumentException naming the strategy or parameter when either is unknown or a
   *     parameter value is invalid
   */
  public Backtest(BacktestSpec spec) {
    this(spec, StrategyCatalog.portfolio(spec.strategy(), spec.params()));
  }

  /**
   * A backtest of a strategy from outside the catalog (the LLM strategy), named by {@code spec}.
   * Answers a strategy hands over to come later are waited for after each moment, so they land
   * where they were asked and the same answers always give the same fills.
   */
  public Backtest(BacktestSpec spec, Supplier<PortfolioStrategy> strategies) {
    this.spec = spec;
    this.strategies = strategies;
  }

  public BacktestSpec spec() {
    return spec;
  }

  /** Runs over {@code series}, reporting progress on a terminal when the series is long. */
  public BacktestResult run(BarSeries series) {
    return run(List.of(series));
  }

  /** Runs over several series at once, reporting progress on a terminal when they are long. */
  public BacktestResult run(List<BarSeries> series) {
    return run(series, Progress.onTerminal());
  }

  public BacktestResult run(BarSeries series, Progress progress) {
    return run(List.of(series), progress);
  }

  public BacktestResult run(List<BarSeries> series, Progress progress) {
    return run(series, progress, strategies.get());
  }

  /**
   * A fresh instance of the spec's strategy, for a caller that watches it while it runs (see {@link
   * #run(List, PortfolioStrategy)}).
   */
  public PortfolioStrategy newStrategy() {
    return strategies.get();
  }

  /**
   * Runs over several series with {@code strategy}, an instance of the spec's strategy from {@link
   * #newStrategy()}, reporting progress on a terminal when they are long.
   */
  public BacktestResult run(List<BarSeries> series, PortfolioStrategy strategy) {
    return run(series, Progress.onTerminal(), strategy);
  }

  /**
   * As {@link #run(List, PortfolioStrategy)}, handing each moment's equity point to {@code curve}
   * as it is made instead of keeping it: the result's {@link BacktestResult#equityCurve()} is then
   * empty, and memory does not grow with the bars beyond the bars themselves.
   */
  public BacktestResult run(
      List<BarSeries> series, PortfolioStrategy strategy, Consumer<EquityPoint> curve) {
    return run(series, Progress.onTerminal(), strategy, curve);
  }

  private static int bars(List<BarSeries> series) {
    int bars = 0;
    for (BarSeries s : series) {
      bars += s.size();
    }
    return bars;
  }

  private BacktestResult run(
      List<BarSeries> series, Progress progress, PortfolioStrategy strategy) {
    List<EquityPoint> curve = new ArrayList<>(bars(series));
    BacktestResult result = run(series, progress, strategy, curve::add);
    return new BacktestResult(
        result.spec(),
        result.instruments(),
        result.source(),
        result.fills(),
        result.trades(),
        result.openPositions(),
        curve,
        result.refusals(),
        result.metrics(),
        result.firstTime(),
        result.lastTime());
  }

  /**
   * As {@link #run(List, PortfolioStrategy, Consumer)}, reporting to {@code progress}: {@link
   * Progress#NONE} for a backtest that is one of many (a parameter search runs them side by side on
   * several threads; the series are only read, so they may be shared).
   */
  public BacktestResult run(
      List<BarSeries> series,
      Progress progress,
      PortfolioStrategy strategy,
      Consumer<EquityPoint> curve) {
    return run(PreparedBars.of(series), progress, strategy, curve);
  }

  /**
   * As {@link #run(List, Progress, PortfolioStrategy, Consumer)} over bars prepared once for many
   * backtests. {@code curve} may be null: then no equity point is made at all (the metrics are
   * gathered all the same).
   */
  public BacktestResult run(
      PreparedBars bars,
      Progress progress,
      PortfolioStrategy strategy,
      Consumer<EquityPoint> curve) {
    List<BarSeries> series = bars.series();
    List<Instrument> instruments = bars.instruments();
    List<Moment> moments = bars.moments();
    Instrument first = instruments.getFirst();
    Portfolio portfolio =
        new Portfolio(new PortfolioId("backtest"), first.currency(), spec.startingCash());
    SimulatedExchange exchange =
        new SimulatedExchange("sim", spec.costs(), spec.volumeShare(), spec.venueFeatures());
    SimulatedClock clock =
        new SimulatedClock(moments.isEmpty() ? Instant.EPOCH : moments.getFirst().time());
    BacktestRecorder recorder =
        new BacktestRecorder(
            instruments.size() == 1 ? first : null, spec.startingCash(), curve, moments.size());
    Engine engine =
        Engine.builder()
            .config(EngineConfig.defaults().withBotVersion(spec.botVersion()))
            .portfolio(portfolio)
            .venue(exchange)
            .risk(spec.riskLimits())
            .strategy(strategy)
            .clock(clock)
            .listener(recorder)
            .marketDays(new MarketDays(TradingCalendars.of(spec.calendar()), bars.daily()))
            .overnight(spec.overnight())
            .build();
    int total = moments.size();
    for (int from = 0; from < total; from += MOMENTS_PER_CALL) {
      trade(engine, clock, moments, from, Math.min(total, from + MOMENTS_PER_CALL), progress);
    }
    List<OpenPosition> open = recorder.openPositions(bars.lastCloses());
    BigDecimal fees = BigDecimal.ZERO;
    for (Fill fill : recorder.fills()) {
      fees = fees.add(fill.fee());
    }
    MetricsAccumulator curveMetrics = recorder.metrics();
    Metrics metrics = curveMetrics.metrics(recorder.trades(), open.size(), fees);
    return new BacktestResult(
        spec,
        instruments,
        bars.source(),
        recorder.fills(),
        recorder.trades(),
        open,
        List.of(),
        recorder.refusals(),
        metrics,
        curveMetrics.firstTime(),
        curveMetrics.lastTime());
  }

  /**
   * Moments per call of {@link #trade}: a long backtest calls it often enough to be compiled the
   * ordinary way, without on-stack replacement (which {@code optimize} turns off).
   */
  private static final int MOMENTS_PER_CALL = 4096;

  /** Trades the moments from {@code from} (inclusive) to {@code to} (exclusive). */
  private static void trade(
      Engine engine,
      SimulatedClock clock,
      List<Moment> moments,
      int from,
      int to,
      Progress progress) {
    int total = moments.size();
    for (int i = from; i < to; i++) {
      Moment moment = moments.get(i);
      clock.set(moment.time());
      engine.onMoment(moment);
      awaitAnswers(engine, moment);
      progress.update(i + 1, total);
    }
  }

  private static void awaitAnswers(Engine engine, Moment moment) {
    if (!engine.awaitingAnswers()) {
      return;
    }
    try {
      if (!engine.awaitAnswers(ANSWER_WAIT)) {
        throw new IllegalStateException(
            "the strategy's answer for "
                + moment.time()
                + " did not come within "
                + ANSWER_WAIT.toMinutes()
                + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the strategy's answer", e);
    }
  }

  /** Whether the bars are daily data: every one at 00:00 UTC, a date and no time. */
  static boolean daily(List<Moment> moments) {
    for (Moment m : moments) {
      if (!m.time().atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
        return false;
      }
    }
    return true;
  }

  static List<Instrument> instruments(List<BarSeries> series) {
    Set<String> symbols = new LinkedHashSet<>();
    List<Instrument> out = new ArrayList<>();
    for (BarSeries s : series) {
      if (!symbols.add(s.instrument().symbol())) {
        throw new IllegalArgumentException(
            "symbol " + s.instrument().symbol() + " is given twice (" + s.source() + ")");
      }
      if (!s.instrument().currency().equals(series.getFirst().instrument().currency())) {
        throw new IllegalArgumentException(
            s.source()
                + " is priced in "
                + s.instrument().currency()
                + ", the others in "
                + series.getFirst().instrument().currency());
      }
      out.add(s.instrument());
    }
    return out;
  }

  /**
   * The bars of all series grouped by time, in time order; one series is one bar per moment, made
   * as it is asked for (a view, so a long series is not held twice).
   */
  static List<Moment> moments(List<BarSeries> series) {
    if (series.size() == 1) {
      List<Bar> bars = series.getFirst().bars();
      return new AbstractList<>() {
        @Override
        public Moment get(int index) {
          return Moment.of(bars.get(index));
        }

        @Override
        public int size() {
          return bars.size();
        }
      };
    }
    List<Bar> all = new ArrayList<>();
    series.forEach(s -> all.addAll(s.bars()));
    all.sort(java.util.Comparator.comparing(Bar::time)); // stable: ties keep series order
    List<Moment> out = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= all.size(); i++) {
      if (i == all.size() || !all.get(i).time().equals(all.get(from).time())) {
        out.add(new Moment(all.get(from).time(), all.subList(from, i)));
        from = i;
      }
    }
    return out;
  }

  static Map<String, BigDecimal> lastCloses(List<BarSeries> series) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (BarSeries s : series) {
      if (!s.bars().isEmpty()) {
        out.put(s.instrument().symbol(), s.bars().getLast().closePrice().toBigDecimal());
      }
    }
    return out;
  }
}
