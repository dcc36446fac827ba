package io.tradecore.strategies;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/** TradeCore bars as a ta4j series: the same prices, exactly when the factory is DecimalNum. */
final class Ta4jSeries {
  private Ta4jSeries() {}

  /** Bar i of the result is bar i of {@code bars}; each lasts a day from its open time. */
  static org.ta4j.core.BarSeries of(String name, List<Bar> bars, NumFactory numbers) {
    List<org.ta4j.core.Bar> out = new ArrayList<>(bars.size());
    Duration day = Duration.ofDays(1);
    for (Bar bar : bars) {
      int scale = bar.instrument().priceScale();
      out.add(
          new BaseBar(
              day,
              bar.time(),
              bar.time().plus(day),
              num(numbers, bar.open(), scale),
              num(numbers, bar.high(), scale),
              num(numbers, bar.low(), scale),
              num(numbers, bar.close(), scale),
              numbers.numOf(BigDecimal.valueOf(bar.volume())),
              numbers.zero(),
              0));
    }
    return new BaseBarSeriesBuilder().withName(name).withNumFactory(numbers).withBars(out).build();
  }

  static Num num(NumFactory numbers, long units, int scale) {
    return numbers.numOf(Decimals.toDecimal(units, scale));
  }
}
