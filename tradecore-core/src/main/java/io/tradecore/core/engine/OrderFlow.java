package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.CancelReason;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderRole;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.EngineEvent.EngineError;
import io.tradecore.core.engine.EngineEvent.OrderRefused;
import io.tradecore.core.engine.EngineEvent.OrderSubmitted;
import io.tradecore.core.engine.EngineEvent.PlanChanged;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.ExitSignal;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanMonitor;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.plan.Sizing;
import io.tradecore.core.risk.RiskCap;
import io.tradecore.core.risk.RiskCheck;
import io.tradecore.core.risk.RiskRefusal;
import io.tradecore.core.venue.SimulatedVenue;
import io.tradecore.core.venue.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns what the strategy and the plan monitor decide into orders: plans opened through risk,
 * entries and exits sent to the venue, cancels asked for. What the venue then does comes back
 * through {@link ReportHandler}. Not thread-safe; owned by the engine.
 */
final class OrderFlow {
  private final EngineConfig config;
  private final Portfolio portfolio;
  private final Venue venue;
  private final SimulatedVenue simulated;
  private final RiskCheck risk;
  private final Clock clock;
  private final EngineListener listener;
  private final PlanBook plans;
  private final WorkingOrders working;
  private final RiskExposure exposure;
  private String entriesHalted;

  OrderFlow(
      EngineConfig config,
      Portfolio portfolio,
      Venue venue,
      RiskCheck risk,
      Clock clock,
      EngineListener listener,
      PlanBook plans,
      WorkingOrders working,
      RiskExposure exposure) {
    this.config = config;
    this.portfolio = portfolio;
    this.venue = venue;
    this.simulated = venue instanceof SimulatedVenue s ? s : null;
    this.risk = risk;
    this.clock = clock;
    this.listener = listener;
    this.plans = plans;
    this.working = working;
    this.exposure = exposure;
  }

  // ---- strategy actions -------------------------------------------------------------------

  /** Carries out one action decided at {@code time}; the instrument of a new plan is named. */
  void act(Action action, Instant time) {
    switch (action) {
      case Action.OpenPlan a -> openPlan(a, time, "opened");
      case Action.AdjustPlan a -> adjust(a, time);
      case Action.ClosePlan a -> close(a.planId(), time, ExitReason.STRATEGY);
      case Action.CancelPlan a -> cancel(a.planId(), time);
    }
  }

  /** A plan opened, or the refusal that kept it from opening. */
  record Opened(PlanId id, RiskRefusal refusal) {}

