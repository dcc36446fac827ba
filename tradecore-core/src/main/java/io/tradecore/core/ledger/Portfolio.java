package io.tradecore.core.ledger;

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
    marks.computeIfAbsent(
        fill.instrument().symbol(), s -> new Mark(fill.price().units(), fill.price().scale()));
  }

  public void mark(String symbol, BigDecimal price) {
    marks.put(symbol, new Mark(price.unscaledValue().longValueExact(), price.scale()));
    lastMarked = null;
  }

  /** Marks an instrument to a price in units at its price scale; the engine calls it every bar. */
  public void mark(Instrument instrument, long priceUnits) {
    if (instrument != lastMarked) {
      lastMark =
          marks.computeIfAbsent(instrument.symbol(), s -> new Mark(0, instrument.priceScale()));
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
