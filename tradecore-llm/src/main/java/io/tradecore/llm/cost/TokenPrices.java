package io.tradecore.llm.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Prices per million prompt (input) and answer (output) tokens in the base currency. Costs are
 * exact: a million is a shift of the decimal point, so nothing is rounded. Immutable and
 * thread-safe.
 */
public record TokenPrices(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
  public static final TokenPrices FREE = new TokenPrices(BigDecimal.ZERO, BigDecimal.ZERO);

  public TokenPrices {
    Objects.requireNonNull(inputPerMillion, "inputPerMillion");
    Objects.requireNonNull(outputPerMillion, "outputPerMillion");
    if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
      throw new IllegalArgumentException("token prices must not be negative");
    }
  }

  /** What {@code inputTokens} prompt and {@code outputTokens} answer tokens cost, exactly. */
  public BigDecimal cost(long inputTokens, long outputTokens) {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
    return inputPerMillion
        .multiply(BigDecimal.valueOf(inputTokens))
        .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
        .movePointLeft(6);
  }

  /** What a reported usage costs. */
  public BigDecimal cost(TokenUsage usage) {
    return cost(usage.inputTokens(), usage.outputTokens());
  }
}
