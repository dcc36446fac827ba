package io.tradecore.core.engine;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.PlanId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The orders the engine has working at the venue, in the order they were sent. Not thread-safe. */
final class WorkingOrders {
  private final Map<ClientOrderId, WorkingOrder> byId = new LinkedHashMap<>();

  void add(WorkingOrder w) {
    byId.put(w.order.id(), w);
  }

  WorkingOrder get(ClientOrderId id) {
    return byId.get(id);
  }

  WorkingOrder remove(ClientOrderId id) {
    return byId.remove(id);
  }

  boolean contains(ClientOrderId id) {
    return byId.containsKey(id);
  }

  Collection<WorkingOrder> all() {
    return byId.values();
  }

  boolean isEmpty() {
    return byId.isEmpty();
  }

  /** True when the plan has an exit working that we have not asked to cancel. */
  boolean hasLiveExit(PlanId plan) {
    for (WorkingOrder w : byId.values()) {
      if (!w.entry() && w.cancelRequested == null && plan.equals(w.order.planId())) {
        return true;
      }
    }
    return false;
  }

  /** The plan's working orders, entries with {@code entries}, exits with {@code exits}. */
  List<WorkingOrder> ofPlan(PlanId plan, boolean entries, boolean exits) {
    List<WorkingOrder> out = new ArrayList<>(1);
    for (WorkingOrder w : byId.values()) {
      if (plan.equals(w.order.planId()) && (w.entry() ? entries : exits)) {
        out.add(w);
      }
    }
    return out;
  }
}
