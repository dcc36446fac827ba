package io.tradecore.llm;

import io.tradecore.llm.answer.Decision;
import io.tradecore.llm.answer.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The model's answer for one moment, ready for the engine: the accepted decisions (holds included),
 * the refusals, the outcome with its reason, and the trace to store.
 *
 * @param capReached whether the spending cap stopped a call (or a retry, after a failed attempt)
 */
public record LlmAnswer(
    Instant moment,
    Outcome outcome,
    String reason,
    List<Decision> decisions,
    List<Refusal> refusals,
    boolean capReached,
    LlmTrace trace) {
  public LlmAnswer {
    Objects.requireNonNull(moment, "moment");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    decisions = List.copyOf(decisions);
    refusals = List.copyOf(refusals);
    Objects.requireNonNull(trace, "trace");
  }

  /** The accepted decisions that trade or change a plan. */
  public List<Decision> actions() {
    return decisions.stream().filter(d -> !(d instanceof Decision.Hold)).toList();
  }

  /** Whether the engine should count an error for the day. */
  public boolean isError() {
    return outcome == Outcome.FAILED;
  }
}
