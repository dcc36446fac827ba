package io.tradecore.runner.days;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.indicator.Atr;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The overnight policy: at the session close (or the day rollover) it widens every active plan's
 * stop and target, by a percentage of the level or by a multiple of the instrument's ATR, and at
 * the next open it puts the original levels back. Positions are never flattened. The original
 * levels are part of the runner's committed state, so a restart in between restores correctly.
 */
public final class OvernightPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OvernightSettings settings;
  private final String calendar;
  private final Engine engine;
  private final Map<String, Atr> atr = new HashMap<>();

  /** Plan id to its levels before widening: [stop, target]. */
  private Map<String, long[]> widened = new LinkedHashMap<>();

  private boolean lastInSession;

  private boolean dailyData = true;

  public OvernightPolicy(OvernightSettings settings, String calendar, Engine engine) {
    this.settings = settings;
    this.calendar = calendar;
    this.engine = engine;
  }

  boolean enabled() {
    return settings.mode() != OvernightMode.NONE && settings.widen().signum() > 0;
  }

  /** Whether the data may be daily (see {@link TradingDays#inSession(Bar, String, boolean)}). */
  void dataMayBeDaily(boolean daily) {
    this.dailyData = daily;
  }

  boolean leavingSession(Bar bar) {
    return lastInSession && !TradingDays.inSession(bar, calendar, dailyData);
  }

  void atClose(Instant at) {
    if (!enabled() || !widened.isEmpty() || at == null) {
      return;
    }
    for (Plan p : engine.portfolio().openPlans()) {
      if (p.status() != PlanStatus.ACTIVE || (p.stop() == 0 && p.target() == 0)) {
        continue;
      }
      long delta = p.stop() != 0 ? delta(p, p.stop()) : 0;
      long targetDelta = p.target() != 0 ? delta(p, p.target()) : 0;
      boolean isLong = p.side() == Side.BUY;
      long stop = p.stop() == 0 ? 0 : Math.max(1, isLong ? p.stop() - delta : p.stop() + delta);
      long target =
          p.target() == 0
              ? 0
              : Math.max(1, isLong ? p.target() + targetDelta : p.target() - targetDelta);
      widened.put(p.id().value(), new long[] {p.stop(), p.target()});
      engine.adjustPlan(p.id(), stop, target, at, "overnight widen");
    }
  }

  void atOpen(Bar bar) {
    boolean inSession = TradingDays.inSession(bar, calendar, dailyData);
    if (inSession && !widened.isEmpty()) {
      for (var e : widened.entrySet()) {
        engine.adjustPlan(
            new PlanId(e.getKey()),
            e.getValue()[0],
            e.getValue()[1],
            bar.time(),
            "overnight restore");
      }
      widened = new LinkedHashMap<>();
    }
  }

  void observe(Bar bar) {
    atr.computeIfAbsent(bar.instrument().symbol(), s -> new Atr(settings.atrPeriod())).update(bar);
    lastInSession = TradingDays.inSession(bar, calendar, dailyData);
  }

  private long delta(Plan p, long level) {
    Instrument i = p.instrument();
    if (settings.mode() == OvernightMode.PERCENT) {
      return BigDecimal.valueOf(level)
          .multiply(settings.widen())
          .movePointLeft(2)
          .setScale(0, java.math.RoundingMode.HALF_UP)
          .longValue();
    }
    Atr a = atr.get(i.symbol());
    double range = a == null ? 0 : a.value();
    return Math.round(range * settings.widen().doubleValue());
  }

  /** The state to commit: the original levels of widened plans, as JSON, or null. */
  public String state() {
    if (widened.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(widened);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void restore(String state) {
    if (state == null || state.isBlank()) {
      return;
    }
    try {
      widened = JSON.readValue(state, new TypeReference<LinkedHashMap<String, long[]>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored overnight state is malformed: " + e.getOriginalMessage(), e);
    }
  }
}
