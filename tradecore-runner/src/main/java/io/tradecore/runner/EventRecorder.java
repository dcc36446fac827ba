package io.tradecore.runner;

import io.tradecore.core.domain.CancelReason;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.store.DecisionRepository;
import io.tradecore.store.FillRepository;
import io.tradecore.store.OrderRecord;
import io.tradecore.store.OrderRepository;
import io.tradecore.store.PlanRepository;
import io.tradecore.store.RefusalRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Collects what the engine did during one moment and writes it in the caller's transaction: orders,
 * fills, plan changes, refusals and the strategy's decision, so the effects of one moment commit
 * together. What it collected is kept until {@link #committed}, so a transaction that failed and is
 * tried again writes it all again.
 */
final class EventRecorder implements EngineListener {
  private final PortfolioId portfolio;
  private final RunId run;
  private final List<EngineEvent> pending = new ArrayList<>();
  private final List<OrderRecord> closedOrders = new ArrayList<>();
  private final Map<ClientOrderId, OrderRecord> orders = new HashMap<>();

  /** Pending events a transaction of their own has written ahead of the moment's commit. */
  private final Set<EngineEvent> writtenAhead = Collections.newSetFromMap(new IdentityHashMap<>());

  private final OrderRepository orderRepo = new OrderRepository();
  private final FillRepository fillRepo = new FillRepository();
  private final PlanRepository planRepo = new PlanRepository();
  private final RefusalRepository refusalRepo = new RefusalRepository();
  private final DecisionRepository decisionRepo = new DecisionRepository();

  EventRecorder(PortfolioId portfolio, RunId run) {
    this.portfolio = portfolio;
    this.run = run;
  }

  /** Remembers a working order's role, so later status changes keep it. */
  void know(OrderRecord record) {
    orders.put(record.order().id(), record);
  }

  /** Records, with the next flush, that an order stopped working at the exchange. */
  void closed(OrderRecord record, OrderStatus status, java.time.Instant at) {
    closedOrders.add(
        new OrderRecord(
            record.order(), record.entry(), record.exitReason(), status, record.run(), at));
  }

  @Override
  public void on(EngineEvent event) {
    pending.add(event);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  List<EngineEvent> pending() {
    return List.copyOf(pending);
  }

  /** The pending events from the {@code from}th on. */
  List<EngineEvent> pendingFrom(int from) {
    return List.copyOf(pending.subList(from, pending.size()));
  }

  /**
   * Writes the pending events with {@code h}, but for those written ahead; they are kept until
   * {@link #committed}.
   */
  void flush(Handle h) {
    for (EngineEvent e : pending) {
      if (!writtenAhead.contains(e)) {
        write(h, e);
      }
    }
    closedOrders.forEach(r -> orderRepo.upsert(h, portfolio, r));
  }

  /**
   * The pending events that open the plan of entry order {@code entry} (the plan as opened, the
   * order working) and are not written yet: what {@link #writeAhead} makes durable before the entry
   * goes out.
   */
  List<EngineEvent> opening(Order entry) {
    List<EngineEvent> out = new ArrayList<>();
    for (EngineEvent e : pending) {
      boolean ofEntry =
          switch (e) {
            case EngineEvent.PlanChanged p -> p.after().id().equals(entry.planId());
            case EngineEvent.OrderSubmitted s -> s.order().id().equals(entry.id());
            default -> false;
          };
      if (ofEntry && !writtenAhead.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Writes {@code events} with {@code h}, ahead of the moment's commit. */
  void writeAhead(Handle h, List<EngineEvent> events) {
    events.forEach(e -> write(h, e));
  }

  /** Leaves {@code events} out of the moment's commit: a transaction of their own wrote them. */
  void writtenAhead(List<EngineEvent> events) {
    writtenAhead.addAll(events);
  }

  private void write(Handle h, EngineEvent e) {
    switch (e) {
      case EngineEvent.OrderSubmitted s -> {
        OrderRecord r =
            new OrderRecord(
                s.order(),
                s.exitReason() == null,
                s.exitReason(),
                OrderStatus.WORKING,
                run,
                s.time());
        orders.put(s.order().id(), r);
        orderRepo.upsert(h, portfolio, r);
      }
      case EngineEvent.OrderFilled f -> {
        fillRepo.insertIfAbsent(h, portfolio, f.fill(), run, "engine");
        OrderRecord r = orders.get(f.fill().orderId());
        if (r != null && f.orderDone()) {
          orderRepo.upsert(h, portfolio, withStatus(r, OrderStatus.FILLED, f));
        }
      }
      case EngineEvent.OrderCancelled c -> {
        OrderRecord r = orders.get(c.order().id());
        OrderStatus status =
            c.reason() == CancelReason.EXPIRED ? OrderStatus.EXPIRED : OrderStatus.CANCELLED;
        OrderRecord base =
            r != null ? r : new OrderRecord(c.order(), false, null, status, run, c.time());
        orderRepo.upsert(h, portfolio, withStatus(base, status, c));
      }
      case EngineEvent.OrderRefused r -> {
        refusalRepo.insertIfAbsent(h, portfolio, r.order(), r.refusal(), run, r.time());
        orderRepo.upsert(
            h,
            portfolio,
            new OrderRecord(r.order(), true, null, OrderStatus.REFUSED, run, r.time()));
      }
      case EngineEvent.PlanChanged p -> planRepo.save(h, portfolio, p.after(), p.reason(), run);
      case EngineEvent.OrderRejected r -> {
        OrderRecord known = orders.get(r.order().id());
        OrderRecord base =
            known != null
                ? known
                : new OrderRecord(r.order(), true, null, OrderStatus.REJECTED, run, r.time());
        orderRepo.upsert(h, portfolio, withStatus(base, OrderStatus.REJECTED, r));
      }
      case EngineEvent.SignalEmitted s -> {}
      case EngineEvent.OrderAccepted a -> {}
      case EngineEvent.DecisionMade d -> {
        if (!d.replayed()) {
          decisionRepo.insertIfAbsent(
              h, portfolio, d.time(), d.strategy(), d.actions(), run, d.seenAt());
        }
      }
      case EngineEvent.EngineError err -> {}
    }
  }

  /** Forgets what was written: its transaction has committed. */
  void committed() {
    pending.clear();
    closedOrders.clear();
    writtenAhead.clear();
  }

  private static OrderRecord withStatus(OrderRecord r, OrderStatus status, EngineEvent e) {
    return new OrderRecord(r.order(), r.entry(), r.exitReason(), status, r.run(), e.time());
  }
}
