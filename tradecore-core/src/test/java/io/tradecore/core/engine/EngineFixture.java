package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.SameBarPolicy;
import io.tradecore.core.plan.Sizing;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.core.venue.VenueFeatures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Drives bars through a real engine with a scripted strategy and records what happened. */
final class EngineFixture {
  static final Instrument TEST = new Instrument("TEST", "USD", 2, 0);
  static final Instant DAY0 = Instant.parse("2024-03-04T00:00:00Z");

  final Map<String, Map<Integer, List<Action>>> script = new HashMap<>();
  final List<EngineEvent> events = new ArrayList<>();
  final Portfolio portfolio =
      new Portfolio(new PortfolioId("test"), "USD", new BigDecimal("100000.00"));
  final Engine engine;

  EngineFixture(SameBarPolicy policy, RiskLimits limits, BigDecimal volumeShare) {
    this(policy, limits, volumeShare, VenueFeatures.SIMULATED, b -> b);
  }

  /**
   * An engine whose simulated exchange has {@code features}, built with {@code more} applied to the
   * builder (market days, an overnight rule).
   */
  EngineFixture(
      SameBarPolicy policy,
      RiskLimits limits,
      BigDecimal volumeShare,
      VenueFeatures features,
      UnaryOperator<EngineBuilder> more) {
    SimulatedExchange venue =
        new SimulatedExchange("SIM", ExecutionCosts.FREE, volumeShare, features);
    EngineBuilder builder =
        Engine.builder()
            .config(EngineConfig.defaults().withSameBarPolicy(policy))
            .portfolio(portfolio)
            .venue(venue)
            .risk(limits)
            .strategy(
                (StrategyFactory)
                    instrument ->
                        new Scripted(
                            script.computeIfAbsent(instrument.symbol(), s -> new HashMap<>())))
            .clock(Clock.fixed(DAY0, ZoneOffset.UTC))
            .listener(events::add);
    engine = more.apply(builder).build();
  }

  EngineFixture() {
    this(SameBarPolicy.STOP_FIRST, RiskLimits.NONE, null);
  }

  /** The strategy on {@code instrument} does {@code actions} after bar {@code index}. */
  EngineFixture at(Instrument instrument, int index, Action... actions) {
    script.computeIfAbsent(instrument.symbol(), s -> new HashMap<>()).put(index, List.of(actions));
    return this;
  }

  EngineFixture at(int index, Action... actions) {
    return at(TEST, index, actions);
  }

  /** Bar {@code day} of {@code instrument}, prices in cents-free dollars like "100.00". */
  EngineFixture bar(
      Instrument instrument, int day, String o, String h, String l, String c, double volume) {
    engine.onBar(
        new Bar(
            instrument,
            DAY0.plus(day, ChronoUnit.DAYS),
            units(instrument, o),
            units(instrument, h),
            units(instrument, l),
            units(instrument, c),
            volume));
    return this;
  }

  /** A bar of {@code instrument} at {@code time}. */
  EngineFixture bar(Instrument instrument, Instant time, String o, String h, String l, String c) {
    engine.onBar(
        new Bar(
            instrument,
            time,
            units(instrument, o),
            units(instrument, h),
            units(instrument, l),
            units(instrument, c),
            1_000_000));
    return this;
  }

  /** One moment of day {@code day}: a bar per instrument, each given as "open high low close". */
  EngineFixture moment(int day, Map<Instrument, String> ohlc) {
    Instant time = DAY0.plus(day, ChronoUnit.DAYS);
    List<Bar> bars = new ArrayList<>();
    ohlc.forEach(
        (instrument, prices) -> {
          String[] p = prices.split(" ");
          bars.add(
              new Bar(
                  instrument,
                  time,
                  units(instrument, p[0]),
                  units(instrument, p[1]),
                  units(instrument, p[2]),
                  units(instrument, p[3]),
                  1_000_000));
        });
    engine.onMoment(new Moment(time, bars));
    return this;
  }

  EngineFixture bar(int day, String o, String h, String l, String c) {
    return bar(TEST, day, o, h, l, c, 1_000_000);
  }

  static long units(Instrument i, String price) {
    return new BigDecimal(price).setScale(i.priceScale()).unscaledValue().longValueExact();
  }

  static PlanSpec longPlan(long qty, String stop, String target, String trail) {
    return new PlanSpec(
        Side.BUY,
        new Sizing.Fixed(new Quantity(qty, 0)),
        0,
        stop == null ? 0 : units(TEST, stop),
        target == null ? 0 : units(TEST, target),
        trail == null ? 0 : units(TEST, trail),
        TimeInForce.GTC);
  }

  /** A short plan: sells {@code qty} first, with its stop above and its target below. */
  static PlanSpec shortPlan(long qty, String stop, String target, String trail) {
    return new PlanSpec(
        Side.SELL,
        new Sizing.Fixed(new Quantity(qty, 0)),
        0,
        stop == null ? 0 : units(TEST, stop),
        target == null ? 0 : units(TEST, target),
        trail == null ? 0 : units(TEST, trail),
        TimeInForce.GTC);
  }

  /** The recorded outcome as short lines: fills, plan changes, refusals and cancels. */
  List<String> outcome() {
    List<String> lines = new ArrayList<>();
    for (EngineEvent e : events) {
      String day = "d" + ChronoUnit.DAYS.between(DAY0, e.time());
      switch (e) {
        case EngineEvent.OrderFilled f ->
            lines.add(
                day
                    + " fill "
                    + f.fill().side()
                    + " "
                    + f.fill().quantity()
                    + " @ "
                    + f.fill().price()
                    + " "
                    + f.fill().instrument().symbol());
        case EngineEvent.PlanChanged p ->
            lines.add(
                day
                    + " plan "
                    + p.after().id()
                    + " "
                    + p.after().status()
                    + " ("
                    + p.reason()
                    + ")");
        case EngineEvent.OrderRefused r ->
            lines.add(
                day
                    + " refused "
                    + r.order().instrument().symbol()
                    + " "
                    + r.refusal().cap()
                    + " limit "
                    + r.refusal().limit().toPlainString()
                    + " would be "
                    + r.refusal().wouldBe().toPlainString());
        case EngineEvent.OrderCancelled c ->
            lines.add(day + " cancelled " + c.order().id() + " (" + c.reason().text() + ")");
        case EngineEvent.EngineError err ->
            lines.add(day + " error " + err.kind() + ": " + err.message());
        case EngineEvent.OrderRejected r ->
            lines.add(day + " rejected " + r.order().id() + " (" + r.reason() + ")");
        case EngineEvent.OrderSubmitted s -> {}
        case EngineEvent.OrderAccepted a -> {}
        case EngineEvent.SignalEmitted s -> {}
        case EngineEvent.DecisionMade d -> {}
      }
    }
    return lines;
  }

  /** A strategy that does what the script says after each bar. */
  private static final class Scripted implements Strategy {
    private final Map<Integer, List<Action>> byIndex;

    Scripted(Map<Integer, List<Action>> byIndex) {
      this.byIndex = byIndex;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public void init(StrategySetup setup) {}

    @Override
    public List<Action> onBar(TradingContext context) {
      return byIndex.getOrDefault((int) context.barIndex(), List.of());
    }
  }
}
