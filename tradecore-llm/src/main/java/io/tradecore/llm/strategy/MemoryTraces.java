package io.tradecore.llm.strategy;

import io.tradecore.llm.LlmAnswer;
import io.tradecore.llm.LlmTrace;
import io.tradecore.llm.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traces of a backtest, kept in memory in the order the questions were answered: every moment
 * is new, so nothing is looked up. Thread-safe.
 */
public final class MemoryTraces implements TraceSink {
  private final List<LlmTrace> traces = new ArrayList<>();

  @Override
  public Optional<Earlier> earlier(Instant moment) {
    return Optional.empty();
  }

  @Override
  public void asking(LlmTrace trace) {}

  @Override
  public synchronized void answered(LlmAnswer answer) {
    traces.add(answer.trace());
  }

  @Override
  public synchronized void lost(LlmTrace trace) {
    traces.add(trace);
  }

  public synchronized List<LlmTrace> traces() {
    return List.copyOf(traces);
  }

  /** How many questions ended in each outcome, every outcome listed. */
  public synchronized Map<Outcome, Long> outcomes() {
    Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      out.put(o, 0L);
    }
    traces.forEach(t -> out.merge(t.outcome(), 1L, Long::sum));
    return out;
  }

  /** Everything the questions cost. */
  public synchronized BigDecimal spent() {
    return traces.stream().map(LlmTrace::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The first question the spending cap stopped, if any. */
  public synchronized Optional<LlmTrace> firstCapped() {
    return traces.stream()
        .filter(t -> t.outcome() == Outcome.HELD && t.reason().startsWith("cap reached"))
        .findFirst();
  }
}
