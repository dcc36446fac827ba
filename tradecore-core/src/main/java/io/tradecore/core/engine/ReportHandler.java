package io.tradecore.core.engine;

import io.tradecore.core.domain.CancelReason;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderRole;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.engine.EngineEvent.EngineError;
import io.tradecore.core.engine.EngineEvent.OrderAccepted;
import io.tradecore.core.engine.EngineEvent.OrderCancelled;
import io.tradecore.core.engine.EngineEvent.OrderFilled;
import io.tradecore.core.engine.EngineEvent.OrderRejected;
import io.tradecore.core.engine.EngineEvent.OrderSubmitted;
import io.tradecore.core.engine.EngineEvent.PlanChanged;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanMonitor;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.venue.ExecutionReport;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Applies what the venue reports to the ledger and the plans: fills move cash, positions and plan
 * quantities; cancels, expiries and rejections end orders and, for an entry that never filled, the
 * plan. Not thread-safe; owned by the engine.
 */
final class ReportHandler {
  private final Portfolio portfolio;
  private final Clock clock;
  private final EngineListener listener;
  private final PlanBook plans;
  private final WorkingOrders working;
  private final OrderFlow flow;
  private final PlanMonitor monitor;

  ReportHandler(
      Portfolio portfolio,
      Clock clock,
      EngineListener listener,
      PlanBook plans,
      WorkingOrders working,
      OrderFlow flow,
      PlanMonitor monitor) {
    this.portfolio = portfolio;
    this.clock = clock;
    this.listener = listener;
    this.plans = plans;
    this.working = working;
    this.flow = flow;
    this.monitor = monitor;
  }

  void apply(ExecutionReport report) {
    switch (report) {
      case ExecutionReport.Accepted a -> {
        WorkingOrder w = working.get(a.orderId());
        if (w != null) {
          listener.on(new OrderAccepted(a.time(), clock.instant(), w.order, a.venueOrderId()));
        }
      }
      case ExecutionReport.Rejected r -> rejected(r);
      case ExecutionReport.PartiallyFilled p -> filled(p.fill(), false);
      case ExecutionReport.Filled f -> filled(f.fill(), true);
      case ExecutionReport.Cancelled c -> ended(c.orderId(), null, c.time());
      case ExecutionReport.Expired e -> ended(e.orderId(), CancelReason.EXPIRED, e.time());
    }
  }

  /**
   * Takes on an order of one of our plans that the venue has and we had lost (a crash between the
   * venue's commit and ours): its role comes from its id, an exit's reason from its type.
   */
  void adopt(Order order) {
    if (working.contains(order.id()) || order.planId() == null) {
      return;
    }
    ClientOrderId.Parts parts = order.id().parse().orElse(null);
    boolean entry = parts != null && parts.role() == OrderRole.ENTRY;
    ExitReason reason = null;
    if (!entry) {
      Plan plan = plans.get(order.planId());
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
      if (parts != null) {
        plans.exitSeen(order.planId(), parts.exitNumber());
      }
    }
    WorkingOrder w = new WorkingOrder(order, entry ? OrderRole.ENTRY : OrderRole.EXIT, reason);
    working.add(w);
    // Recorded as submitted when it was, so the portfolio's books hold the order behind the fill.
    listener.on(new OrderSubmitted(order.createdAt(), clock.instant(), order, reason));
  }

  private void rejected(ExecutionReport.Rejected r) {
    WorkingOrder w = working.remove(r.orderId());
    if (w == null) {
      return;
    }
    listener.on(new OrderRejected(r.time(), clock.instant(), w.order, r.reason()));
    listener.on(
        new EngineError(
            r.time(),
            clock.instant(),
            "order-rejected",
            w.order.instrument().symbol() + " order " + w.order.id() + " rejected: " + r.reason()));
    Plan plan = w.order.planId() == null ? null : plans.get(w.order.planId());
    if (w.entry() && plan != null && plan.status() == PlanStatus.PENDING) {
      Plan after = plan.withStatus(PlanStatus.CANCELLED, r.time());
      plans.put(after);
      listener.on(new PlanChanged(r.time(), clock.instant(), plan, after, "entry rejected"));
    }
  }

