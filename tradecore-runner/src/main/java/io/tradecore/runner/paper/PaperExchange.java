package io.tradecore.runner.paper;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.exchange.Exchange;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.MatchResult;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.exchange.WorkingState;
import io.tradecore.store.Database;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PaperRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A paper-trading venue with books of its own: it matches like the simulated exchange, but every
 * order it accepts and every fill it makes is committed to its own tables before the caller hears
 * of it, so it survives the runner. Accepting an order id it already knows does nothing, which is
 * what makes a restarted runner's deterministic resubmissions harmless.
 */
public final class PaperExchange implements Exchange {
  private final Database db;
  private final String account;
  private final SimulatedExchange matcher;
  private final Clock clock;
  private final Map<String, Instrument> instruments;
  private final PaperRepository repo = new PaperRepository();
  private BigDecimal cash;

  public PaperExchange(
      Database db,
      String account,
      BigDecimal startingCash,
      ExecutionCosts costs,
      BigDecimal volumeShare,
      Clock clock) {
    this.db = db;
    this.account = account;
    this.clock = clock;
    this.matcher = new SimulatedExchange("PAPER-" + account, costs, volumeShare);
    this.instruments = db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
    db.jdbi()
        .useTransaction(
            h -> {
              repo.ensureAccount(h, account, startingCash);
              matcher.resumeTradeSequence(repo.tradeSequence(h, account));
              cash = repo.cash(h, account);
              for (PaperRepository.PaperOrder o : repo.orders(h, account, "WORKING", instruments)) {
                matcher.restore(o.state());
              }
            });
  }

  /** Makes an instrument known (the feed may bring new ones). */
  public void know(Instrument instrument) {
    instruments.putIfAbsent(instrument.symbol(), instrument);
  }

  @Override
  public void submit(Order order) {
    know(order.instrument());
    if (isKnown(order)) {
      return;
    }
    matcher.submit(order);
    try {
      WorkingState state = matcher.workingState(order.id()).orElseThrow();
      db.jdbi().useTransaction(h -> repo.saveOrder(h, account, state, "WORKING", clock.instant()));
    } catch (RuntimeException e) {
      matcher.cancel(order.id());
      throw e;
    }
  }

  /**
   * Trades an exit on the bar being processed. An order id already known was submitted before a
   * restart: whatever it did then is on the books (a resync brings it to the ledger), so nothing is
   * done again.
   */
  @Override
  public MatchResult submitNow(Order order, Bar bar) {
    know(order.instrument());
    if (isKnown(order)) {
      return MatchResult.EMPTY;
    }
    List<WorkingState> before =
        List.of(new WorkingState(order, 0, order.quoteAmount(), false, null, null));
    MatchResult result = matcher.submitNow(order, bar);
    record(bar, before, result, matcher.workingState(order.id()).stream().toList());
    return result;
  }

  private boolean isKnown(Order order) {
    return db.jdbi().withHandle(h -> repo.order(h, account, order.id(), instruments)).isPresent();
  }

  @Override
  public boolean cancel(ClientOrderId id) {
    if (!matcher.cancel(id)) {
      return false;
    }
    db.jdbi().useTransaction(h -> repo.setStatus(h, account, id, "CANCELLED", clock.instant()));
    return true;
  }

  @Override
  public boolean isWorking(ClientOrderId id) {
    return matcher.isWorking(id);
  }

  @Override
  public MatchResult onBar(Bar bar) {
    List<WorkingState> before = matcher.workingStates();
    MatchResult result = matcher.onBar(bar);
    if (before.isEmpty()) {
      return result;
    }
    List<WorkingState> after = new ArrayList<>();
    for (WorkingState s : matcher.workingStates()) {
      if (s.order().instrument().equals(bar.instrument())) {
        after.add(s);
      }
    }
    record(bar, before, result, after);
    return result;
  }

  /**
   * Commits what one price event did, before anyone hears of it: the fills, the cash, the state of
   * the orders still working and the end of those that stopped.
   */
  private void record(
      Bar bar, List<WorkingState> before, MatchResult result, List<WorkingState> stillWorking) {
    db.jdbi()
        .useTransaction(
            h -> {
              for (Fill f : result.fills()) {
                BigDecimal signed = f.side().sign() > 0 ? f.notional().negate() : f.notional();
                cash = cash.add(signed).subtract(f.fee());
                repo.insertFill(h, account, sequenceOf(f), f);
              }
              Set<ClientOrderId> working = new HashSet<>();
              for (WorkingState s : stillWorking) {
                working.add(s.order().id());
                repo.saveOrder(h, account, s, "WORKING", clock.instant());
              }
              Set<ClientOrderId> expired = new HashSet<>();
              result.expired().forEach(o -> expired.add(o.id()));
              for (WorkingState s : before) {
                ClientOrderId id = s.order().id();
                if (s.order().instrument().equals(bar.instrument())
                    && !working.contains(id)
                    && !matcher.isWorking(id)) {
                  String status = expired.contains(id) ? "EXPIRED" : "FILLED";
                  repo.saveOrder(h, account, s, status, clock.instant());
                }
              }
              repo.updateAccount(h, account, matcher.tradeSequence(), cash);
            });
  }

  /** The exchange's own trade sequence number of a fill it made (the suffix of its trade id). */
  private static long sequenceOf(Fill f) {
    String id = f.tradeId().value();
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }

  public String account() {
    return account;
  }
}
