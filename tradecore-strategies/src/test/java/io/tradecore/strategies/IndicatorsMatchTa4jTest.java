package io.tradecore.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.indicator.Atr;
import io.tradecore.core.indicator.Donchian;
import io.tradecore.core.indicator.Sma;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.strategy.api.ta4j.Ta4jBars;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/** TradeCore's Sma, Donchian and Atr against ta4j's indicators on the real files, bar by bar. */
class IndicatorsMatchTa4jTest {
  private static final MathContext MATH = new MathContext(32, RoundingMode.HALF_UP);
  private static final NumFactory DECIMALS = DecimalNumFactory.getInstance(MATH);

  /**
   * ta4j 0.22's ATRIndicator is NaN before bar {@code period} and starts there from that bar's true
   * range alone, while TradeCore's Atr starts, as Wilder did, from the mean true range of the first
   * {@code period} bars: the two seeds differ and the gap shrinks by (period - 1) / period a bar.
   * 400 bars bring it below 1e-9 on all three files.
   */
  private static final int ATR_WARM_UP = 400;

  private static final String FILES =
      "nvda-1999-2014.txt, NVDA\norcl-1995-2014.txt, ORCL\nyhoo-1996-2014.txt, YHOO";

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = FILES)
  void sma_equals_ta4j_sma_exactly(String file, String symbol) {
    BarSeries series = SharedData.load(file, symbol);
    List<Bar> bars = series.bars();
    org.ta4j.core.BarSeries ta4j = Ta4jBars.of(file, bars, DECIMALS, Duration.ofDays(1));
    int scale = series.instrument().priceScale();
    SoftAssertions soft = new SoftAssertions();
    for (int period : new int[] {10, 30}) {
      Sma ours = new Sma(period);
      SMAIndicator theirs = new SMAIndicator(new ClosePriceIndicator(ta4j), period);
      for (int i = 0; i < bars.size(); i++) {
        ours.update(bars.get(i));
        soft.assertThat(ours.isReady())
            .as("SMA %d ready at bar %d", period, i)
            .isEqualTo(i >= period - 1);
        if (ours.isReady()) {
          // sum / period, rounded once in ta4j's MathContext: both round the same exact quotient.
          BigDecimal expected =
              Decimals.toDecimal(ours.sum(), scale).divide(BigDecimal.valueOf(period), MATH);
          soft.assertThat(theirs.getValue(i).bigDecimalValue())
              .as("%s SMA %d at bar %d (%s)", symbol, period, i, bars.get(i).time())
              .isEqualByComparingTo(expected);
        }
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = FILES)
  void sma_compare_agrees_with_ta4j_ordering(String file, String symbol) {
    BarSeries series = SharedData.load(file, symbol);
    List<Bar> bars = series.bars();
    org.ta4j.core.BarSeries ta4j = Ta4jBars.of(file, bars, DECIMALS, Duration.ofDays(1));
    Sma fast = new Sma(10);
    Sma slow = new Sma(30);
    ClosePriceIndicator close = new ClosePriceIndicator(ta4j);
    SMAIndicator fastTa4j = new SMAIndicator(close, 10);
    SMAIndicator slowTa4j = new SMAIndicator(close, 30);
    int equal = 0;
    for (int i = 0; i < bars.size(); i++) {
      fast.update(bars.get(i));
      slow.update(bars.get(i));
      if (slow.isReady()) {
        int sign = Sma.compare(fast, slow);
        assertThat(sign)
            .as("%s sign of fast - slow at bar %d", symbol, i)
            .isEqualTo(fastTa4j.getValue(i).compareTo(slowTa4j.getValue(i)));
        equal += sign == 0 ? 1 : 0;
      }
    }
    System.out.printf(
        "%s: fast == slow on %d bars, ordered as in ta4j on every bar%n", file, equal);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = FILES)
  void donchian_equals_ta4j_highest_and_lowest_of_the_previous_bars(String file, String symbol) {
    BarSeries series = SharedData.load(file, symbol);
    List<Bar> bars = series.bars();
    org.ta4j.core.BarSeries ta4j = Ta4jBars.of(file, bars, DECIMALS, Duration.ofDays(1));
    int scale = series.instrument().priceScale();
    SoftAssertions soft = new SoftAssertions();
    for (int period : new int[] {2, 20, 55}) {
      Donchian ours = new Donchian(period);
      HighestValueIndicator highest =
          new HighestValueIndicator(new HighPriceIndicator(ta4j), period);
      LowestValueIndicator lowest = new LowestValueIndicator(new LowPriceIndicator(ta4j), period);
      for (int i = 0; i < bars.size(); i++) {
        ours.update(bars.get(i));
        soft.assertThat(ours.isReady())
            .as("Donchian %d ready at bar %d", period, i)
            .isEqualTo(i >= period);
        if (ours.isReady()) {
          // The channel at bar i is that of bars i - period .. i - 1: ta4j's window ending at i -
          // 1.
          soft.assertThat(Decimals.toDecimal(ours.upper(), scale))
              .as("%s Donchian %d upper at bar %d", symbol, period, i)
              .isEqualByComparingTo(highest.getValue(i - 1).bigDecimalValue());
          soft.assertThat(Decimals.toDecimal(ours.lower(), scale))
              .as("%s Donchian %d lower at bar %d", symbol, period, i)
              .isEqualByComparingTo(lowest.getValue(i - 1).bigDecimalValue());
        }
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = FILES)
  void atr_matches_ta4j_atr_within_1e9_after_warm_up(String file, String symbol) {
    BarSeries series = SharedData.load(file, symbol);
    List<Bar> bars = series.bars();
    org.ta4j.core.BarSeries ta4j = Ta4jBars.of(file, bars, DECIMALS, Duration.ofDays(1));
    double unit = Decimals.pow10(series.instrument().priceScale());
    int period = 14;
    Atr ours = new Atr(period);
    ATRIndicator theirs = new ATRIndicator(ta4j, period);
    double worst = 0;
    for (int i = 0; i < bars.size(); i++) {
      ours.update(bars.get(i));
      assertThat(ours.isReady()).as("ATR ready at bar %d", i).isEqualTo(i >= period - 1);
      Num expected = theirs.getValue(i);
      assertThat(expected.isNaN()).as("ta4j ATR is NaN at bar %d", i).isEqualTo(i < period);
      if (i >= period + ATR_WARM_UP) {
        double want = expected.doubleValue();
        double relative = Math.abs(ours.value() / unit - want) / want;
        assertThat(relative)
            .as(
                "%s ATR %d at bar %d: ours %s, ta4j %s",
                symbol, period, i, ours.value() / unit, want)
            .isLessThanOrEqualTo(1e-9);
        worst = Math.max(worst, relative);
      }
    }
    System.out.printf(
        "%s: ATR(14) within %.1e of ta4j from bar %d on%n", file, worst, period + ATR_WARM_UP);
  }
}
