package io.tradecore.core.engine;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio's open plans, whichever run made them: their latest state, counts per instrument,
 * the plan ids and exit order numbers handed out, and which plans are being closed. Closed and
 * cancelled plans leave the book. Not thread-safe; owned by the engine.
 */
final class PlanBook {
  private final String prefix;
  private final Map<PlanId, Plan> open = new LinkedHashMap<>();

  /** Each instrument's open plans, counted: asked by strategies on every decision, so kept. */
  private final Map<Instrument, int[]> openCount = new HashMap<>();

  private Instrument lastCounted;
  private int[] lastCount;
  private final Map<PlanId, Integer> exitsSent = new HashMap<>();
  private final Map<PlanId, ExitReason> closing = new HashMap<>();
  private long sequence;

  /** Each instrument's active plans, in the book's order: asked about on every bar, so kept. */
  private final Map<Instrument, List<Plan>> active = new HashMap<>();

  private Instrument lastAsked;
  private List<Plan> lastActive;

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

  /**
   * Puts back an open plan (from a store) with the number of exits it has sent. Later plan ids go
   * past its own: a plan stored ahead of the commit that would have moved the sequence on (an entry
   * written before it went to a broker) never has its id handed out again.
   */
  void restore(Plan plan, int exits) {
    if (plan.status().isOpen()) {
      put(plan);
      if (exits > 0) {
        exitsSent.put(plan.id(), exits);
      }
      String id = plan.id().value();
      if (id.startsWith(prefix)) {
        try {
          sequence = Math.max(sequence, Long.parseLong(id.substring(prefix.length())) + 1);
        } catch (NumberFormatException e) {
          // Not one of this book's numbered ids.
        }
      }
    }
  }

  /** Records the plan's new state; a plan that is no longer open leaves the book. */
  void put(Plan plan) {
    Plan old = plan.status().isOpen() ? open.put(plan.id(), plan) : open.remove(plan.id());
    int delta = (plan.status().isOpen() ? 1 : 0) - (old != null && old.status().isOpen() ? 1 : 0);
    if (delta != 0) {
      countOf(plan.instrument())[0] += delta;
    }
    boolean was = old != null && old.status() == PlanStatus.ACTIVE;
    boolean is = plan.status() == PlanStatus.ACTIVE;
    if (was && is) {
      List<Plan> list = activeOf(plan.instrument());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).id().equals(plan.id())) {
          list.set(i, plan);
          break;
        }
      }
    } else if (was || is) {
      List<Plan> list = activeOf(plan.instrument());
      list.clear();
      for (Plan p : open.values()) {
        if (p.instrument().equals(plan.instrument()) && p.status() == PlanStatus.ACTIVE) {
          list.add(p);
        }
      }
    }
    if (!plan.status().isOpen()) {
      exitsSent.remove(plan.id());
      closing.remove(plan.id());
    }
  }

  /**
   * Marks a plan the strategy (or a trader, {@code reason}) asked to close: whatever of its entry
   * still fills is exited too, for that reason.
   */
  void markClosing(PlanId id, ExitReason reason) {
    closing.put(id, reason);
  }

  boolean isClosing(PlanId id) {
    return closing.containsKey(id);
  }

  /** Why the plan is being closed: its exits carry this reason. */
  ExitReason closingReason(PlanId id) {
    return closing.getOrDefault(id, ExitReason.STRATEGY);
  }

  boolean hasActive(Instrument instrument) {
    return !activeOf(instrument).isEmpty();
  }

  /** The instrument's active plans as they are now (the book may change while they are worked). */
  List<Plan> active(Instrument instrument) {
    return List.copyOf(activeOf(instrument));
  }

  /**
   * The instrument's active plans, live: a plan {@link #put} with its status unchanged takes its
   * place, so a caller may go through it by index while it moves stops; no one else may change it.
   */
  List<Plan> activeLive(Instrument instrument) {
    return activeOf(instrument);
  }

  private List<Plan> activeOf(Instrument instrument) {
    if (instrument != lastAsked) {
      lastActive = active.computeIfAbsent(instrument, i -> new ArrayList<>(2));
      lastAsked = instrument;
    }
    return lastActive;
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
    return countOf(instrument)[0];
  }

  private int[] countOf(Instrument instrument) {
    if (instrument != lastCounted) {
      lastCount = openCount.computeIfAbsent(instrument, i -> new int[1]);
      lastCounted = instrument;
    }
    return lastCount;
  }

  List<Plan> all() {
    return List.copyOf(open.values());
  }
}
