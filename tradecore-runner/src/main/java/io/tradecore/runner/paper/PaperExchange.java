package io.tradecore.runner.paper;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.MatchResult;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.exchange.WorkingState;
import io.tradecore.core.venue.ExecutionReport;
import io.tradecore.core.venue.FillPage;
import io.tradecore.core.venue.ReportSink;
import io.tradecore.core.venue.SimulatedVenue;
import io.tradecore.core.venue.VenueFeatures;
import io.tradecore.core.venue.VenueOrder;
import io.tradecore.runner.CommitParticipant;
import io.tradecore.runner.VenueFactory;
import io.tradecore.store.Database;
import io.tradecore.store.Fence;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PaperRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * A paper-trading venue with books of its own: it matches like the simulated exchange, but every
 * order it accepts and every fill it makes is committed to its own tables before it reports them,
 * so it survives the runner. Accepting an order id it already knows does nothing, which is what
 * makes a restarted runner's deterministic resubmissions harmless.
 */
public final class PaperExchange implements SimulatedVenue, CommitParticipant {
  private final Database db;
  private final Fence fence;
  private final String account;
  private final String currency;
  private final SimulatedExchange matcher;
  private final Clock clock;
  private final Map<String, Instrument> instruments;
  private final PaperRepository repo = new PaperRepository();
  private ReportSink sink = report -> {};
  private BigDecimal cash;
  private Instant now;

  /** Whether the books change in the runner's commits ({@link #deferWrites}). */
  private boolean deferred;

  /** Changes of the books kept for the runner's next commit, in order. */
  private final List<Consumer<Handle>> pending = new ArrayList<>();

  /** Orders those changes touch, known before they are committed. */
  private final Set<ClientOrderId> staged = new HashSet<>();

