package io.tradecore.bench;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The same sma-cross through ta4j: a BaseBarSeries of the same bars, an SMA fast/slow
 * CrossedUp/CrossedDown strategy, and BarSeriesManager with trade-on-next-open, no costs.
 */
final class Ta4jRun {
  private Ta4jRun() {}

  /** The bars as a ta4j series in {@code numbers}; bar i is bar i. */
  static BarSeries series(List<Bar> bars, NumFactory numbers) {
    List<org.ta4j.core.Bar> out = new ArrayList<>(bars.size());
    Duration period =
        bars.size() > 1
            ? Duration.between(bars.get(0).time(), bars.get(1).time())
            : Duration.ofDays(1);
    Num zero = numbers.zero();
    for (Bar bar : bars) {
      int scale = bar.instrument().priceScale();
      out.add(
          new BaseBar(
              period,
              bar.time(),
              bar.time().plus(period),
              numbers.numOf(Decimals.toDecimal(bar.open(), scale)),
              numbers.numOf(Decimals.toDecimal(bar.high(), scale)),
              numbers.numOf(Decimals.toDecimal(bar.low(), scale)),
              numbers.numOf(Decimals.toDecimal(bar.close(), scale)),
              numbers.numOf(bar.volume()),
              zero,
              0));
    }
    return new BaseBarSeriesBuilder()
        .withName("bench")
        .withNumFactory(numbers)
        .withBars(out)
        .build();
  }

  /**
   * A fresh strategy (fresh indicator caches). CrossIndicator looks back no further than the bar
   * where the slow average first exists, and the strategy is unstable before the bar after it:
   * TradeCore's sma-cross semantics exactly.
   */
  static Strategy smaCross(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fastSma = new SMAIndicator(close, fast);
    SMAIndicator slowSma = new SMAIndicator(close, slow);
    return new BaseStrategy(
        "sma-cross",
        new CrossedUpIndicatorRule(fastSma, slowSma),
        new CrossedDownIndicatorRule(fastSma, slowSma),
        slow);
  }

  static TradingRecord run(BarSeries series, int fast, int slow) {
    return new BarSeriesManager(series, new TradeOnNextOpenModel())
        .run(smaCross(series, fast, slow));
  }

  static List<RoundTrip> roundTrips(TradingRecord record) {
    List<RoundTrip> trips = new ArrayList<>();
    for (Position p : record.getPositions()) {
      trips.add(trip(p.getEntry(), p.getExit()));
    }
    if (record.getCurrentPosition().isOpened()) {
      trips.add(trip(record.getCurrentPosition().getEntry(), null));
    }
    return trips;
  }

  private static RoundTrip trip(Trade entry, Trade exit) {
    return new RoundTrip(
        entry.getIndex(),
        price(entry),
        exit == null ? -1 : exit.getIndex(),
        exit == null ? null : price(exit));
  }

  /**
   * A DecimalNum's exact decimal; a DoubleNum's double as the shortest decimal that reads back as
   * it (the price it was made from, when that was the nearest double to a price of the series).
   */
  private static BigDecimal price(Trade trade) {
    Num p = trade.getPricePerAsset();
    return p.getDelegate() instanceof BigDecimal d ? d : BigDecimal.valueOf(p.doubleValue());
  }
}
