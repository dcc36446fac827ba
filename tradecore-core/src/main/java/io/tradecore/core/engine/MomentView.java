package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.feed.Moment;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** The strategy's view of the moment being decided; one reused instance per engine. */
final class MomentView implements MomentContext {
  private final PortfolioView portfolio;
  private final Inbox inbox;
  private final Map<String, Instrument> instruments = new LinkedHashMap<>();
  private final Collection<Instrument> known =
      Collections.unmodifiableCollection(instruments.values());
  private Moment moment;
  private long index;
  private boolean warming;
  private boolean later;

  MomentView(PortfolioView portfolio, Inbox inbox) {
    this.portfolio = portfolio;
    this.inbox = inbox;
  }

  void know(Instrument instrument) {
    instruments.putIfAbsent(instrument.symbol(), instrument);
  }

  void asking(Moment m) {
    moment = m;
    warming = false;
    later = false;
  }

  void warming(Moment m) {
    moment = m;
    warming = true;
    later = false;
  }

  void next() {
    index++;
  }

  boolean answersLater() {
    return later;
  }

  @Override
  public Instant time() {
    return moment == null ? null : moment.time();
  }

  @Override
  public List<Bar> bars() {
    return moment.bars();
  }

  @Override
  public Bar bar(String symbol) {
    return moment.bar(symbol);
  }

  @Override
  public Collection<Instrument> instruments() {
    return known;
  }

  @Override
  public long momentIndex() {
    return index;
  }

  @Override
  public PortfolioView portfolio() {
    return portfolio;
  }

  @Override
  public void answerLater(CompletionStage<List<Action>> answer) {
    if (warming) {
      return; // a warm-up asks nothing: its answers were given, or journaled, long ago
    }
    later = true;
    Instant at = moment.time();
    answer.whenComplete(
        (actions, error) ->
            inbox.answer(
                new Inbox.LateAnswer(
                    at,
                    actions == null ? List.of() : List.copyOf(actions),
                    error instanceof CompletionException c && c.getCause() != null
                        ? c.getCause()
                        : error)));
  }
}
