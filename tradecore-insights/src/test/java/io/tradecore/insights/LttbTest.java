package io.tradecore.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LttbTest {
  @Test
  void keepsTheEndsAndTheSpike() {
    Points in = new Points(1000);
    for (int i = 0; i < 1000; i++) {
      in.add(i, i == 500 ? 100 : Math.sin(i / 50.0));
    }
    Points out = Lttb.downsample(in, 20);
    assertThat(out.size()).isEqualTo(20);
    assertThat(out.step(0)).isZero();
    assertThat(out.step(19)).isEqualTo(999);
    assertThat(out.steps()).contains(500L);
    for (int i = 1; i < out.size(); i++) {
      assertThat(out.step(i)).isGreaterThan(out.step(i - 1));
    }
  }

  @Test
  void leavesShortSeriesAlone() {
    Points in = new Points(4);
    for (int i = 0; i < 5; i++) {
      in.add(i * 10, i);
    }
    Points out = Lttb.downsample(in, 10);
    assertThat(out.steps()).containsExactly(0, 10, 20, 30, 40);
    assertThat(out.values()).containsExactly(0, 1, 2, 3, 4);
  }
}
