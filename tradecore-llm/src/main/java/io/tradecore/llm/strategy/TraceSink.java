package io.tradecore.llm.strategy;

import io.tradecore.llm.LlmAnswer;
import io.tradecore.llm.LlmTrace;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the LLM strategy keeps its questions: a runner stores them with the portfolio, run and
 * moment (and marks a question as asked before it is sent, so a restarted runner never asks about
 * the same moment twice); a backtest keeps them in memory. Implementations are called from the
 * engine's thread ({@link #earlier}, {@link #asking}, {@link #lost}) and from the decider's thread
 * ({@link #answered}), and must be thread-safe.
 */
public interface TraceSink {
  /** What was stored about a moment before a restart. */
  sealed interface Earlier {
    /** The question was sent, and the process stopped before its answer was stored. */
    record Unanswered() implements Earlier {}

    /** The question's trace was stored; {@code response} is null when no answer came. */
    record Traced(String response) implements Earlier {}
  }

  /** What was stored about the question at {@code moment}, if anything. */
  Optional<Earlier> earlier(Instant moment);

  /**
   * Makes it durable that the question at {@code trace}'s moment is about to be sent ({@code trace}
   * carries the request; it has no response yet). Called before the call.
   */
  void asking(LlmTrace trace);

  /** Stores the answered question's trace, which books its cost; reports its outcome. */
  void answered(LlmAnswer answer);

  /**
   * Stores the trace of a question whose answer was lost when the process stopped: it is not asked
   * again, the strategy holds, and the trace books what the call may have cost.
   */
  void lost(LlmTrace trace);

  /** Keeps nothing; every moment is new. */
  TraceSink NONE =
      new TraceSink() {
        @Override
        public Optional<Earlier> earlier(Instant moment) {
          return Optional.empty();
        }

        @Override
        public void asking(LlmTrace trace) {}

        @Override
        public void answered(LlmAnswer answer) {}

        @Override
        public void lost(LlmTrace trace) {}
      };
}
