package io.tradecore.llm.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TokenPricesTest {
  @Test
  void a_cost_is_exact_to_the_last_token() {
    TokenPrices gpt4oMini = new TokenPrices(new BigDecimal("0.15"), new BigDecimal("0.60"));

    assertThat(gpt4oMini.cost(1, 0)).isEqualTo(new BigDecimal("0.00000015"));
    assertThat(gpt4oMini.cost(new TokenUsage(2_345_678, 1_001)))
        .isEqualTo(new BigDecimal("0.35245230"));
  }
}
