package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.EngineEvent.OrderCancelled;
import io.tradecore.core.engine.EngineEvent.OrderFilled;
import io.tradecore.core.engine.EngineEvent.OrderRefused;
import io.tradecore.core.engine.EngineEvent.OrderSubmitted;
import io.tradecore.core.engine.EngineEvent.PlanChanged;
import io.tradecore.core.engine.EngineEvent.SignalEmitted;
import io.tradecore.core.exchange.Exchange;
import io.tradecore.core.exchange.MatchResult;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.ExitSignal;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanMonitor;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.plan.Sizing;
import io.tradecore.core.risk.RiskCheck;
import io.tradecore.core.risk.RiskRefusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's open plans and working orders: turns strategy actions and monitor exits into orders
 * (through risk), and fills and expiries into plan changes. Also the portfolio view strategies
 * read. Not thread-safe; owned by the engine.
 */
final class PlanBook implements PortfolioView {
  private final EngineConfig config;
  private final Portfolio portfolio;
  private final Exchange exchange;
  private final RiskCheck risk;
  private final Clock clock;
  private final EngineListener listener;
  private final Map<PlanId, Plan> open = new LinkedHashMap<>();
  private final Map<Instrument, Integer> openCount = new HashMap<>();
  private final Map<Instrument, Integer> activeCount = new HashMap<>();
  private final Map<ClientOrderId, WorkingOrder> working = new LinkedHashMap<>();
  private final Map<PlanId, Integer> exitsSent = new HashMap<>();
  private long planSequence;

  PlanBook(
      EngineConfig config,
      Portfolio portfolio,
      Exchange exchange,
      RiskCheck risk,
      Clock clock,
      EngineListener listener) {
    this.config = config;
    this.portfolio = portfolio;
    this.exchange = exchange;
    this.risk = risk;
    this.clock = clock;
    this.listener = listener;
    this.planSequence = config.firstPlanSequence();
  }

  long nextPlanSequence() {
    return planSequence;
  }

  Plan plan(PlanId id) {
    return open.get(id);
  }

  void restore(Plan plan, int exits) {
    if (plan.status().isOpen()) {
      put(plan);
      if (exits > 0) {
        exitsSent.put(plan.id(), exits);
      }
    }
  }

  void restoreWorking(WorkingOrder w) {
    working.put(w.order().id(), w);
  }

  boolean adjustLevels(PlanId id, long stop, long target, Instant at, String reason) {
    Plan plan = open.get(id);
    if (plan == null) {
      return false;
    }
    Plan after = plan.withLevels(stop, target, plan.trailDistance(), at);
    put(after);
    listener.on(new PlanChanged(at, clock.instant(), plan, after, reason));
    return true;
  }

  void forget(ClientOrderId id, String status, Instant at) {
    WorkingOrder w = working.remove(id);
    if (w == null || "FILLED".equals(status)) {
      return;
    }
    listener.on(
        new OrderCancelled(at, clock.instant(), w.order(), status.toLowerCase(Locale.ROOT)));
    Plan plan = w.order().planId() == null ? null : open.get(w.order().planId());
    if (w.entry() && plan != null && plan.status() == PlanStatus.PENDING) {
      Plan after = plan.withStatus(PlanStatus.CANCELLED, at);
      put(after);
      listener.on(
          new PlanChanged(
              at, clock.instant(), plan, after, "entry " + status.toLowerCase(Locale.ROOT)));
    }
  }

  void onExternalFill(Fill fill, Order order, Instant at, PlanMonitor monitor) {
    if (order != null && !working.containsKey(order.id()) && order.planId() != null) {
      adopt(order);
    }
    Bar reference =
        new Bar(
            fill.instrument(),
            at,
            fill.price().units(),
            fill.price().units(),
            fill.price().units(),
            fill.price().units(),
            0);
    onFill(fill, reference, monitor);
    if (!exchange.isWorking(fill.orderId())) {
      working.remove(fill.orderId());
    }
  }

  /**
   * Takes on an order of one of our plans that the exchange has and we had lost (a crash between
   * the exchange's commit and ours): its role comes from its id, an exit's reason from its type.
   */
  private void adopt(Order order) {
    String id = order.id().value();
    boolean entry = id.endsWith("-entry");
    ExitReason reason = null;
    if (!entry) {
      Plan plan = open.get(order.planId());
      boolean trailing =
          plan != null
              && order.stopPrice() != null
              && plan.trailStop() != 0
              && order.stopPrice().units() == plan.trailStop()
              && plan.trailStop() != plan.stop();
      reason =
          switch (order.type()) {
            case STOP -> trailing ? ExitReason.TRAILING_STOP : ExitReason.STOP;
            case LIMIT -> ExitReason.TARGET;
            case MARKET -> ExitReason.STRATEGY;
          };
      int dash = id.lastIndexOf('-');
      try {
        exitsSent.merge(order.planId(), Integer.parseInt(id.substring(dash + 1)), Math::max);
      } catch (NumberFormatException notOurs) {
        // Not an id this engine made: nothing to continue from.
      }
    }
    working.put(order.id(), new WorkingOrder(order, entry, reason));
    // Recorded as submitted when it was, so the portfolio's books hold the order behind the fill.
    listener.on(new OrderSubmitted(order.createdAt(), clock.instant(), order, reason));
  }

