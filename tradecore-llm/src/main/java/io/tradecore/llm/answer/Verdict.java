package io.tradecore.llm.answer;

import java.util.List;

/** The decisions of an answer that were accepted, and the refusals with their reasons. */
public record Verdict(List<Decision> accepted, List<Refusal> refusals) {
  public Verdict {
    accepted = List.copyOf(accepted);
    refusals = List.copyOf(refusals);
  }

  /** The accepted decisions that trade or change a plan (not holds). */
  public List<Decision> actions() {
    return accepted.stream().filter(d -> !(d instanceof Decision.Hold)).toList();
  }
}
