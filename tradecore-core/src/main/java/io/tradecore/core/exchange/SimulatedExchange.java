package io.tradecore.core.exchange;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.domain.TradeId;
import io.tradecore.core.venue.ExecutionReport;
import io.tradecore.core.venue.FillPage;
import io.tradecore.core.venue.ReportSink;
import io.tradecore.core.venue.SimulatedVenue;
import io.tradecore.core.venue.VenueFeatures;
import io.tradecore.core.venue.VenueOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An exchange simulated from price events, for backtests and paper trading. Working orders are
 * matched in the order they arrived:
 *
 * <ul>
 *   <li>MARKET fills at the bar's open, plus slippage against the order.
 *   <li>LIMIT fills at the open if the bar opens at or better than the limit, else at the limit if
 *       the bar reaches it; no slippage.
 *   <li>STOP triggers when the bar reaches the stop and fills at the stop, or at the open if the
 *       bar opens beyond it (a gap), plus slippage; a triggered stop that is not wholly filled
 *       fills on at the next opens like a market order.
 * </ul>
 *
 * Each order is matched at most once per price event, and an order submitted after an event has
 * been matched waits for the next one; {@link #submitNow} is for an exit that must trade on the
 * event being processed. With a volume share set, one order fills at most that share of a bar's
 * volume; the rest keeps working (a partial fill). Every fill gets a trade id unique to this
 * exchange. A working DAY order expires once a bar of a later trading day arrives; the trading day
 * of a bar comes from {@link #sessionDays} (its UTC date unless set, right for daily data).
 *
 * <p>As a {@link SimulatedVenue} it reports what it did to the attached sink at once; the raw
 * methods ({@link #accept}, {@link #match}, {@link #matchNow}, {@link #withdraw}) return it
 * instead, for a venue that must record it first (the durable paper exchange). An order sized by
 * cash (a buy spending it, or a short sale holding it as margin: the largest quantity whose
 * notional plus fee fits) trades at most {@link #MAX_UNITS} quantity units, however much cash it
 * has. Not thread-safe.
 */
public final class SimulatedExchange implements SimulatedVenue {
  /**
   * The most quantity units one fill or volume cap comes to (10^18, so 10^12 of an instrument at
   * six decimals): an order sized by cash at a tiny price would otherwise need more units than a
   * {@code long} holds, and the run would stop mid-feed.
   */
  public static final long MAX_UNITS = 1_000_000_000_000_000_000L;

  private static final BigDecimal MAX_ORDER_UNITS = BigDecimal.valueOf(MAX_UNITS);

  private final String tradeIdPrefix;
  private final ExecutionCosts costs;
  private final BigDecimal volumeShare;
  private final VenueFeatures features;
  private final Map<ClientOrderId, Working> working = new LinkedHashMap<>();

  /** The time of the latest price event per instrument (the current one kept in fields). */
  private final Map<Instrument, Instant> lastBar = new HashMap<>();

  private Instrument currentInstrument;
  private Instant currentTime;

  private long tradeSequence;
  private Function<Bar, LocalDate> sessionDays =
      b -> b.time().atOffset(ZoneOffset.UTC).toLocalDate();
  private ReportSink sink = report -> {};
  private Function<Order, BigDecimal> spendable = order -> null;
  private final List<Fill> fillLog = new ArrayList<>();
  private Instant now;

  /**
   * An exchange that takes fractional quantities and short sales ({@link VenueFeatures#SIMULATED}).
   *
   * @param volumeShare the largest share of a bar's volume one order may take, or null for no cap
   */
  public SimulatedExchange(String tradeIdPrefix, ExecutionCosts costs, BigDecimal volumeShare) {
    this(tradeIdPrefix, costs, volumeShare, VenueFeatures.SIMULATED);
  }

  /**
   * An exchange that says it has {@code features}, so the engine trades it accordingly: whole
   * shares only without fractional quantities, no plan that sells first without short selling. Its
   * plans are always watched by the engine.
   */
  public SimulatedExchange(
      String tradeIdPrefix, ExecutionCosts costs, BigDecimal volumeShare, VenueFeatures features) {
    if (features.protectiveOrders()) {
      throw new IllegalArgumentException("a simulated exchange keeps no protective orders");
    }
    this.features = features;
    if (volumeShare != null
        && (volumeShare.signum() <= 0 || volumeShare.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("volume share must be in (0, 1] but was " + volumeShare);
    }
    this.tradeIdPrefix = tradeIdPrefix;
    this.costs = costs;
    this.volumeShare = volumeShare;
  }

  /** Continues trade ids after {@code sequence}, for an exchange restored from its fills. */
  public void resumeTradeSequence(long sequence) {
    this.tradeSequence = sequence;
  }

  /** How a bar's trading day is found, for DAY orders: the day in the market's time zone. */
  @Override
  public void sessionDays(Function<Bar, LocalDate> days) {
    this.sessionDays = days;
  }

  @Override
  public void fundedBy(Function<Order, BigDecimal> cash) {
    this.spendable = cash;
  }

  @Override
  public String name() {
    return "simulated";
  }

  @Override
  public VenueFeatures features() {
    return features;
  }

  @Override
  public void attach(ReportSink reportSink) {
    this.sink = reportSink;
  }

  @Override
  public void submit(Order order) {
    String refused = accept(order);
    if (refused != null) {
      sink.report(new ExecutionReport.Rejected(order.id(), timeOf(order), refused));
    }
  }

  @Override
  public void cancel(ClientOrderId id) {
    if (withdraw(id)) {
      sink.report(new ExecutionReport.Cancelled(id, now == null ? Instant.EPOCH : now));
    }
  }

  @Override
  public void onBar(Bar bar) {
    report(match(bar));
  }

  @Override
  public void submitTriggered(Order order, Bar bar) {
    report(matchNow(order, bar));
  }

  private Instant timeOf(Order order) {
    return now == null ? order.createdAt() : now;
  }

  private void report(MatchResult result) {
    if (result.isEmpty()) {
      return;
    }
    for (Fill fill : result.fills()) {
      fillLog.add(fill);
      sink.report(
          working.containsKey(fill.orderId()) || result.expires(fill.orderId())
              ? new ExecutionReport.PartiallyFilled(fill)
              : new ExecutionReport.Filled(fill));
    }
    for (Order order : result.expired()) {
      sink.report(new ExecutionReport.Expired(order.id(), now));
    }
  }

  /**
   * Takes an order that trades from the next price event of its instrument on (an order decided on
   * a bar's close has seen that bar). Returns why it is refused, or null: a quantity that is not a
   * whole number of lots, or a price off the tick grid.
   */
  public String accept(Order order) {
    if (working.containsKey(order.id())) {
      throw new IllegalStateException("order " + order.id() + " is already working");
    }
    String refused = offGrid(order);
    if (refused != null) {
      return refused;
    }
    Working w = new Working(order);
    w.lastMatched =
        order.instrument().equals(currentInstrument)
            ? currentTime
            : lastBar.get(order.instrument());
    working.put(order.id(), w);
    return null;
  }

  private String offGrid(Order order) {
    Instrument i = order.instrument();
    long step = step(i);
    if (order.quantity() != null && order.quantity().units() % step != 0) {
      return "quantity "
          + order.quantity()
          + " is not a whole number of "
          + (step == i.lotSize() ? "lots of " : "shares in lots of ")
          + i.quantity(step);
    }
    for (var price : new io.tradecore.core.domain.Price[] {order.limitPrice(), order.stopPrice()}) {
      if (price != null && price.units() % i.tickSize() != 0) {
        return "price " + price + " is not on the tick size " + i.price(i.tickSize());
      }
    }
    return null;
  }

  /**
   * Takes an exit that trades on the price event being processed and matches it against that bar.
   */
  public MatchResult matchNow(Order order, Bar bar) {
    if (now == null || bar.time().isAfter(now)) {
      now = bar.time();
    }
    if (working.containsKey(order.id())) {
      throw new IllegalStateException("order " + order.id() + " is already working");
    }
    Working w = new Working(order);
    working.put(order.id(), w);
    List<Fill> fills = new ArrayList<>(1);
    List<Order> expired = new ArrayList<>(0);
    if (match(w, bar, sessionDays.apply(bar), fills, expired)) {
      working.remove(order.id());
    }
    return fills.isEmpty() && expired.isEmpty()
        ? MatchResult.EMPTY
        : new MatchResult(fills, expired);
  }

  /** The matching state of a working order, or empty if it is not working. */
  public Optional<WorkingState> workingState(ClientOrderId id) {
    Working w = working.get(id);
    return w == null
        ? Optional.empty()
        : Optional.of(
            new WorkingState(
                w.order, w.remaining, w.remainingQuote, w.triggered, w.lastMatched, w.firstDay));
  }

  /** Withdraws a working order; false if it is not working (filled or unknown). */
  public boolean withdraw(ClientOrderId id) {
    return working.remove(id) != null;
  }

  /** True while the order can still fill. */
  public boolean isWorking(ClientOrderId id) {
    return working.containsKey(id);
  }

  /** The matching state of every working order, in arrival order. */
  public List<WorkingState> workingStates() {
    List<WorkingState> out = new ArrayList<>(working.size());
    for (Working w : working.values()) {
      out.add(
          new WorkingState(
              w.order, w.remaining, w.remainingQuote, w.triggered, w.lastMatched, w.firstDay));
    }
    return out;
  }

  /** Puts back a working order as it was saved, at the end of the arrival order. */
  public void restore(WorkingState state) {
    Working w = new Working(state.order());
    w.remaining = state.remaining();
    w.remainingQuote = state.remainingQuote();
    w.triggered = state.triggered();
    w.lastMatched = state.lastMatched();
    w.firstDay = state.firstDay();
    working.put(state.order().id(), w);
  }

  /** The last trade sequence number used. */
  public long tradeSequence() {
    return tradeSequence;
  }

  /** Orders still working, in arrival order. */
  public List<Order> workingOrders() {
    List<Order> out = new ArrayList<>(working.size());
    working.values().forEach(w -> out.add(w.order));
    return out;
  }

  /** Matches the working orders of the bar's instrument against it, each at most once. */
  public MatchResult match(Bar bar) {
    if (now == null || bar.time().isAfter(now)) {
      now = bar.time();
    }
    if (bar.instrument() != currentInstrument) {
      if (currentInstrument != null) {
        lastBar.put(currentInstrument, currentTime);
      }
      currentInstrument = bar.instrument();
    }
    currentTime = bar.time();
    if (working.isEmpty()) {
      return MatchResult.EMPTY;
    }
    List<Fill> fills = new ArrayList<>(2);
    List<Order> expired = new ArrayList<>(0);
    LocalDate day = sessionDays.apply(bar);
    Iterator<Working> it = working.values().iterator();
    while (it.hasNext()) {
      Working w = it.next();
      boolean seen = w.lastMatched != null && !bar.time().isAfter(w.lastMatched);
      if (w.order.instrument().equals(bar.instrument())
          && !seen
          && match(w, bar, day, fills, expired)) {
        it.remove();
      }
    }
    return fills.isEmpty() && expired.isEmpty()
        ? MatchResult.EMPTY
        : new MatchResult(fills, expired);
  }

  /** Matches one order against a bar; true when it stops working (done or expired). */
  private boolean match(Working w, Bar bar, LocalDate day, List<Fill> fills, List<Order> expired) {
    Order order = w.order;
    if (order.timeInForce() == TimeInForce.DAY && w.firstDay != null && day.isAfter(w.firstDay)) {
      expired.add(order);
      return true;
    }
    w.lastMatched = bar.time();
    if (w.firstDay == null) {
      w.firstDay = day;
    }
    long price = fillPrice(w, bar);
    if (price > 0) {
      long units = fillUnits(w, bar, price);
      if (units > 0) {
        fills.add(fill(w, bar, price, units));
      } else if (w.remainingQuote != null && volumeCap(bar, order) != 0) {
        // Not even one unit is affordable: the order can never fill.
        expired.add(order);
        return true;
      }
      if (w.cashShort) {
        // The cash ran out (to pay a buy, or as a short sale's margin): what it covered has
        // filled, the rest is withdrawn.
        expired.add(order);
        return true;
      }
    }
    if (w.isDone()) {
      return true;
    }
    if (order.timeInForce() == TimeInForce.IOC) {
      expired.add(order);
      return true;
    }
    return false;
  }

  /** The fill price in units, or 0 when the order does not trade on this bar. */
  private long fillPrice(Working w, Bar bar) {
    Order order = w.order;
    boolean buy = order.side() == Side.BUY;
    int scale = order.instrument().priceScale();
    switch (order.type()) {
      case MARKET -> {
        return clamp(costs.slip(bar.open(), scale, buy), bar);
      }
      case LIMIT -> {
        long limit = order.limitPrice().units();
        if (buy) {
          return bar.open() <= limit ? bar.open() : bar.low() <= limit ? limit : 0;
        }
        return bar.open() >= limit ? bar.open() : bar.high() >= limit ? limit : 0;
      }
      case STOP -> {
        long stop = order.stopPrice().units();
        long trigger;
        if (w.triggered) {
          trigger = bar.open();
        } else if (buy) {
          trigger = bar.open() >= stop ? bar.open() : bar.high() >= stop ? stop : 0;
        } else {
          trigger = bar.open() <= stop ? bar.open() : bar.low() <= stop ? stop : 0;
        }
        if (trigger == 0) {
          return 0;
        }
        w.triggered = true;
        return clamp(costs.slip(trigger, scale, buy), bar);
      }
    }
    throw new IllegalStateException("unknown order type " + order.type());
  }

  /** Slippage never moves a fill outside the bar's range. */
  private static long clamp(long price, Bar bar) {
    return Math.max(bar.low(), Math.min(bar.high(), price));
  }

  private long fillUnits(Working w, Bar bar, long price) {
    BigDecimal cash = spendable.apply(w.order);
    if (cash != null) {
      cash = cash.max(BigDecimal.ZERO);
    }
    long wanted;
    if (w.remainingQuote != null) {
      w.cashShort = cash != null && cash.compareTo(w.remainingQuote) < 0;
      wanted = affordableUnits(w.cashShort ? cash : w.remainingQuote, price, w.order);
    } else {
      wanted = w.remaining;
      if (cash != null) {
        long affordable = affordableUnits(cash, price, w.order);
        if (affordable < wanted) {
          wanted = affordable;
          w.cashShort = true;
        }
      }
    }
    long cap = volumeCap(bar, w.order);
    long units = cap < 0 ? wanted : Math.min(wanted, roundDown(cap, step(w.order.instrument())));
    // A quote-sized order is done once it has bought all its quote affords at one price.
    w.quoteSpent = w.remainingQuote != null && units > 0 && units == wanted;
    return units;
  }

  /** The volume cap in quantity units, or -1 when there is none. */
  private long volumeCap(Bar bar, Order order) {
    if (volumeShare == null) {
      return -1;
    }
    int qs = order.instrument().quantityScale();
    return BigDecimal.valueOf(bar.volume())
        .multiply(volumeShare)
        .movePointRight(qs)
        .setScale(0, RoundingMode.FLOOR)
        .min(MAX_ORDER_UNITS)
        .longValueExact();
  }

  /**
   * The largest quantity (in units, whole lots, and whole shares without fractions) whose cost plus
   * fee fits in {@code quote}.
   */
  private long affordableUnits(BigDecimal quote, long priceUnits, Order order) {
    Instrument instrument = order.instrument();
    long lot = step(instrument);
    int qs = instrument.quantityScale();
    BigDecimal price = BigDecimal.valueOf(priceUnits, order.instrument().priceScale());
    BigDecimal perUnitWithFee = price.multiply(BigDecimal.ONE.add(costs.feeBps().movePointLeft(4)));
    BigDecimal guess = quote.subtract(costs.minFee()).min(quote);
    long units =
        guess.signum() <= 0
            ? 0
            : quote
                .divide(perUnitWithFee, qs, RoundingMode.FLOOR)
                .min(guess.divide(price, qs, RoundingMode.FLOOR))
                .movePointRight(qs)
                .min(MAX_ORDER_UNITS)
                .longValueExact();
    units = roundDown(units, lot);
    // Rounding of the fee can move the boundary by a lot or two either way.
    while (units > 0 && cost(units, price, qs).compareTo(quote) > 0) {
      units -= lot;
    }
    while (units <= MAX_UNITS - lot && cost(units + lot, price, qs).compareTo(quote) <= 0) {
      units += lot;
    }
    return units;
  }

  /** The quantity step: a lot, or whole shares in lots on an exchange without fractions. */
  private long step(Instrument instrument) {
    return features.fractionalQuantities() ? instrument.lotSize() : instrument.wholeShareLot();
  }

  private static long roundDown(long units, long step) {
    return units - Math.floorMod(units, step);
  }

  private BigDecimal cost(long units, BigDecimal price, int qs) {
    BigDecimal notional = price.multiply(BigDecimal.valueOf(units, qs));
    return notional.add(costs.fee(notional));
  }

  private Fill fill(Working w, Bar bar, long priceUnits, long units) {
    Order order = w.order;
    Quantity qty = new Quantity(units, order.instrument().quantityScale());
    BigDecimal notional =
        Decimals.toDecimal(priceUnits, order.instrument().priceScale())
            .multiply(qty.toBigDecimal());
    BigDecimal fee = costs.fee(notional);
    if (w.remainingQuote != null) {
      w.remainingQuote = w.remainingQuote.subtract(notional).subtract(fee);
    } else {
      w.remaining -= units;
    }
    return new Fill(
        new TradeId(tradeIdPrefix + "-" + (++tradeSequence)),
        order.id(),
        order.planId(),
        order.instrument(),
        order.side(),
        qty,
        order.instrument().price(priceUnits),
        fee,
        bar.time(),
        order.botVersion());
  }

  @Override
  public List<VenueOrder> openOrders() {
    List<VenueOrder> out = new ArrayList<>(working.size());
    for (Working w : working.values()) {
      out.add(venueOrder(w, OrderStatus.WORKING));
    }
    return out;
  }

  @Override
  public Optional<VenueOrder> order(ClientOrderId id) {
    Working w = working.get(id);
    return w == null ? Optional.empty() : Optional.of(venueOrder(w, OrderStatus.WORKING));
  }

  private static VenueOrder venueOrder(Working w, OrderStatus status) {
    Order o = w.order;
    long filled = o.quantity() == null ? 0 : o.quantity().units() - w.remaining;
    return new VenueOrder(o, status, o.instrument().quantity(filled), null);
  }

  /** Fills after {@code cursor}, a count of the fills this exchange reported (null: 0). */
  @Override
  public FillPage fillsSince(String cursor) {
    int from = cursor == null ? 0 : Math.min(Integer.parseInt(cursor), fillLog.size());
    return new FillPage(fillLog.subList(from, fillLog.size()), String.valueOf(fillLog.size()));
  }

  @Override
  public Map<String, BigDecimal> positions() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Fill f : fillLog) {
      out.merge(f.instrument().symbol(), f.signedQuantity(), BigDecimal::add);
    }
    out.values().removeIf(q -> q.signum() == 0);
    return out;
  }

  /** A simulated exchange keeps no cash of its own. */
  @Override
  public Map<String, BigDecimal> balances() {
    return Map.of();
  }

  /** An order and what is left of it. */
  private static final class Working {
    final Order order;
    long remaining;
    BigDecimal remainingQuote;
    boolean quoteSpent;

    /** Set when the cash could not cover all of it at this fill's price. */
    boolean cashShort;

    boolean triggered;
    Instant lastMatched;
    LocalDate firstDay;

    Working(Order order) {
      this.order = order;
      this.remaining = order.quantity() == null ? 0 : order.quantity().units();
      this.remainingQuote = order.quoteAmount();
    }

    boolean isDone() {
      return remainingQuote != null ? quoteSpent : remaining == 0;
    }
  }
}
