package io.tradecore.llm.answer;

import java.util.Objects;

/**
 * A refused answer or decision, with why. {@code index} is the decision's position in the answer
 * (from 0), or -1 when the whole answer was refused.
 */
public record Refusal(int index, RefusalReason reason, String detail) {
  public Refusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line, e.g. {@code decision 2: oversized_order: quantity 500 exceeds ...}. */
  public String describe() {
    return (index < 0 ? "answer" : "decision " + index) + ": " + reason.label() + ": " + detail;
  }
}