  /**
   * Opens a plan through risk and sends its entry; the plan's change is recorded with {@code how}.
   */
  Opened openPlan(Action.OpenPlan action, Instant time, String how) {
    Instrument instrument = action.instrument();
    PlanId id = plans.nextId();
    Plan plan = Plan.pending(id, action.spec(), instrument, time, config.botVersion());
    boolean buy = plan.side() == Side.BUY;
    long limit = plan.entryLimit() == 0 ? 0 : tick(instrument, plan.entryLimit(), !buy);
    OrderType type = limit == 0 ? OrderType.MARKET : OrderType.LIMIT;
    BigDecimal mark = portfolio.mark(instrument.symbol());
    BigDecimal reference = limit != 0 ? instrument.price(limit).toBigDecimal() : mark;
    Quantity quantity = null;
    BigDecimal quote = null;
    BigDecimal value;
    RiskRefusal refusal = null;
    boolean fractions = venue.features().fractionalQuantities();
    long step = fractions ? instrument.lotSize() : instrument.wholeShareLot();
    switch (plan.sizing()) {
      case Sizing.Fixed f -> {
        // The strategy may give a quantity at any scale; orders use the instrument's, in lots
        // (whole shares too where the venue takes no fractions).
        Quantity asked = Quantity.of(f.quantity().toBigDecimal(), instrument.quantityScale());
        quantity = instrument.quantity(roundDown(asked.units(), step));
        value = reference == null ? BigDecimal.ZERO : reference.multiply(quantity.toBigDecimal());
        if (quantity.isZero()) {
          refusal = belowStep(instrument, step, asked);
          quantity = instrument.quantity(step);
        }
      }
      case Sizing.CashShare s -> {
        // Cash already committed to working entries (and held for shorts) is not spent twice.
        quote = exposure.availableCash().multiply(s.share());
        value = quote;
        if (quote.signum() <= 0) {
          // Nothing to spend: refused like any cap, with an order for the smallest quantity.
          refusal = RiskCheck.noCash(instrument.symbol(), value);
          quote = null;
          quantity = instrument.quantity(step);
        } else if (!fractions && reference != null) {
          // A venue without fractions takes quantities only: the whole lots the share buys at the
          // reference price (the fill price and fees may differ; the cash check below holds).
          Quantity asked =
              Quantity.of(
                  quote.divide(reference, instrument.quantityScale(), RoundingMode.FLOOR),
                  instrument.quantityScale());
          quantity = instrument.quantity(roundDown(asked.units(), step));
          quote = null;
          value = reference.multiply(quantity.toBigDecimal());
          if (quantity.isZero()) {
            refusal = belowStep(instrument, step, asked);
            quantity = instrument.quantity(step);
          }
        }
      }
    }
    Order order =
        new Order(
            ClientOrderId.entry(id),
            id,
            instrument,
            plan.side(),
            type,
            quantity,
            quote,
            type == OrderType.LIMIT ? instrument.price(limit) : null,
            null,
            plan.timeInForce(),
            time,
            config.botVersion());
    if (refusal == null && !buy && !venue.features().shortSelling()) {
      refusal =
          new RiskRefusal(
              RiskCap.SHORT_SELLING,
              BigDecimal.ZERO,
              value,
              instrument.symbol()
                  + ": venue "
                  + venue.name()
                  + " cannot sell short, so a plan may not sell first");
    }
    if (refusal == null && entriesHalted != null) {
      refusal =
          new RiskRefusal(
              RiskCap.VENUE_DRIFT,
              BigDecimal.ZERO,
              value,
              instrument.symbol() + ": new entries are halted: " + entriesHalted);
    }
    if (refusal == null && reference == null) {
      refusal =
          new RiskRefusal(
              RiskCap.NO_PRICE,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              instrument.symbol() + ": no price yet to value a market entry");
    }
    if (refusal == null) {
      refusal =
          risk.check(
                  instrument.symbol(),
                  plan.side(),
                  value,
                  portfolio.ledger().position(instrument.symbol()),
                  reference,
                  exposure::withWorkingEntries)
              .orElse(null);
    }
    if (refusal == null && quote == null) {
      // A buy spends the value; a short sale holds as much as margin.
      refusal = RiskCheck.cash(instrument.symbol(), value, exposure.availableCash()).orElse(null);
    }
    if (refusal != null) {
      listener.on(new OrderRefused(time, clock.instant(), order, refusal));
      return new Opened(null, refusal);
    }
    plans.put(plan);
    listener.on(new PlanChanged(time, clock.instant(), null, plan, how));
    send(new WorkingOrder(order, OrderRole.ENTRY, null), time);
    return new Opened(id, null);
  }

  private void adjust(Action.AdjustPlan action, Instant time) {
    Plan plan = plans.get(action.planId());
    if (plan == null) {
      return;
    }
    try {
      // An entry limit still matters while the plan waits for its entry.
      long entry = plan.status() == PlanStatus.PENDING ? plan.entryLimit() : 0;
      PlanSpec.checkLevels(plan.side(), entry, action.stop(), action.target());
    } catch (IllegalArgumentException e) {
      listener.on(
          new EngineError(
              time,
              clock.instant(),
              "strategy",
              plan.id() + " keeps its levels: " + e.getMessage()));
      return;
    }
    Plan after = plan.withLevels(action.stop(), action.target(), action.trailDistance(), time);
    plans.put(after);
    listener.on(new PlanChanged(time, clock.instant(), plan, after, "adjusted"));
    moveProtection(after, time);
  }

  /** Moves an open plan's stop and target from outside the strategy; false if it is not open. */
  boolean adjustLevels(PlanId id, long stop, long target, Instant at, String reason) {
    Plan plan = plans.get(id);
    if (plan == null) {
      return false;
    }
    Plan after = plan.withLevels(stop, target, plan.trailDistance(), at);
    plans.put(after);
    listener.on(new PlanChanged(at, clock.instant(), plan, after, reason));
    moveProtection(after, at);
    return true;
  }

