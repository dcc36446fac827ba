package io.tradecore.core.ledger;

import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger of one portfolio, with a slice per bot_version (each slice a ledger of only that
 * version's fills, starting from zero cash) and the latest mark per instrument. Not thread-safe.
 */
public final class Portfolio {
  private final PortfolioId id;
  private final String baseCurrency;
  private final Ledger ledger;
  private final Map<String, Ledger> versions = new TreeMap<>();

  /** Latest price per symbol, kept as units so marking on every bar allocates nothing. */
  private final Map<String, Mark> marks = new HashMap<>();

  private Instrument lastMarked;
  private Mark lastMark;

  /** Bumped whenever a symbol's {@link Mark} is added or replaced (not when one moves). */
  private long markObjects;

  // The equity in long arithmetic, asked for on every bar: the ledger's cash and positions as
  // units, worked out again only after a fill (or a new mark object); the marks are read live.
  private long equityFills = -1;
  private long equityMarkObjects = -1;
  private boolean equityLong;
  private long cashUnits;
  private int cashScale;
  private int held;
  private long[] heldUnits = new long[1];
  private int[] heldScales = new int[1];
  private Mark[] heldMarks = new Mark[1];
  private int equityScale;

  public Portfolio(PortfolioId id, String baseCurrency, BigDecimal startingCash) {
    this(id, baseCurrency, new Ledger(startingCash));
  }

  private Portfolio(PortfolioId id, String baseCurrency, Ledger ledger) {
    this.id = id;
    this.baseCurrency = baseCurrency;
    this.ledger = ledger;
  }

  /**
   * A portfolio in a state recorded before (a cache of one that applied its fills): its ledger, the
   * ledger of each bot version and its marks, equal to one rebuilt from the fills.
   */
  public static Portfolio restore(
      PortfolioId id,
      String baseCurrency,
      Ledger ledger,
      Map<String, Ledger> versions,
      Map<String, BigDecimal> marks) {
    Portfolio p = new Portfolio(id, baseCurrency, ledger);
    p.versions.putAll(versions);
    marks.forEach(p::mark);
    return p;
  }

  /** The ledger of each bot version's fills, by version. */
  public Map<String, Ledger> versionLedgers() {
    return Collections.unmodifiableMap(versions);
  }

  /** A portfolio equal to one that applied {@code fills} in order. */
  public static Portfolio rebuild(
      PortfolioId id, String baseCurrency, BigDecimal startingCash, List<Fill> fills) {
    Portfolio p = new Portfolio(id, baseCurrency, startingCash);
    fills.forEach(p::apply);
    return p;
  }

  public void apply(Fill fill) {
    if (!fill.instrument().currency().equals(baseCurrency)) {
      throw new IllegalArgumentException(
          "fill "
              + fill.tradeId()
              + " is in "
              + fill.instrument().currency()
              + " but the portfolio's base currency is "
              + baseCurrency);
    }
    ledger.apply(fill);
    versions.computeIfAbsent(fill.botVersion(), v -> new Ledger(BigDecimal.ZERO)).apply(fill);
    if (!marks.containsKey(fill.instrument().symbol())) {
      marks.put(fill.instrument().symbol(), new Mark(fill.price().units(), fill.price().scale()));
      markObjects++;
    }
  }

  public void mark(String symbol, BigDecimal price) {
    marks.put(symbol, new Mark(price.unscaledValue().longValueExact(), price.scale()));
    lastMarked = null;
    markObjects++;
  }

  /** Marks an instrument to a price in units at its price scale; the engine calls it every bar. */
  public void mark(Instrument instrument, long priceUnits) {
    if (instrument != lastMarked) {
      lastMark = marks.get(instrument.symbol());
      if (lastMark == null) {
        lastMark = new Mark(0, instrument.priceScale());
        marks.put(instrument.symbol(), lastMark);
        markObjects++;
      }
      lastMark.scale = instrument.priceScale();
      lastMarked = instrument;
    }
    lastMark.units = priceUnits;
  }

  /** The latest price of {@code symbol}, or null before it has one. */
  public BigDecimal mark(String symbol) {
    Mark m = marks.get(symbol);
    return m == null ? null : BigDecimal.valueOf(m.units, m.scale);
  }

  /**
   * Cash plus every position at its latest mark (at its cost basis before it has one), exact, at
   * the scale adding those amounts gives (the largest of theirs).
   */
  public BigDecimal equity() {
    if (equityLong()) {
      long units = equityUnits();
      if (units != NO_UNITS) {
        return BigDecimal.valueOf(units, equityScale);
      }
    }
    BigDecimal equity = ledger.cash();
    for (Position p : ledger.positions().values()) {
      BigDecimal mark = mark(p.instrument().symbol());
      equity = equity.add(mark == null ? p.costBasis() : p.marketValue(mark));
    }
    return equity;
  }

  /** What {@link #equityUnits} gives when the equity does not fit a long at its scale. */
  public static final long NO_UNITS = Decimals.NO_UNITS;

  /**
   * {@link #equity()} as units of 10^-{@link #equityScale()}, without making a {@link BigDecimal}
   * (a backtest asks on every bar); {@link #NO_UNITS} when it does not fit a long (then ask {@link
   * #equity()}).
   */
  public long equityUnits() {
    if (!equityLong()) {
      return NO_UNITS;
    }
    int scale = cashScale;
    for (int i = 0; i < held; i++) {
      Mark m = heldMarks[i];
      int s = m == null ? heldScales[i] : heldScales[i] + m.scale;
      if (s > scale) {
        scale = s;
      }
    }
    long units = Decimals.rescale(cashUnits, cashScale, scale);
    for (int i = 0; i < held && units != NO_UNITS; i++) {
      Mark m = heldMarks[i];
      long value;
      int s;
      if (m == null) {
        value = heldUnits[i];
        s = heldScales[i];
      } else {
        value = Decimals.multiply(heldUnits[i], m.units);
        s = heldScales[i] + m.scale;
      }
      long term = value == NO_UNITS ? NO_UNITS : Decimals.rescale(value, s, scale);
      units = term == NO_UNITS ? NO_UNITS : Decimals.add(units, term);
    }
    equityScale = scale;
    return units;
  }

  /** The scale of the last {@link #equityUnits()} that fitted. */
  public int equityScale() {
    return equityScale;
  }

  /** Refreshes the cash and positions as units after a fill; false when one does not fit. */
  private boolean equityLong() {
    if (equityFills == ledger.fillCount() && equityMarkObjects == markObjects) {
      return equityLong;
    }
    equityFills = ledger.fillCount();
    equityMarkObjects = markObjects;
    equityLong = false;
    BigDecimal cash = ledger.cash();
    if (!Decimals.fitsUnits(cash)) {
      return false;
    }
    cashUnits = Decimals.units(cash);
    cashScale = cash.scale();
    Map<String, Position> positions = ledger.positions();
    if (heldUnits.length < positions.size()) {
      heldUnits = new long[positions.size()];
      heldScales = new int[positions.size()];
      heldMarks = new Mark[positions.size()];
    }
    held = 0;
    for (Position p : positions.values()) {
      Mark m = marks.get(p.instrument().symbol());
      // Without a mark the position counts at its cost basis.
      BigDecimal amount = m == null ? p.costBasis() : p.quantity();
      if (!Decimals.fitsUnits(amount)) {
        return false;
      }
      heldUnits[held] = Decimals.units(amount);
      heldScales[held] = amount.scale();
      heldMarks[held] = m;
      held++;
    }
    equityLong = true;
    return true;
  }

  public PortfolioId id() {
    return id;
  }

  public String baseCurrency() {
    return baseCurrency;
  }

  public Ledger ledger() {
    return ledger;
  }

  /** The latest price per symbol. */
  public Map<String, BigDecimal> marks() {
    Map<String, BigDecimal> out = new HashMap<>();
    marks.forEach((symbol, m) -> out.put(symbol, BigDecimal.valueOf(m.units, m.scale)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * What buying back every short position would cost at the latest marks (a position without a mark
   * at its cost basis), as a positive amount; 0 when nothing is short.
   */
  public BigDecimal shortValue() {
    BigDecimal total = BigDecimal.ZERO;
    for (Position p : ledger.positions().values()) {
      if (p.quantity().signum() < 0) {
        BigDecimal mark = mark(p.instrument().symbol());
        total = total.add(mark == null ? p.costBasis().negate() : p.marketValue(mark).negate());
      }
    }
    return total;
  }

  public LedgerSummary summary() {
    return ledger.summary(marks());
  }

  /** Aggregates per bot_version, each from that version's fills alone. */
  public Map<String, LedgerSummary> summaryByVersion() {
    Map<String, LedgerSummary> out = new TreeMap<>();
    Map<String, BigDecimal> prices = marks();
    versions.forEach((v, l) -> out.put(v, l.summary(prices)));
    return out;
  }

  /** A mutable price: units at a scale. */
  private static final class Mark {
    long units;
    int scale;

    Mark(long units, int scale) {
      this.units = units;
      this.scale = scale;
    }
  }
}
