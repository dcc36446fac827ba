package io.tradecore.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the answers of a strategy that is not deterministic are kept, so it is never asked twice
 * about one moment: the engine looks an answer up before asking, and records a new one before it
 * acts on it. A runner keeps it in its store; a backtest keeps none.
 */
public interface DecisionJournal {
  /** The answer recorded for the moment at {@code time}, if there is one. */
  Optional<List<Action>> answered(Instant time);

  /** Makes an answer durable; called before any of its actions reaches the venue. */
  void record(Instant time, List<Action> actions);

  /** Remembers nothing: every moment is asked. */
  DecisionJournal NONE =
      new DecisionJournal() {
        @Override
        public Optional<List<Action>> answered(Instant time) {
          return Optional.empty();
        }

        @Override
        public void record(Instant time, List<Action> actions) {}
      };
}
