package io.tradecore.runner;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.ManualOutcome;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import io.tradecore.store.Database;
import io.tradecore.store.PlanRequestRepository.Request;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.PlanQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Carries out a trader's plan requests on the runner's engine, on the runner's thread: an OPEN as a
 * plan of its own (a market entry of a fixed quantity, through risk), an ADJUST and a CLOSE on an
 * open plan, whoever opened it. What is wrong with a request (an unknown symbol or plan, a closed
 * plan, a level on the wrong side of the price, a cap it would break) refuses it with a reason.
 */
final class ManualRequests {
  private final Database db;
  private final PortfolioRecord record;
  private final Engine engine;
  private final Map<String, Instrument> instruments;

  ManualRequests(
      Database db, PortfolioRecord record, Engine engine, Map<String, Instrument> instruments) {
    this.db = db;
    this.record = record;
    this.engine = engine;
    this.instruments = instruments;
  }

  /** Applies one request at {@code time}; what the engine did is pending in its listener. */
  ManualOutcome apply(Request r, Instant time) {
    try {
      return switch (r.kind()) {
        case OPEN -> open(r, time);
        case ADJUST -> adjust(r, time);
        case CLOSE -> close(r, time);
      };
    } catch (IllegalArgumentException e) {
      return ManualOutcome.refused(e.getMessage());
    }
  }

  private ManualOutcome open(Request r, Instant time) {
    Instrument instrument = instruments.get(r.symbol());
    if (instrument == null) {
      return ManualOutcome.refused(
          "unknown symbol " + r.symbol() + ": no bars of it have reached this portfolio");
    }
    Side side = Side.valueOf(r.side());
    if (r.quantity() == null || r.quantity().signum() <= 0) {
      return ManualOutcome.refused("quantity must be more than 0");
    }
    Quantity quantity =
        Quantity.of(
            exact(r.quantity(), instrument.quantityScale(), "quantity", instrument),
            instrument.quantityScale());
    long stop = units(r.stop(), instrument, "stop");
    long target = units(r.target(), instrument, "target");
    PlanSpec spec =
        new PlanSpec(side, new Sizing.Fixed(quantity), 0, stop, target, 0, TimeInForce.GTC);
    return engine.openManual(instrument, spec, time, how(r, "opened"));
  }

  private ManualOutcome adjust(Request r, Instant time) {
    PlanId id = new PlanId(r.planId());
    if (engine.plan(id) == null) {
      return notOpen(r.planId());
    }
    Instrument instrument = engine.plan(id).instrument();
    Long stop = r.stop() == null ? null : units(r.stop(), instrument, "stop");
    Long target = r.target() == null ? null : units(r.target(), instrument, "target");
    return engine.adjustManual(id, stop, target, time, how(r, "adjusted"));
  }

  private ManualOutcome close(Request r, Instant time) {
    PlanId id = new PlanId(r.planId());
    if (engine.plan(id) == null) {
      return notOpen(r.planId());
    }
    return engine.closeManual(id, time);
  }

  /** A plan the engine does not have open: unknown to the portfolio, or finished. */
  private ManualOutcome notOpen(String planId) {
    List<PlanQueries.Row> rows =
        db.jdbi().withHandle(h -> new PlanQueries().byIds(h, record.id(), List.of(planId)));
    if (rows.isEmpty()) {
      return ManualOutcome.refused(
          "unknown plan id " + planId + ": portfolio " + record.name() + " has no such plan");
    }
    return ManualOutcome.refused(
        "plan "
            + planId
            + " is "
            + rows.get(0).status().toLowerCase(java.util.Locale.ROOT)
            + ": only an open plan can be changed");
  }

  private static String how(Request r, String verb) {
    return verb + " by hand (" + r.origin() + " request " + r.id() + ")";
  }

  /** A price in the instrument's units; 0 for none. */
  private static long units(BigDecimal price, Instrument instrument, String what) {
    if (price == null || price.signum() == 0) {
      return 0;
    }
    if (price.signum() < 0) {
      throw new IllegalArgumentException(
          what + " must be more than 0 but was " + price.toPlainString());
    }
    return exact(price, instrument.priceScale(), what, instrument)
        .movePointRight(instrument.priceScale())
        .longValueExact();
  }

  private static BigDecimal exact(BigDecimal value, int scale, String what, Instrument instrument) {
    if (value.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException(
          what
              + " "
              + value.toPlainString()
              + " has more decimals than "
              + instrument.symbol()
              + " takes ("
              + scale
              + ")");
    }
    return value.setScale(scale);
  }
}
