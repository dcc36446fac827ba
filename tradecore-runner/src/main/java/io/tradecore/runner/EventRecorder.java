package io.tradecore.runner;

import io.tradecore.core.domain.CancelReason;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.store.FillRepository;
import io.tradecore.store.OrderRecord;
import io.tradecore.store.OrderRepository;
import io.tradecore.store.PlanRepository;
import io.tradecore.store.RefusalRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Collects what the engine did during one market event and writes it in the caller's transaction:
 * orders, fills, plan changes and refusals, so the effects of one event commit together.
 */
final class EventRecorder implements EngineListener {
  private final PortfolioId portfolio;
  private final RunId run;
  private final List<EngineEvent> pending = new ArrayList<>();
  private final List<OrderRecord> closedOrders = new ArrayList<>();
  private final Map<ClientOrderId, OrderRecord> orders = new HashMap<>();
  private final OrderRepository orderRepo = new OrderRepository();
  private final FillRepository fillRepo = new FillRepository();
  private final PlanRepository planRepo = new PlanRepository();
  private final RefusalRepository refusalRepo = new RefusalRepository();
  private String fillSource = "engine";
  private long fillsApplied;

  EventRecorder(PortfolioId portfolio, RunId run) {
    this.portfolio = portfolio;
    this.run = run;
  }

  /** Remembers a working order's role, so later status changes keep it. */
  void know(OrderRecord record) {
    orders.put(record.order().id(), record);
  }

  /** Records, with the next flush, that an order stopped working at the exchange. */
  void closed(OrderRecord record, String status, java.time.Instant at) {
    closedOrders.add(
        new OrderRecord(
            record.order(), record.entry(), record.exitReason(), status, record.run(), at));
  }

  void fillSource(String source) {
    this.fillSource = source;
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

  long fillsApplied() {
    return fillsApplied;
  }

  /** Writes the pending events with {@code h} and forgets them. */
  void flush(Handle h) {
    for (EngineEvent e : pending) {
      switch (e) {
        case EngineEvent.OrderSubmitted s -> {
          OrderRecord r =
              new OrderRecord(
                  s.order(), s.exitReason() == null, s.exitReason(), "WORKING", run, s.time());
          orders.put(s.order().id(), r);
          orderRepo.upsert(h, portfolio, r);
        }
        case EngineEvent.OrderFilled f -> {
          if (fillRepo.insertIfAbsent(h, portfolio, f.fill(), run, fillSource)) {
            fillsApplied++;
          }
          OrderRecord r = orders.get(f.fill().orderId());
          if (r != null && f.orderDone()) {
            orderRepo.upsert(h, portfolio, withStatus(r, "FILLED", f));
          }
        }
        case EngineEvent.OrderCancelled c -> {
          OrderRecord r = orders.get(c.order().id());
          String status = c.reason() == CancelReason.EXPIRED ? "EXPIRED" : "CANCELLED";
          OrderRecord base =
              r != null ? r : new OrderRecord(c.order(), false, null, status, run, c.time());
          orderRepo.upsert(h, portfolio, withStatus(base, status, c));
        }
        case EngineEvent.OrderRefused r -> {
          refusalRepo.insertIfAbsent(h, portfolio, r.order(), r.refusal(), run, r.time());
          orderRepo.upsert(
              h, portfolio, new OrderRecord(r.order(), true, null, "REFUSED", run, r.time()));
        }
        case EngineEvent.PlanChanged p -> planRepo.save(h, portfolio, p.after(), p.reason(), run);
        case EngineEvent.OrderRejected r -> {
          OrderRecord known = orders.get(r.order().id());
          OrderRecord base =
              known != null
                  ? known
                  : new OrderRecord(r.order(), true, null, "REJECTED", run, r.time());
          orderRepo.upsert(h, portfolio, withStatus(base, "REJECTED", r));
        }
        case EngineEvent.SignalEmitted s -> {}
        case EngineEvent.OrderAccepted a -> {}
        case EngineEvent.DecisionMade d -> {}
        case EngineEvent.EngineError err -> {}
      }
    }
    pending.clear();
    closedOrders.forEach(r -> orderRepo.upsert(h, portfolio, r));
    closedOrders.clear();
  }

  private static OrderRecord withStatus(OrderRecord r, String status, EngineEvent e) {
    return new OrderRecord(r.order(), r.entry(), r.exitReason(), status, r.run(), e.time());
  }
}
