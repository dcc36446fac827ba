package io.tradecore.runner;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.DecisionJournal;
import io.tradecore.store.Database;
import io.tradecore.store.DecisionRepository;
import io.tradecore.store.Fence;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions of a strategy that is not deterministic, kept in the portfolio's decisions table:
 * an answer is committed (fenced by the runner's lease) before any of its actions reaches the
 * venue, and a restarted runner finds it there instead of asking again.
 */
final class StoreJournal implements DecisionJournal {
  private final Database db;
  private final Fence fence;
  private final PortfolioId portfolio;
  private final RunId run;
  private final String strategy;
  private final Map<String, Instrument> instruments;
  private final Clock clock;
  private final DecisionRepository repo = new DecisionRepository();

  StoreJournal(
      Database db,
      Fence fence,
      PortfolioId portfolio,
      RunId run,
      String strategy,
      Map<String, Instrument> instruments,
      Clock clock) {
    this.db = db;
    this.fence = fence;
    this.portfolio = portfolio;
    this.run = run;
    this.strategy = strategy;
    this.instruments = instruments;
    this.clock = clock;
  }

  @Override
  public Optional<List<Action>> answered(Instant time) {
    return db.jdbi().withHandle(h -> repo.find(h, portfolio, time, instruments));
  }

  @Override
  public void record(Instant time, List<Action> actions) {
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              repo.insertIfAbsent(h, portfolio, time, strategy, actions, run, clock.instant());
            });
  }
}
