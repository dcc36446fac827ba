package io.tradecore.core.ledger;

import io.tradecore.core.domain.Fill;
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
  private final Map<String, BigDecimal> marks = new HashMap<>();

  public Portfolio(PortfolioId id, String baseCurrency, BigDecimal startingCash) {
    this.id = id;
    this.baseCurrency = baseCurrency;
    this.ledger = new Ledger(startingCash);
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
    marks.putIfAbsent(fill.instrument().symbol(), fill.price().toBigDecimal());
  }

  public void mark(String symbol, BigDecimal price) {
    marks.put(symbol, price);
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

  public Map<String, BigDecimal> marks() {
    return Collections.unmodifiableMap(marks);
  }

  public LedgerSummary summary() {
    return ledger.summary(marks);
  }

  /** Aggregates per bot_version, each from that version's fills alone. */
  public Map<String, LedgerSummary> summaryByVersion() {
    Map<String, LedgerSummary> out = new TreeMap<>();
    versions.forEach((v, l) -> out.put(v, l.summary(marks)));
    return out;
  }
}
