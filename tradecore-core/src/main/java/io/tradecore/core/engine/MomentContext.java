package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** What a portfolio strategy sees at a moment: its bars, the instruments and the portfolio. */
public interface MomentContext {
  Instant time();

  /** This moment's bars, one per instrument that has one. */
  List<Bar> bars();

  /** This moment's bar of {@code symbol}, or null when it has none. */
  Bar bar(String symbol);

  /** Every instrument the feed has brought so far, in the order they first appeared. */
  Collection<Instrument> instruments();

  /** Index of this moment among the moments the engine has seen, from 0. */
  long momentIndex();

  PortfolioView portfolio();

  /**
   * Hands over an answer that arrives later (a model's): the engine applies it on its own thread
   * once it completes, as this moment's decision, and never waits for it itself.
   */
  void answerLater(CompletionStage<List<Action>> answer);
}
