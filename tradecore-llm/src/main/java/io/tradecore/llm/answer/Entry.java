package io.tradecore.llm.answer;

import java.math.BigDecimal;
import java.util.Objects;

/** How a new plan enters: at the market, or at a limit price. */
public sealed interface Entry {
  /** Enter at the next price. */
  record Market() implements Entry {}

  /** Enter at {@code price} or better. */
  record Limit(BigDecimal price) implements Entry {
    public Limit {
      Objects.requireNonNull(price, "price");
    }
  }

  static Entry market() {
    return new Market();
  }

  static Entry limit(BigDecimal price) {
    return new Limit(price);
  }
}
