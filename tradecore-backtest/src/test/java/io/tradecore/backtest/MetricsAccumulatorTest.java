package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Side;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.SyntheticBars;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass metrics equal, to the last bit, those of the former all-at-once computation ({@link
 * MetricsReference}) on many curves: real backtests, random walks with weekends, hours and odd
 * spacings, flat stretches, a zero and a negative equity, one point and none.
 */
class MetricsAccumulatorTest {
  private static final BigDecimal CASH = new BigDecimal("10000");

  @Test
  void backtests_give_exactly_the_former_metrics() {
    BarSeries daily =
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2001, 1, 1), 2_500, 7, 30.0);
    BarSeries fiveMinutes =
        SyntheticBars.generateSeries(
            Instrument.of("FIVE", "USD", 4),
            Instant.parse("2020-03-02T14:30:00Z"),
            Duration.ofMinutes(5),
            20_000,
            3,
            12.5);
    int runs = 0;
    int trades = 0;
    for (BarSeries series : List.of(daily, fiveMinutes)) {
      for (BacktestSpec spec : BacktestTest.specs()) {
        BacktestResult r = new Backtest(spec).run(series, Progress.NONE);
        Metrics former =
            MetricsReference.of(
                spec.startingCash(),
                r.equityCurve(),
                r.trades(),
                r.openPositions().size(),
                r.metrics().fees());
        assertThat(r.metrics()).isEqualTo(former);
        trades += r.metrics().trades();
        runs++;
      }
    }
    assertThat(runs).isEqualTo(10);
    assertThat(trades).isGreaterThan(100);
  }

  @Test
  void random_curves_give_exactly_the_former_metrics() {
    Random random = new Random(20261207);
    for (int n = 0; n < 300; n++) {
      List<EquityPoint> curve = randomCurve(random, random.nextInt(400));
      List<RoundTrip> trades = new ArrayList<>();
      for (int t = random.nextInt(20); t > 0; t--) {
        trades.add(trade(BigDecimal.valueOf(random.nextInt(2001) - 1000, 2)));
      }
      BigDecimal fees = BigDecimal.valueOf(random.nextInt(1000), 2);
      Metrics former = MetricsReference.of(CASH, curve, trades, 1, fees);
      assertThat(Metrics.of(CASH, curve, trades, 1, fees)).as("curve %d", n).isEqualTo(former);
    }
  }

  @Test
  void metrics_asked_part_way_and_again_at_the_end_are_those_of_the_points_so_far() {
    Random random = new Random(20261208);
    for (int n = 0; n < 100; n++) {
      List<EquityPoint> curve = randomCurve(random, 2 + random.nextInt(400));
      MetricsAccumulator metrics = new MetricsAccumulator(CASH);
      for (int i = 0; i < curve.size(); i++) {
        metrics.add(curve.get(i).time(), curve.get(i).equity());
        if (random.nextInt(10) == 0 || i == curve.size() - 1) {
          Metrics former =
              MetricsReference.of(CASH, curve.subList(0, i + 1), List.of(), 0, BigDecimal.ZERO);
          assertThat(metrics.metrics(List.of(), 0, BigDecimal.ZERO))
              .as("curve %d after %d points", n, i + 1)
              .isEqualTo(former);
        }
      }
    }
  }

  @Test
  void curves_with_zero_negative_flat_and_no_points_give_exactly_the_former_metrics() {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    Duration day = Duration.ofDays(1);
    for (List<EquityPoint> curve :
        List.of(
            MetricsTest.curve(t, day),
            MetricsTest.curve(t, day, "10000"),
            MetricsTest.curve(t, day, "10000", "10000", "10000"),
            MetricsTest.curve(t, day, "0", "5", "0", "0", "3"),
            MetricsTest.curve(t, day, "100", "-50", "-80", "20", "-10", "200"),
            MetricsTest.curve(t, Duration.ofMillis(1), "100", "99.5", "101.25", "100"),
            MetricsTest.curve(t, Duration.ZERO, "100", "110"),
            // Equities past a long's reach, and back, at changing scales.
            MetricsTest.curve(
                t,
                day,
                "10000",
                "10000.000000000001",
                "98765432109876543210.5",
                "98765432109876543209.25",
                "10000.5",
                "9999.123456789012",
                "9999.123456789012000",
                "12345678901234567.891",
                "1.000000000000000001"))) {
      Metrics former = MetricsReference.of(CASH, curve, List.of(), 0, BigDecimal.ZERO);
      assertThat(Metrics.of(CASH, curve, List.of(), 0, BigDecimal.ZERO))
          .as("%s", curve)
          .isEqualTo(former);
    }
  }

  /** Equities moving by random steps (often not at all), at daily, hourly or odd spacings. */
  private static List<EquityPoint> randomCurve(Random random, int size) {
    Instant time = Instant.parse("1999-12-31T00:00:00Z").plusNanos(random.nextInt(1_000_000));
    Duration[] steps = {
      Duration.ofDays(1), Duration.ofDays(3), Duration.ofHours(1), Duration.ofMinutes(1)
    };
    int style = random.nextInt(3);
    long cents = 1_000_000L;
    List<EquityPoint> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      out.add(MetricsTest.point(time, BigDecimal.valueOf(cents, 2).toPlainString()));
      if (random.nextInt(3) > 0) {
        cents = Math.max(1, cents + (long) (random.nextGaussian() * 20_000));
      }
      time =
          switch (style) {
            case 0 -> time.plus(random.nextInt(5) == 0 ? steps[1] : steps[0]);
            case 1 -> time.plus(steps[2]);
            default -> time.plus(steps[random.nextInt(4)]).plusNanos(random.nextInt(1_000));
          };
    }
    return out;
  }

  private static RoundTrip trade(BigDecimal pnl) {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    return new RoundTrip(
        "p",
        "X",
        Side.BUY,
        t,
        BigDecimal.ONE,
        t,
        BigDecimal.ONE,
        BigDecimal.ONE,
        pnl,
        BigDecimal.ZERO,
        ExitReason.STRATEGY);
  }

  @Test
  void a_streamed_run_keeps_no_curve_but_gives_the_same_result_otherwise() {
    BacktestSpec spec = BacktestTest.specs().getFirst();
    Backtest backtest = new Backtest(spec);
    List<EquityPoint> handed = new ArrayList<>();
    BacktestResult streamed =
        backtest.run(List.of(BacktestTest.BARS), backtest.newStrategy(), handed::add);
    BacktestResult kept = backtest.run(BacktestTest.BARS, Progress.NONE);

    assertThat(streamed.equityCurve()).isEmpty();
    assertThat(handed).isEqualTo(kept.equityCurve());
    assertThat(streamed.metrics()).isEqualTo(kept.metrics());
    assertThat(streamed.fills()).isEqualTo(kept.fills());
    assertThat(streamed.trades()).isEqualTo(kept.trades());
    assertThat(streamed.firstTime()).isEqualTo(kept.equityCurve().getFirst().time());
    assertThat(streamed.lastTime()).isEqualTo(kept.equityCurve().getLast().time());
    assertThat(Map.of("bars", streamed.metrics().bars()))
        .isEqualTo(Map.of("bars", BacktestTest.BARS.size()));
  }
}
