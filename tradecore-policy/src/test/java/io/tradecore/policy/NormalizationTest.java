package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  @Test
  void normalizes_like_vec_normalize_and_clips_at_clip_obs() {
    List<Double> mean = List.of(0.5, -2.0, 100.0, 0.0);
    List<Double> var = List.of(0.25, 4.0, 0.0, 1e-6);
    Normalization n = Normalization.of(mean, var, 3.0, 1e-8);
    double[] raw = {1.0, -2.0, 100.5, -0.01};
    double[] out = new double[4];

    n.apply(raw, out);

    double[] hand =
        HandMaths.normalize(raw, HandMaths.array(mean), HandMaths.array(var), 3.0, 1e-8);
    assertThat(out).containsExactly(hand);
    // (1 - 0.5) / sqrt(0.25 + 1e-8) is just under 1; var 0 leaves epsilon: 0.5 / 1e-4 clips to 3.
    assertThat(out[0]).isCloseTo(1.0, within(1e-7));
    assertThat(out[2]).isEqualTo(3.0);
    assertThat(out[3]).isEqualTo(-3.0);
  }

  @Test
  void normalizes_in_place() {
    Normalization n = Normalization.of(List.of(1.0), List.of(4.0), 10, 0);
    double[] x = {5.0};

    n.apply(x, x);

    assertThat(x).containsExactly(2.0);
  }
}
