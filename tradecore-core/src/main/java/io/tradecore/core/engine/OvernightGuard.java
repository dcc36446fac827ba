package io.tradecore.core.engine;

import io.tradecore.core.calendar.MarketDays;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.indicator.Atr;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's side of the {@link OvernightRule}: when an instrument's bar is the first after its
 * session ended (a later trading day, or a bar outside the session after one inside), the active
 * plans of that instrument are widened, as of the previous bar's close, before the bar is checked;
 * they are put back once a bar inside the session has been checked. So a gap through a plan's
 * normal stop at the next open is judged against the widened stop. Not thread-safe; owned by the
 * engine.
 */
final class OvernightGuard {
  private final PlanBook plans;
  private final OrderFlow flow;
  private final Map<Instrument, Seen> last = new HashMap<>();
  private final Map<Instrument, Atr> atr = new HashMap<>();
  private OvernightRule rule = OvernightRule.NONE;
  private MarketDays days = MarketDays.UTC;

  /** The levels of widened plans before widening: {stop, target}. */
  private final Map<PlanId, long[]> widened = new LinkedHashMap<>();

  private record Seen(Instant time, LocalDate day, boolean inSession) {}

  OvernightGuard(PlanBook plans, OrderFlow flow) {
    this.plans = plans;
    this.flow = flow;
  }

  void rule(OvernightRule value) {
    this.rule = value;
  }

  void days(MarketDays value) {
    this.days = value;
  }

  /** Widens the instrument's active plans if {@code bar} is the first after its session ended. */
  void beforeCheck(Bar bar) {
    if (!rule.enabled()) {
      return;
    }
    Seen previous = last.get(bar.instrument());
    if (previous == null) {
      return;
    }
    boolean laterDay = days.dayOf(bar).isAfter(previous.day());
    boolean leftSession = previous.inSession() && !days.inSession(bar);
    if (laterDay || leftSession) {
      widen(bar.instrument(), previous.time());
    }
  }

  /** Puts widened levels back once a bar inside the session has been checked; notes the bar. */
  void afterCheck(Bar bar) {
    if (!rule.enabled()) {
      return;
    }
    boolean inSession = days.inSession(bar);
    if (inSession && !widened.isEmpty()) {
      restore(bar.instrument(), bar.time());
    }
    observe(bar, inSession);
  }

  /** Notes a bar traded on before a restart, so sessions and ATRs continue where they were. */
  void warmUp(Bar bar) {
    if (rule.enabled()) {
      observe(bar, days.inSession(bar));
    }
  }

  /** The original levels of the plans widened now, by plan id: {stop, target}. */
  Map<PlanId, long[]> widenedLevels() {
    Map<PlanId, long[]> copy = new LinkedHashMap<>();
    widened.forEach((id, levels) -> copy.put(id, levels.clone()));
    return copy;
  }

  /** Continues with plans widened before a restart, whose original levels these are. */
  void restoreWidened(Map<PlanId, long[]> levels) {
    widened.clear();
    levels.forEach((id, l) -> widened.put(id, l.clone()));
  }

  private void observe(Bar bar, boolean inSession) {
    Instrument instrument = bar.instrument();
    atr.computeIfAbsent(instrument, i -> new Atr(rule.atrPeriod())).update(bar);
    last.put(instrument, new Seen(bar.time(), days.dayOf(bar), inSession));
  }

  private void widen(Instrument instrument, Instant at) {
    Atr range = atr.get(instrument);
    double atrUnits = range == null ? 0 : range.value();
    for (Plan p : plans.active(instrument)) {
      if (widened.containsKey(p.id()) || (p.stop() == 0 && p.target() == 0)) {
        continue;
      }
      boolean isLong = p.side() == Side.BUY;
      long stop = moved(p.stop(), rule.distance(p.stop(), atrUnits), !isLong);
      long target = moved(p.target(), rule.distance(p.target(), atrUnits), isLong);
      widened.put(p.id(), new long[] {p.stop(), p.target()});
      flow.adjustLevels(p.id(), stop, target, at, "overnight widen");
    }
  }

  /**
   * Puts one plan's levels back now if it is widened (it is about to exit: its record keeps its own
   * levels, as a restarted runner that finds the exit already filled at the venue has them).
   */
  void restore(PlanId id, Instant at) {
    long[] levels = widened.remove(id);
    if (levels != null) {
      flow.adjustLevels(id, levels[0], levels[1], at, "overnight restore");
    }
  }

  /** Forgets a plan's widening: a trader set its levels, and they stand as given. */
  void forget(PlanId id) {
    widened.remove(id);
  }

  private void restore(Instrument instrument, Instant at) {
    Iterator<Map.Entry<PlanId, long[]>> it = widened.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<PlanId, long[]> e = it.next();
      Plan plan = plans.get(e.getKey());
      if (plan == null) {
        it.remove();
      } else if (plan.instrument().equals(instrument)) {
        it.remove();
        flow.adjustLevels(plan.id(), e.getValue()[0], e.getValue()[1], at, "overnight restore");
      }
    }
  }

  /** A level moved up or down by {@code distance}, kept above zero; an unset level stays unset. */
  private static long moved(long level, long distance, boolean up) {
    if (level == 0) {
      return 0;
    }
    return Math.max(1, up ? level + distance : level - distance);
  }
}
