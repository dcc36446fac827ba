package io.tradecore.core.exchange;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.domain.TradeId;
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
 * exchange. Not thread-safe.
 */
public final class SimulatedExchange implements Exchange {
  private final String tradeIdPrefix;
  private final ExecutionCosts costs;
  private final BigDecimal volumeShare;
  private final Map<ClientOrderId, Working> working = new LinkedHashMap<>();

  /** The time of the latest price event per instrument (the current one kept in fields). */
  private final Map<Instrument, Instant> lastBar = new HashMap<>();

  private Instrument currentInstrument;
  private Instant currentTime;

  private long tradeSequence;

  /**
   * @param volumeShare the largest share of a bar's volume one order may take, or null for no cap
   */
  public SimulatedExchange(String tradeIdPrefix, ExecutionCosts costs, BigDecimal volumeShare) {
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

  /**
   * Accepts an order that trades from the next price event of its instrument on: an order decided
   * on a bar's close has seen that bar.
   */
  @Override
  public void submit(Order order) {
    if (working.containsKey(order.id())) {
      throw new IllegalStateException("order " + order.id() + " is already working");
    }
    Working w = new Working(order);
    w.lastMatched =
        order.instrument().equals(currentInstrument)
            ? currentTime
            : lastBar.get(order.instrument());
    working.put(order.id(), w);
  }

  @Override
  public MatchResult submitNow(Order order, Bar bar) {
    if (working.containsKey(order.id())) {
      throw new IllegalStateException("order " + order.id() + " is already working");
    }
    Working w = new Working(order);
    working.put(order.id(), w);
    List<Fill> fills = new ArrayList<>(1);
    List<Order> expired = new ArrayList<>(0);
    if (match(w, bar, bar.time().atOffset(ZoneOffset.UTC).toLocalDate(), fills, expired)) {
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

  @Override
  public boolean cancel(ClientOrderId id) {
    return working.remove(id) != null;
  }

  @Override
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

  @Override
  public MatchResult onBar(Bar bar) {
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
    LocalDate day = bar.time().atOffset(ZoneOffset.UTC).toLocalDate();
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
    long wanted =
        w.remainingQuote != null ? affordableUnits(w.remainingQuote, price, w.order) : w.remaining;
    long cap = volumeCap(bar, w.order);
    long units = cap < 0 ? wanted : Math.min(wanted, cap);
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
        .longValueExact();
  }

  /** The largest quantity (in units) whose cost plus fee fits in {@code quote}. */
  private long affordableUnits(BigDecimal quote, long priceUnits, Order order) {
    int qs = order.instrument().quantityScale();
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
                .longValueExact();
    // Rounding of the fee can move the boundary by a unit or two either way.
    while (units > 0 && cost(units, price, qs).compareTo(quote) > 0) {
      units--;
    }
    while (cost(units + 1, price, qs).compareTo(quote) <= 0) {
      units++;
    }
    return units;
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

  /** An order and what is left of it. */
  private static final class Working {
    final Order order;
    long remaining;
    BigDecimal remainingQuote;
    boolean quoteSpent;
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
