package io.tradecore.llm.call;

import io.tradecore.llm.cost.TokenUsage;
import java.util.Objects;

/**
 * What a server answered: the assistant message's text, the model it reports, the token usage (null
 * when the server did not report one) and why it stopped. Immutable and thread-safe.
 */
public record ChatReply(
    String content, String reportedModel, TokenUsage usage, String finishReason) {
  public ChatReply {
    Objects.requireNonNull(content, "content");
  }
}
