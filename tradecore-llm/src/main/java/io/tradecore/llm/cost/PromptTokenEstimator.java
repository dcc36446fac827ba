package io.tradecore.llm.cost;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A conservative count of the prompt tokens a call will be billed for, from the characters it
 * sends: one token per three characters, rounded up (English runs near four characters a token).
 * Numbers tokenize more densely, so after each call the largest tokens-per-character ratio a server
 * reported is remembered and used when it is higher. Not thread-safe: one decider owns it.
 */
public final class PromptTokenEstimator {
  private static final BigInteger CHARS_PER_TOKEN = BigInteger.valueOf(3);

  // The highest reported ratio as a fraction, kept exact: tokens / chars.
  private long worstTokens;
  private long worstChars = 1;

  /** The estimated prompt tokens for {@code chars} characters sent. */
  public long estimate(long chars) {
    if (chars < 0) {
      throw new IllegalArgumentException("chars must not be negative: " + chars);
    }
    BigInteger[] thirds = BigInteger.valueOf(chars).divideAndRemainder(CHARS_PER_TOKEN);
    long byRule = thirds[0].longValueExact() + (thirds[1].signum() == 0 ? 0 : 1);
    long byHistory =
        new BigDecimal(BigInteger.valueOf(chars).multiply(BigInteger.valueOf(worstTokens)))
            .divide(BigDecimal.valueOf(worstChars), 0, RoundingMode.CEILING)
            .longValueExact();
    return Math.max(byRule, byHistory);
  }

  /** Remembers that {@code chars} characters were billed as {@code tokens} prompt tokens. */
  public void observe(long chars, long tokens) {
    if (chars <= 0 || tokens <= 0) {
      return;
    }
    // tokens / chars > worstTokens / worstChars, compared by cross-multiplication.
    if (BigInteger.valueOf(tokens)
            .multiply(BigInteger.valueOf(worstChars))
            .compareTo(BigInteger.valueOf(worstTokens).multiply(BigInteger.valueOf(chars)))
        > 0) {
      worstTokens = tokens;
      worstChars = chars;
    }
  }
}
