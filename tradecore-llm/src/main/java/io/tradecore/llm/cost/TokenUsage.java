package io.tradecore.llm.cost;

/**
 * Tokens a server reported for one call ({@code usage.prompt_tokens}, {@code
 * usage.completion_tokens}). Immutable and thread-safe.
 */
public record TokenUsage(long inputTokens, long outputTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public TokenUsage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative: " + inputTokens + ", " + outputTokens);
    }
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }
}
