package io.tradecore.llm.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptTokenEstimatorTest {
  @Test
  void a_third_of_the_characters_rounded_up() {
    PromptTokenEstimator estimator = new PromptTokenEstimator();

    assertThat(estimator.estimate(0)).isZero();
    assertThat(estimator.estimate(3000)).isEqualTo(1000);
    assertThat(estimator.estimate(3001)).isEqualTo(1001);
  }

  @Test
  void a_denser_prompt_the_server_reported_raises_later_estimates() {
    PromptTokenEstimator estimator = new PromptTokenEstimator();
    estimator.observe(3000, 900);
    assertThat(estimator.estimate(3000)).isEqualTo(1000);

    estimator.observe(3000, 1200);
    estimator.observe(3000, 1100);

    assertThat(estimator.estimate(3000)).isEqualTo(1200);
    assertThat(estimator.estimate(3001)).isEqualTo(1201);
  }
}