  public PaperExchange(
      Database db,
      Fence fence,
      String account,
      String currency,
      BigDecimal startingCash,
      ExecutionCosts costs,
      BigDecimal volumeShare,
      Clock clock) {
    this.db = db;
    this.fence = fence;
    this.account = account;
    this.currency = currency;
    this.clock = clock;
    this.matcher = new SimulatedExchange("PAPER-" + account, costs, volumeShare);
    this.instruments = db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              repo.ensureAccount(h, account, startingCash);
              matcher.resumeTradeSequence(repo.tradeSequence(h, account));
              cash = repo.cash(h, account);
              for (PaperRepository.PaperOrder o :
                  repo.orders(h, account, OrderStatus.WORKING, instruments)) {
                matcher.restore(o.state());
              }
            });
  }

  /** The paper exchange of each portfolio, with these costs: its account is the portfolio's id. */
  public static VenueFactory factory(ExecutionCosts costs, BigDecimal volumeShare) {
    return (db, portfolio, fence, clock) ->
        new PaperExchange(
            db,
            fence,
            portfolio.id().value(),
            portfolio.baseCurrency(),
            portfolio.startingCash(),
            costs,
            volumeShare,
            clock);
  }

  /** How a bar's trading day is found, for DAY orders (see {@link SimulatedExchange}). */
  @Override
  public void sessionDays(Function<Bar, LocalDate> days) {
    matcher.sessionDays(days);
  }

  @Override
  public void fundedBy(Function<Order, BigDecimal> spendable) {
    matcher.fundedBy(spendable);
  }

  /** Makes an instrument known (the feed may bring new ones). */
  public void know(Instrument instrument) {
    instruments.putIfAbsent(instrument.symbol(), instrument);
  }

  @Override
  public String name() {
    return "paper";
  }

  @Override
  public VenueFeatures features() {
    return VenueFeatures.SIMULATED;
  }

  @Override
  public void attach(ReportSink reportSink) {
    this.sink = reportSink;
  }

  @Override
  public void submit(Order order) {
    know(order.instrument());
    if (isKnown(order)) {
      return;
    }
    String refused = matcher.accept(order);
    if (refused != null) {
      sink.report(new ExecutionReport.Rejected(order.id(), at(order), refused));
      return;
    }
    try {
      WorkingState state = matcher.workingState(order.id()).orElseThrow();
      Instant at = clock.instant();
      write(List.of(order.id()), h -> repo.saveOrder(h, account, state, OrderStatus.WORKING, at));
    } catch (RuntimeException e) {
      matcher.withdraw(order.id());
      throw e;
    }
  }

  /**
   * Trades an exit on the bar being processed. An order id already known was submitted before a
   * restart: whatever it did then is on the books (a resync brings it to the ledger), so nothing is
   * done again.
   */
  @Override
  public void submitTriggered(Order order, Bar bar) {
    know(order.instrument());
    if (isKnown(order)) {
      return;
    }
    List<WorkingState> before =
        List.of(new WorkingState(order, 0, order.quoteAmount(), false, null, null));
    MatchResult result = matcher.matchNow(order, bar);
    record(bar, before, result, matcher.workingState(order.id()).stream().toList());
    report(result, bar.time());
  }

  private boolean isKnown(Order order) {
    return staged.contains(order.id())
        || db.jdbi().withHandle(h -> repo.hasOrder(h, account, order.id()));
  }

  @Override
  public void cancel(ClientOrderId id) {
    if (!matcher.withdraw(id)) {
      return;
    }
    Instant at = clock.instant();
    write(List.of(id), h -> repo.setStatus(h, account, id, OrderStatus.CANCELLED, at));
    sink.report(new ExecutionReport.Cancelled(id, now == null ? clock.instant() : now));
  }

  @Override
  public void onBar(Bar bar) {
    now = bar.time();
    List<WorkingState> before = matcher.workingStates();
    MatchResult result = matcher.match(bar);
    if (before.isEmpty()) {
      return;
    }
    List<WorkingState> after = new ArrayList<>();
    for (WorkingState s : matcher.workingStates()) {
      if (s.order().instrument().equals(bar.instrument())) {
        after.add(s);
      }
    }
    record(bar, before, result, after);
    report(result, bar.time());
  }

  private void report(MatchResult result, Instant at) {
    for (Fill f : result.fills()) {
      sink.report(
          matcher.isWorking(f.orderId()) || result.expires(f.orderId())
              ? new ExecutionReport.PartiallyFilled(f)
              : new ExecutionReport.Filled(f));
    }
    for (Order o : result.expired()) {
      sink.report(new ExecutionReport.Expired(o.id(), at));
    }
  }

  private Instant at(Order order) {
    return now == null ? order.createdAt() : now;
  }

  /**
   * Commits what one price event did, before anyone hears of it: the fills, the cash, the state of
   * the orders still working and the end of those that stopped.
   */
  private void record(
      Bar bar, List<WorkingState> before, MatchResult result, List<WorkingState> stillWorking) {
    BigDecimal after = cash;
    for (Fill f : result.fills()) {
      BigDecimal signed = f.side().sign() > 0 ? f.notional().negate() : f.notional();
      after = after.add(signed).subtract(f.fee());
    }
    BigDecimal newCash = after;
    Instant at = clock.instant();
    long sequence = matcher.tradeSequence();
    Set<ClientOrderId> working = new HashSet<>();
    stillWorking.forEach(w -> working.add(w.order().id()));
    Set<ClientOrderId> expired = new HashSet<>();
    result.expired().forEach(o -> expired.add(o.id()));
    List<WorkingState> ended = new ArrayList<>();
    for (WorkingState s : before) {
      ClientOrderId id = s.order().id();
      if (s.order().instrument().equals(bar.instrument())
          && !working.contains(id)
          && !matcher.isWorking(id)) {
        ended.add(s);
      }
    }
    List<ClientOrderId> touched = new ArrayList<>(working);
    before.forEach(w -> touched.add(w.order().id()));
    write(
        touched,
        h -> {
          for (Fill f : result.fills()) {
            repo.insertFill(h, account, sequenceOf(f), f);
          }
          for (WorkingState s : stillWorking) {
            repo.saveOrder(h, account, s, OrderStatus.WORKING, at);
          }
          for (WorkingState s : ended) {
            OrderStatus status =
                expired.contains(s.order().id()) ? OrderStatus.EXPIRED : OrderStatus.FILLED;
            repo.saveOrder(h, account, s, status, at);
          }
          repo.updateAccount(h, account, sequence, newCash);
        });
    cash = newCash;
  }

  /**
   * Commits one change of the books (of {@code orders}) at once, or keeps it for the runner's
   * commit.
   */
  private void write(List<ClientOrderId> orders, Consumer<Handle> change) {
    if (deferred) {
      staged.addAll(orders);
      pending.add(change);
      return;
    }
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              change.accept(h);
            });
  }

  /**
   * From now on the books change in the runner's commits: a fill and the ledger's record of it are
   * durable together, and a replay commits many bars at once. Nothing is reported to the engine
   * that its commit will not write.
   */
  @Override
  public void deferWrites() {
    deferred = true;
  }

  @Override
  public void flush(Handle h) {
    pending.forEach(change -> change.accept(h));
  }

  @Override
  public void committed() {
    pending.clear();
    staged.clear();
  }

  /** The exchange's own trade sequence number of a fill it made (the suffix of its trade id). */
  private static long sequenceOf(Fill f) {
    String id = f.tradeId().value();
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }

  public String account() {
    return account;
  }

  // ---- reconciliation ----------------------------------------------------------------------

  @Override
  public List<VenueOrder> openOrders() {
    List<VenueOrder> out = new ArrayList<>();
    db.jdbi()
        .withHandle(h -> repo.orders(h, account, OrderStatus.WORKING, instruments))
        .forEach(o -> out.add(venueOrder(o)));
    return out;
  }

  @Override
  public Optional<VenueOrder> order(ClientOrderId id) {
    return db.jdbi()
        .withHandle(h -> repo.order(h, account, id, instruments))
        .map(PaperExchange::venueOrder);
  }

  private static VenueOrder venueOrder(PaperRepository.PaperOrder o) {
    Order order = o.state().order();
    long filled = order.quantity() == null ? 0 : order.quantity().units() - o.state().remaining();
    if (order.quantity() != null && o.status() == OrderStatus.FILLED) {
      filled = order.quantity().units();
    }
    return new VenueOrder(
        order, o.status(), order.instrument().quantity(Math.max(0, filled)), null);
  }

  /** Fills after the paper exchange's trade sequence number {@code cursor} (null: 0). */
  @Override
  public FillPage fillsSince(String cursor) {
    long after = cursor == null ? 0 : Long.parseLong(cursor);
    List<PaperRepository.PaperFill> fills =
        db.jdbi().withHandle(h -> repo.fillsAfter(h, account, after, instruments));
    List<Fill> out = new ArrayList<>(fills.size());
    long last = after;
    for (PaperRepository.PaperFill f : fills) {
      out.add(f.fill());
      last = Math.max(last, f.seq());
    }
    return new FillPage(out, String.valueOf(last));
  }

  @Override
  public Map<String, BigDecimal> positions() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Fill f : fillsSince(null).fills()) {
      out.merge(f.instrument().symbol(), f.signedQuantity(), BigDecimal::add);
    }
    out.values().removeIf(q -> q.signum() == 0);
    return out;
  }

  @Override
  public Map<String, BigDecimal> balances() {
    return Map.of(currency, db.jdbi().withHandle(h -> repo.cash(h, account)));
  }
}