  private void filled(Fill fill, boolean orderDone) {
    portfolio.apply(fill);
    listener.on(new OrderFilled(fill.time(), clock.instant(), fill, orderDone));
    WorkingOrder w = working.get(fill.orderId());
    if (w != null) {
      w.recordFill(fill);
      if (orderDone) {
        working.remove(fill.orderId());
      }
    }
    Plan plan = fill.planId() == null ? null : plans.get(fill.planId());
    if (w == null || plan == null) {
      return;
    }
    Instant at = fill.time();
    Plan after;
    String reason;
    if (w.entry()) {
      after = plan.withFills(plan.filled().plus(fill.quantity()), plan.exited(), at);
      if (plan.status() == PlanStatus.PENDING) {
        after =
            monitor.startTrail(after.withStatus(PlanStatus.ACTIVE, at), fill.price().units(), at);
        reason = "entry filled";
      } else {
        reason = "entry added";
      }
      plans.put(after);
      listener.on(new PlanChanged(at, clock.instant(), plan, after, reason));
      if (plans.isClosing(plan.id())) {
        // The strategy closed the plan while its entry was still filling: exit this part too.
        flow.exitAtMarket(after, fill.quantity(), at);
      } else if (orderDone) {
        flow.protect(after, at);
      }
      return;
    }
    Quantity exited = plan.exited().plus(fill.quantity());
    if (exited.compareTo(plan.filled()) > 0) {
      listener.on(
          new EngineError(
              at,
              clock.instant(),
              "over-exit",
              plan.id()
                  + " exited "
                  + exited
                  + " but held "
                  + plan.filled()
                  + "; the ledger keeps the difference as a position of its own"));
      exited = plan.filled();
    }
    after = plan.withFills(plan.filled(), exited, at).withExitReason(w.exitReason, at);
    if (after.openQuantity().isZero()) {
      flow.cancelOrders(plan, true, true, CancelReason.PLAN_CLOSED);
      after = after.withStatus(PlanStatus.CLOSED, at);
      reason = "closed by " + w.exitReason.name().toLowerCase(Locale.ROOT);
    } else {
      reason = "exit part-filled";
    }
    plans.put(after);
    listener.on(new PlanChanged(at, clock.instant(), plan, after, reason));
  }

  /** An order ended unfilled or part-filled: cancelled ({@code why} null: as asked) or expired. */
  private void ended(ClientOrderId id, CancelReason why, Instant at) {
    WorkingOrder w = working.remove(id);
    if (w == null) {
      return;
    }
    CancelReason reason =
        why != null ? why : w.cancelRequested != null ? w.cancelRequested : CancelReason.VENUE;
    listener.on(new OrderCancelled(at, clock.instant(), w.order, reason));
    Plan plan = w.order.planId() == null ? null : plans.get(w.order.planId());
    if (plan != null && plan.status() == PlanStatus.ACTIVE && flow.keepsProtection()) {
      if (w.entry()) {
        // An entry that ended part-filled: its part is protected now.
        flow.protect(plan, at);
      } else if (plans.isClosing(plan.id()) && working.ofPlan(plan.id(), false, true).isEmpty()) {
        // The protection is off the venue: the plan's close goes out now, once.
        flow.exitAtMarket(plan, plan.openQuantity(), at);
      }
    }
    if (w.entry() && plan != null && plan.status() == PlanStatus.PENDING) {
      Plan after = plan.withStatus(PlanStatus.CANCELLED, at);
      plans.put(after);
      String text =
          switch (reason) {
            case EXPIRED -> "entry expired";
            case VENUE -> "entry cancelled";
            default -> reason.text();
          };
      listener.on(new PlanChanged(at, clock.instant(), plan, after, text));
    }
  }

  /** Forgets an order the venue reports as filled whose fills are all in the ledger. */
  void forgetFilled(ClientOrderId id) {
    working.remove(id);
  }
}