  /**
   * Closes a plan: withdraws its entry and exits what it holds at the market, for {@code reason}.
   */
  void close(PlanId id, Instant time, ExitReason reason) {
    Plan plan = plans.get(id);
    if (plan == null) {
      return;
    }
    plans.markClosing(id, reason);
    cancelOrders(plan, true, false, CancelReason.PLAN_CLOSED);
    if (plan.status() != PlanStatus.ACTIVE) {
      return;
    }
    cancelOrders(plan, false, true, CancelReason.REPLACED);
    if (keepsProtection() && !working.ofPlan(id, false, true).isEmpty()) {
      // The protection resting at the venue may fill meanwhile: the market exit goes once the
      // venue has confirmed it cancelled (ReportHandler), so the plan never exits twice.
      return;
    }
    exitAtMarket(plan, plan.openQuantity(), time);
  }

  /**
   * Sends a market order that exits {@code quantity} of the plan, for the reason it is being closed
   * (the strategy's, unless a trader closed it).
   */
  void exitAtMarket(Plan plan, Quantity quantity, Instant time) {
    if (quantity.isZero()) {
      return;
    }
    Order order =
        Order.market(
            plans.nextExitId(plan),
            plan.id(),
            plan.instrument(),
            plan.side().opposite(),
            quantity,
            time,
            config.botVersion());
    send(new WorkingOrder(order, OrderRole.EXIT, plans.closingReason(plan.id())), time);
  }

  private void cancel(PlanId id, Instant time) {
    Plan plan = plans.get(id);
    if (plan != null) {
      cancelOrders(plan, true, false, CancelReason.PLAN_CANCELLED);
    }
  }

  // ---- exits from the monitor ---------------------------------------------------------------

  /**
   * Sends the exit the monitor found on {@code bar}: a simulated venue matches it against that bar,
   * a live one trades it from now on.
   */
  void exit(Plan plan, ExitSignal signal, Bar bar) {
    cancelOrders(plan, true, false, CancelReason.EXIT_TRIGGERED);
    Instrument instrument = plan.instrument();
    boolean stop = signal.orderType() == OrderType.STOP;
    boolean sell = plan.side() == Side.BUY;
    // A sell stop rounds down and a sell limit up (a buy the other way): never more eager.
    long level = tick(instrument, signal.level(), stop ? !sell : sell);
    Order order =
        new Order(
            plans.nextExitId(plan),
            plan.id(),
            instrument,
            plan.side().opposite(),
            signal.orderType(),
            plan.openQuantity(),
            null,
            stop ? null : instrument.price(level),
            stop ? instrument.price(level) : null,
            TimeInForce.GTC,
            bar.time(),
            plan.botVersion());
    WorkingOrder w = new WorkingOrder(order, OrderRole.EXIT, signal.reason());
    working.add(w);
    listener.on(new OrderSubmitted(bar.time(), clock.instant(), order, w.exitReason));
    if (simulated != null) {
      simulated.submitTriggered(order, bar);
    } else {
      venue.submit(order);
    }
  }

  void trail(Bar bar, PlanMonitor monitor) {
    List<Plan> active = plans.activeLive(bar.instrument());
    for (int i = 0; i < active.size(); i++) {
      Plan plan = active.get(i);
      Plan after = monitor.trail(plan, bar);
      if (after != plan) {
        plans.put(after);
        listener.on(new PlanChanged(bar.time(), clock.instant(), plan, after, "trailed"));
        moveProtection(after, bar.time());
      }
    }
  }

  /** Halts new entries while {@code why} is not null (ledger and venue disagree), else resumes. */
  void haltEntries(String why) {
    this.entriesHalted = why;
  }

  // ---- protection resting at the venue -----------------------------------------------------

  /** True when the venue keeps plans' stops and targets as orders of its own. */
  boolean keepsProtection() {
    return venue.features().protectiveOrders();
  }

  /**
   * Places an active plan's stop and target at a venue that keeps them, once its entry is done (so
   * one pair covers the whole position): a stop and a limit that cancel each other.
   */
  void protect(Plan plan, Instant at) {
    if (!keepsProtection()
        || plan.status() != PlanStatus.ACTIVE
        || plans.isClosing(plan.id())
        || plan.openQuantity().isZero()
        || !working.ofPlan(plan.id(), false, true).isEmpty()) {
      return;
    }
    long stopLevel = plan.effectiveStop();
    Order stop =
        stopLevel == 0
            ? null
            : protective(plan, OrderType.STOP, stopLevel, plan.openQuantity(), at);
    Order target =
        plan.target() == 0
            ? null
            : protective(plan, OrderType.LIMIT, plan.target(), plan.openQuantity(), at);
    if (stop == null && target == null) {
      return;
    }
    for (Order o : new Order[] {stop, target}) {
      if (o != null) {
        WorkingOrder w = new WorkingOrder(o, OrderRole.EXIT, protectionReason(plan, o));
        working.add(w);
        listener.on(new OrderSubmitted(at, clock.instant(), o, w.exitReason));
      }
    }
    venue.protect(stop, target);
  }

