package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradecore.policy.Bars.Ohlcv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationBuilderTest {
  private static final List<Ohlcv> BARS = Bars.series(60);
  private static final List<Feature> NINE =
      List.of(
          new Feature.LogReturn(1, 0),
          new Feature.LogReturn(2, 1),
          new Feature.SmaRatio(5, 0),
          new Feature.AtrRatio(3, 0),
          new Feature.VolumeZScore(4, 0),
          new Feature.PositionFraction(),
          new Feature.CashFraction(),
          new Feature.UnrealizedPnlRatio(),
          new Feature.BarsHeld(10));

  @Test
  void every_feature_matches_the_documented_formula_flat_long_and_short() {
    ObservationBuilder builder = new ObservationBuilder(NINE);
    List<PortfolioSnapshot> portfolios =
        List.of(
            PortfolioSnapshot.ofCash(10_000),
            new PortfolioSnapshot(10_250, 4_000, Map.of("ETH", new Holding(55, 108.5, 7))),
            new PortfolioSnapshot(9_800, 15_000, Map.of("ETH", new Holding(-42.5, 115.25, 3))));
    double[] out = new double[9];
    for (int t = builder.barsNeeded() - 1; t < BARS.size(); t++) {
      BarWindow window = Bars.window(BARS, t, 8);
      for (PortfolioSnapshot p : portfolios) {
        builder.build("ETH", window, p, out);
        assertThat(out)
            .as("bar %d, %s", t, p)
            .containsExactly(HandMaths.nineFeatures(BARS, t, p, "ETH"), within(1e-12));
      }
    }
  }

  @Test
  void a_lagged_feature_is_the_same_feature_that_many_bars_earlier() {
    ObservationBuilder lagged =
        new ObservationBuilder(
            List.of(
                new Feature.LogReturn(3, 2),
                new Feature.SmaRatio(4, 2),
                new Feature.AtrRatio(5, 2),
                new Feature.VolumeZScore(6, 2)));
    ObservationBuilder now =
        new ObservationBuilder(
            List.of(
                new Feature.LogReturn(3, 0),
                new Feature.SmaRatio(4, 0),
                new Feature.AtrRatio(5, 0),
                new Feature.VolumeZScore(6, 0)));
    double[] a = new double[4];
    double[] b = new double[4];
    PortfolioSnapshot p = PortfolioSnapshot.ofCash(1000);

    lagged.build("X", Bars.window(BARS, 40, 30), p, a);
    now.build("X", Bars.window(BARS, 38, 30), p, b);

    assertThat(lagged.barsNeeded()).isEqualTo(8);
    assertThat(a).containsExactly(b);
  }

  @Test
  void constant_volume_has_a_z_score_of_zero() {
    BarWindow w = new BarWindow(5);
    for (int i = 0; i < 5; i++) {
      w.add(10, 11, 9, 10.5, 500);
    }
    double[] out = new double[1];

    new ObservationBuilder(List.of(new Feature.VolumeZScore(5, 0)))
        .build("X", w, PortfolioSnapshot.ofCash(1), out);

    assertThat(out[0]).isZero();
  }

  @Test
  void a_window_shorter_than_the_features_need_is_refused() {
    ObservationBuilder builder = new ObservationBuilder(NINE);

    assertThatThrownBy(
            () ->
                builder.build(
                    "ETH", Bars.window(BARS, 3, 8), PortfolioSnapshot.ofCash(1), new double[9]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the observation needs 5 bars of ETH but has 4");
  }

  @Test
  void a_portfolio_without_positive_equity_is_refused() {
    ObservationBuilder builder = new ObservationBuilder(NINE);
    PortfolioSnapshot blown = new PortfolioSnapshot(0, 0, Map.of());

    assertThatThrownBy(() -> builder.build("ETH", Bars.window(BARS, 10, 8), blown, new double[9]))
        .hasMessage("the observation needs a positive equity but it was 0.0");
  }

  @Test
  void a_position_without_an_average_cost_is_refused_by_name() {
    PortfolioInput noCost =
        new PortfolioInput() {
          @Override
          public double equity() {
            return 1000;
          }

          @Override
          public double cash() {
            return 0;
          }

          @Override
          public double quantity(String instrument) {
            return 3;
          }

          @Override
          public double averageCost(String instrument) {
            return 0;
          }

          @Override
          public int barsHeld(String instrument) {
            return 1;
          }
        };
    ObservationBuilder builder = new ObservationBuilder(List.of(new Feature.UnrealizedPnlRatio()));

    assertThatThrownBy(() -> builder.build("ETH", Bars.window(BARS, 10, 8), noCost, new double[1]))
        .hasMessage("the observation needs the average cost of the position in ETH but it was 0.0");
  }

  @Test
  void the_window_keeps_the_latest_bars_and_refuses_impossible_ones() {
    BarWindow w = new BarWindow(3);
    for (int i = 1; i <= 5; i++) {
      w.add(i, i + 1, i - 0.5, i + 0.5, 10 * i);
    }

    assertThat(w.size()).isEqualTo(3);
    assertThat(new double[] {w.close(0), w.close(1), w.close(2)}).containsExactly(5.5, 4.5, 3.5);
    assertThat(w.volume(2)).isEqualTo(30);
    assertThatThrownBy(() -> w.close(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.add(10, 9, 8, 10.5, 1))
        .hasMessageStartingWith("bar high/low must enclose open and close");
    assertThatThrownBy(() -> w.add(10, 11, 0, 10.5, 1))
        .hasMessageStartingWith("bar prices must be positive and finite");
    assertThatThrownBy(() -> w.add(10, 11, 9, 10.5, Double.NaN))
        .hasMessage("bar volume must be finite and >= 0 but was NaN");
  }
}
