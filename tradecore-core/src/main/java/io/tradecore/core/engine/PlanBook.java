package io.tradecore.core.engine;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The portfolio's open plans, whichever run made them: their latest state, counts per instrument,
 * the plan ids and exit order numbers handed out, and which plans are being closed. Closed and
 * cancelled plans leave the book. Not thread-safe; owned by the engine.
 */
final class PlanBook {
  private final String prefix;
  private final Map<PlanId, Plan> open = new LinkedHashMap<>();
  private final Map<Instrument, Integer> openCount = new HashMap<>();
  private final Map<Instrument, Integer> activeCount = new HashMap<>();
  private final Map<PlanId, Integer> exitsSent = new HashMap<>();
  private final Set<PlanId> closing = new HashSet<>();
  private long sequence;

  PlanBook(String prefix, long firstSequence) {
    this.prefix = prefix;
    this.sequence = firstSequence;
  }

  PlanId nextId() {
    return new PlanId(prefix + sequence++);
  }

  long nextSequence() {
    return sequence;
  }

  /** The id of the plan's next exit order. */
  ClientOrderId nextExitId(Plan plan) {
    return ClientOrderId.exit(plan.id(), exitsSent.merge(plan.id(), 1, Integer::sum));
  }

  /** Makes sure later exit numbers of the plan go past {@code n} (an exit found at the venue). */
  void exitSeen(PlanId plan, int n) {
    exitsSent.merge(plan, n, Math::max);
  }

  Plan get(PlanId id) {
    return open.get(id);
  }

  /** Puts back an open plan (from a store) with the number of exits it has sent. */
  void restore(Plan plan, int exits) {
    if (plan.status().isOpen()) {
      put(plan);
      if (exits > 0) {
        exitsSent.put(plan.id(), exits);
      }
    }
  }

  /** Records the plan's new state; a plan that is no longer open leaves the book. */
  void put(Plan plan) {
    Plan old = plan.status().isOpen() ? open.put(plan.id(), plan) : open.remove(plan.id());
    adjust(openCount, plan.instrument(), old, plan, true);
    adjust(activeCount, plan.instrument(), old, plan, false);
    if (!plan.status().isOpen()) {
      exitsSent.remove(plan.id());
      closing.remove(plan.id());
    }
  }

  /** Marks a plan the strategy asked to close: whatever of its entry still fills is exited too. */
  void markClosing(PlanId id) {
    closing.add(id);
  }

  boolean isClosing(PlanId id) {
    return closing.contains(id);
  }

  boolean hasActive(Instrument instrument) {
    return activeCount.getOrDefault(instrument, 0) > 0;
  }

  List<Plan> active(Instrument instrument) {
    List<Plan> out = new ArrayList<>(2);
    for (Plan p : open.values()) {
      if (p.instrument().equals(instrument) && p.status() == PlanStatus.ACTIVE) {
        out.add(p);
      }
    }
    return out;
  }

  List<Plan> open(Instrument instrument) {
    List<Plan> out = new ArrayList<>(2);
    for (Plan p : open.values()) {
      if (p.instrument().equals(instrument)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  int openCount(Instrument instrument) {
    return openCount.getOrDefault(instrument, 0);
  }

  List<Plan> all() {
    return List.copyOf(open.values());
  }

  private static void adjust(
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
}