  /**
   * Replaces the protective orders whose level no longer matches the plan's (a trailed, widened or
   * adjusted stop or target). The old order stays counted until the venue ends it, so a fill that
   * beat the replacement still closes the plan.
   */
  private void moveProtection(Plan plan, Instant at) {
    if (!keepsProtection() || plan.status() != PlanStatus.ACTIVE) {
      return;
    }
    for (WorkingOrder w : working.ofPlan(plan.id(), false, true)) {
      if (w.cancelRequested != null || w.order.type() == OrderType.MARKET) {
        continue;
      }
      boolean stop = w.order.type() == OrderType.STOP;
      long wanted = stop ? plan.effectiveStop() : plan.target();
      if (wanted == 0) {
        continue;
      }
      Order replacement = protective(plan, w.order.type(), wanted, plan.openQuantity(), at);
      long now = stop ? w.order.stopPrice().units() : w.order.limitPrice().units();
      long next = stop ? replacement.stopPrice().units() : replacement.limitPrice().units();
      if (now == next) {
        continue;
      }
      w.cancelRequested = CancelReason.REPLACED;
      WorkingOrder moved =
          new WorkingOrder(replacement, OrderRole.EXIT, protectionReason(plan, replacement));
      working.add(moved);
      listener.on(new OrderSubmitted(at, clock.instant(), replacement, moved.exitReason));
      venue.replace(w.order.id(), replacement);
    }
  }

  private Order protective(Plan plan, OrderType type, long level, Quantity quantity, Instant at) {
    Instrument instrument = plan.instrument();
    boolean stop = type == OrderType.STOP;
    boolean sell = plan.side() == Side.BUY;
    // A sell stop rounds down and a sell limit up (a buy the other way): never more eager.
    long price = tick(instrument, level, stop ? !sell : sell);
    return new Order(
        plans.nextExitId(plan),
        plan.id(),
        instrument,
        plan.side().opposite(),
        type,
        quantity,
        null,
        stop ? null : instrument.price(price),
        stop ? instrument.price(price) : null,
        TimeInForce.GTC,
        at,
        plan.botVersion());
  }

  private static ExitReason protectionReason(Plan plan, Order order) {
    if (order.type() != OrderType.STOP) {
      return ExitReason.TARGET;
    }
    boolean trailing = plan.trailStop() != 0 && plan.effectiveStop() == plan.trailStop();
    return trailing && plan.trailStop() != plan.stop() ? ExitReason.TRAILING_STOP : ExitReason.STOP;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void send(WorkingOrder w, Instant time) {
    working.add(w);
    listener.on(new OrderSubmitted(time, clock.instant(), w.order, w.exitReason));
    venue.submit(w.order);
  }

  /** Asks the venue to cancel the plan's working entries and/or exits, for {@code reason}. */
  void cancelOrders(Plan plan, boolean entries, boolean exits, CancelReason reason) {
    for (WorkingOrder w : working.ofPlan(plan.id(), entries, exits)) {
      if (w.cancelRequested == null) {
        w.cancelRequested = reason;
        venue.cancel(w.order.id());
      }
    }
  }

  private static long roundDown(long units, long step) {
    return units - Math.floorMod(units, step);
  }

  /** The refusal of a quantity below one step: a lot, or a whole share on a venue without them. */
  private static RiskRefusal belowStep(Instrument instrument, long step, Quantity asked) {
    if (step == instrument.lotSize()) {
      return RiskCheck.belowLot(instrument.symbol(), instrument.quantity(step), asked);
    }
    return RiskCheck.belowWholeShares(instrument.symbol(), instrument.quantity(step), asked);
  }

  /** {@code units} on the tick grid, rounded up or down. */
  private static long tick(Instrument instrument, long units, boolean up) {
    return up ? instrument.tickUp(units) : instrument.tickDown(units);
  }
}