  boolean hasActivePlans(Instrument instrument) {
    return activeCount.getOrDefault(instrument, 0) > 0;
  }

  List<Plan> activePlans(Instrument instrument) {
    List<Plan> out = new ArrayList<>(2);
    for (Plan p : open.values()) {
      if (p.instrument().equals(instrument) && p.status() == PlanStatus.ACTIVE) {
        out.add(p);
      }
    }
    return out;
  }

  List<Plan> openPlans(Instrument instrument) {
    List<Plan> out = new ArrayList<>(2);
    for (Plan p : open.values()) {
      if (p.instrument().equals(instrument)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  int openPlanCount(Instrument instrument) {
    return openCount.getOrDefault(instrument, 0);
  }

  boolean hasWorkingExit(PlanId id) {
    for (WorkingOrder w : working.values()) {
      if (!w.entry() && id.equals(w.order().planId())) {
        return true;
      }
    }
    return false;
  }

  // ---- strategy actions -------------------------------------------------------------------

  void act(Action action, Bar bar) {
    listener.on(new SignalEmitted(bar.time(), clock.instant(), bar.instrument(), action));
    switch (action) {
      case Action.OpenPlan a -> openPlan(a, bar);
      case Action.AdjustPlan a -> adjust(a, bar);
      case Action.ClosePlan a -> close(a.planId(), ExitReason.STRATEGY, bar);
      case Action.CancelPlan a -> cancel(a.planId(), bar);
    }
  }

  private void openPlan(Action.OpenPlan action, Bar bar) {
    Instrument instrument = bar.instrument();
    PlanId id = new PlanId(config.planIdPrefix() + planSequence++);
    Plan plan = Plan.pending(id, action.spec(), instrument, bar.time(), config.botVersion());
    ClientOrderId orderId = new ClientOrderId(id.value() + "-entry");
    OrderType type = plan.entryLimit() == 0 ? OrderType.MARKET : OrderType.LIMIT;
    BigDecimal reference =
        instrument.price(plan.entryLimit() == 0 ? bar.close() : plan.entryLimit()).toBigDecimal();
    Quantity quantity = null;
    BigDecimal quote = null;
    BigDecimal value;
    switch (plan.sizing()) {
      case Sizing.Fixed f -> {
        // The strategy may give a quantity at any scale; orders use the instrument's.
        quantity = Quantity.of(f.quantity().toBigDecimal(), instrument.quantityScale());
        value = reference.multiply(quantity.toBigDecimal());
      }
      case Sizing.CashShare s -> {
        quote = portfolio.ledger().cash().multiply(s.share());
        value = quote;
        if (quote.signum() <= 0) {
          // Nothing to spend: refused like any cap, with an order for the smallest quantity.
          quote = null;
          quantity = instrument.quantity(1);
        }
      }
    }
    Order order =
        new Order(
            orderId,
            id,
            instrument,
            plan.side(),
            type,
            quantity,
            quote,
            type == OrderType.LIMIT ? instrument.price(plan.entryLimit()) : null,
            null,
            plan.timeInForce(),
            bar.time(),
            config.botVersion());
    RiskRefusal refusal =
        quote == null && plan.sizing() instanceof Sizing.CashShare
            ? RiskCheck.noCash(instrument.symbol(), value)
            : risk.check(
                    instrument.symbol(),
                    plan.side(),
                    value,
                    portfolio.ledger().position(instrument.symbol()),
                    reference,
                    withWorkingEntries())
                .orElse(null);
    if (refusal != null) {
      listener.on(new OrderRefused(bar.time(), clock.instant(), order, refusal));
      return;
    }
    put(plan);
    listener.on(new PlanChanged(bar.time(), clock.instant(), null, plan, "opened"));
    submit(new WorkingOrder(order, true, null), bar);
  }

  private void adjust(Action.AdjustPlan action, Bar bar) {
    Plan plan = open.get(action.planId());
    if (plan == null) {
      return;
    }
    Plan after =
        plan.withLevels(action.stop(), action.target(), action.trailDistance(), bar.time());
    put(after);
    listener.on(new PlanChanged(bar.time(), clock.instant(), plan, after, "adjusted"));
  }

  private void close(PlanId id, ExitReason reason, Bar bar) {
    Plan plan = open.get(id);
    if (plan == null) {
      return;
    }
    cancelEntry(plan, bar, "plan closed");
    plan = open.get(id);
    if (plan == null || plan.status() != PlanStatus.ACTIVE) {
      return;
    }
    cancelExits(plan, bar);
    Quantity qty = plan.openQuantity();
    Order order =
        Order.market(
            exitOrderId(plan),
            id,
            plan.instrument(),
            plan.side().opposite(),
            qty,
            bar.time(),
            config.botVersion());
    submit(new WorkingOrder(order, false, reason), bar);
  }

  private void cancel(PlanId id, Bar bar) {
    Plan plan = open.get(id);
    if (plan != null) {
      cancelEntry(plan, bar, "plan cancelled");
    }
  }

  // ---- exits from the monitor ---------------------------------------------------------------

  MatchResult exit(Plan plan, ExitSignal signal, Bar bar) {
    cancelEntry(plan, bar, "exit triggered");
    plan = open.get(plan.id());
    Instrument instrument = plan.instrument();
    boolean stop = signal.orderType() == OrderType.STOP;
    Order order =
        new Order(
            exitOrderId(plan),
            plan.id(),
            instrument,
            plan.side().opposite(),
            signal.orderType(),
            plan.openQuantity(),
            null,
            stop ? null : instrument.price(signal.level()),
            stop ? instrument.price(signal.level()) : null,
            TimeInForce.GTC,
            bar.time(),
            plan.botVersion());
    WorkingOrder w = new WorkingOrder(order, false, signal.reason());
    working.put(order.id(), w);
    listener.on(new OrderSubmitted(bar.time(), clock.instant(), order, w.exitReason()));
    return exchange.submitNow(order, bar);
  }

  void trail(Bar bar, PlanMonitor monitor) {
    if (!hasActivePlans(bar.instrument())) {
      return;
    }
    for (Plan plan : activePlans(bar.instrument())) {
      Plan after = monitor.trail(plan, bar);
      if (after != plan) {
        put(after);
        listener.on(new PlanChanged(bar.time(), clock.instant(), plan, after, "trailed"));
      }
    }
  }

  // ---- exchange reports ---------------------------------------------------------------------

  void onFill(Fill fill, Bar bar, PlanMonitor monitor) {
    portfolio.apply(fill);
    listener.on(new OrderFilled(fill.time(), clock.instant(), fill));
    WorkingOrder w = working.get(fill.orderId());
    Plan plan = fill.planId() == null ? null : open.get(fill.planId());
    if (w == null || plan == null) {
      return;
    }
    Plan after;
    String reason;
    if (w.entry()) {
      after = plan.withFills(plan.filled().plus(fill.quantity()), plan.exited(), fill.time());
      if (plan.status() == PlanStatus.PENDING) {
        after =
            monitor.startTrail(
                after.withStatus(PlanStatus.ACTIVE, fill.time()), fill.price().units(), bar);
        reason = "entry filled";
      } else {
        reason = "entry added";
      }
    } else {
      after = plan.withFills(plan.filled(), plan.exited().plus(fill.quantity()), fill.time());
      after = after.withExitReason(w.exitReason(), fill.time());
      boolean flat = after.openQuantity().isZero();
      if (flat) {
        cancelWorking(plan, true, bar, "plan closed");
        after = after.withStatus(PlanStatus.CLOSED, fill.time());
        reason = "closed by " + w.exitReason().name().toLowerCase(Locale.ROOT);
      } else {
        reason = "exit part-filled";
      }
    }
    put(after);
    listener.on(new PlanChanged(fill.time(), clock.instant(), plan, after, reason));
  }

  void onExpired(Order order, Bar bar) {
    WorkingOrder w = working.remove(order.id());
    listener.on(new OrderCancelled(bar.time(), clock.instant(), order, "expired"));
    if (w != null && w.entry()) {
      Plan plan = open.get(order.planId());
      if (plan != null && plan.status() == PlanStatus.PENDING) {
        Plan after = plan.withStatus(PlanStatus.CANCELLED, bar.time());
        put(after);
        listener.on(new PlanChanged(bar.time(), clock.instant(), plan, after, "entry expired"));
      }
    }
  }

  void forgetDoneOrders(Bar bar) {
    working.values().removeIf(w -> !exchange.isWorking(w.order().id()));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void submit(WorkingOrder w, Bar bar) {
    working.put(w.order().id(), w);
    exchange.submit(w.order());
    listener.on(new OrderSubmitted(bar.time(), clock.instant(), w.order(), w.exitReason()));
  }

  private ClientOrderId exitOrderId(Plan plan) {
    int n = exitsSent.merge(plan.id(), 1, Integer::sum);
    return new ClientOrderId(plan.id().value() + "-exit-" + n);
  }

  private void cancelEntry(Plan plan, Bar bar, String reason) {
    cancelWorking(plan, false, bar, reason);
    if (plan.status() == PlanStatus.PENDING) {
      Plan after = plan.withStatus(PlanStatus.CANCELLED, bar.time());
      put(after);
      listener.on(new PlanChanged(bar.time(), clock.instant(), plan, after, reason));
    }
  }

  private void cancelExits(Plan plan, Bar bar) {
    Iterator<WorkingOrder> it = working.values().iterator();
    while (it.hasNext()) {
      WorkingOrder w = it.next();
      if (!w.entry() && plan.id().equals(w.order().planId()) && exchange.cancel(w.order().id())) {
        it.remove();
        listener.on(new OrderCancelled(bar.time(), clock.instant(), w.order(), "replaced"));
      }
    }
  }

  /** Cancels the plan's working entry, or with {@code all} every working order of the plan. */
  private void cancelWorking(Plan plan, boolean all, Bar bar, String reason) {
    Iterator<WorkingOrder> it = working.values().iterator();
    while (it.hasNext()) {
      WorkingOrder w = it.next();
      if ((all || w.entry()) && plan.id().equals(w.order().planId())) {
        if (exchange.cancel(w.order().id())) {
          listener.on(new OrderCancelled(bar.time(), clock.instant(), w.order(), reason));
        }
        it.remove();
      }
    }
  }

  private void put(Plan plan) {
    Plan old = plan.status().isOpen() ? open.put(plan.id(), plan) : open.remove(plan.id());
    adjustCount(openCount, plan.instrument(), old, plan, true);
    adjustCount(activeCount, plan.instrument(), old, plan, false);
    if (!plan.status().isOpen()) {
      exitsSent.remove(plan.id());
    }
  }

  private static void adjustCount(
      Map<Instrument, Integer> counts, Instrument instrument, Plan old, Plan now, boolean open) {
    int delta = counted(now, open) - (old == null ? 0 : counted(old, open));
    if (delta != 0) {
      counts.merge(instrument, delta, Integer::sum);
    }
  }

  private static int counted(Plan plan, boolean open) {
    boolean yes = open ? plan.status().isOpen() : plan.status() == PlanStatus.ACTIVE;
    return yes ? 1 : 0;
  }

  /** The portfolio as risk must see it: working entries count as if they had filled. */
  private LedgerSummary withWorkingEntries() {
    LedgerSummary s = portfolio.summary();
    BigDecimal gross = s.grossExposure();
    int positions = s.openPositions();
    List<Instrument> counted = new ArrayList<>();
    for (WorkingOrder w : working.values()) {
      if (!w.entry()) {
        continue;
      }
      Order o = w.order();
      BigDecimal mark = portfolio.marks().get(o.instrument().symbol());
      gross =
          gross.add(
              o.quoteAmount() != null
                  ? o.quoteAmount()
                  : o.quantity().toBigDecimal().multiply(mark == null ? BigDecimal.ZERO : mark));
      if (portfolio.ledger().position(o.instrument().symbol()) == null
          && !counted.contains(o.instrument())) {
        counted.add(o.instrument());
        positions++;
      }
    }
    return new LedgerSummary(
        s.startingCash(),
        s.cash(),
        s.equity(),
        s.realizedPnl(),
        s.unrealizedPnl(),
        s.fees(),
        gross,
        positions,
        s.fills());
  }

  // ---- PortfolioView ------------------------------------------------------------------------

  @Override
  public BigDecimal cash() {
    return portfolio.ledger().cash();
  }

  @Override
  public BigDecimal position(String symbol) {
    Position p = portfolio.ledger().position(symbol);
    return p == null ? BigDecimal.ZERO : p.quantity();
  }

  @Override
  public BigDecimal equity() {
    BigDecimal equity = portfolio.ledger().cash();
    for (Position p : portfolio.ledger().positions().values()) {
      BigDecimal mark = portfolio.marks().get(p.instrument().symbol());
      equity = equity.add(mark == null ? p.costBasis() : p.marketValue(mark));
    }
    return equity;
  }

  @Override
  public LedgerSummary summary() {
    return portfolio.summary();
  }

  @Override
  public Map<String, LedgerSummary> summaryByVersion() {
    return portfolio.summaryByVersion();
  }

  @Override
  public List<Plan> openPlans() {
    return List.copyOf(open.values());
  }
}
