package io.tradecore.core.ledger;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cash, positions, realized PnL and fees derived from a sequence of fills, all exact. When part of
 * a position is closed, the cost basis it carried is allocated pro rata, rounded half-even to the
 * scale of price times quantity; the same rule is applied by {@link #rebuild}, so incremental and
 * rebuilt states are equal, and cash + market value - start always equals realized + unrealized -
 * fees. Not thread-safe: the engine owns it on one thread.
 */
public final class Ledger {
  private final BigDecimal startingCash;
  private BigDecimal cash;
  private BigDecimal realizedPnl = BigDecimal.ZERO;
  private BigDecimal fees = BigDecimal.ZERO;
  private long fillCount;
  private final Map<String, Position> positions = new LinkedHashMap<>();

  public Ledger(BigDecimal startingCash) {
    this.startingCash = startingCash;
    this.cash = startingCash;
  }

  /** A ledger equal to one that applied {@code fills} in order, starting from {@code cash}. */
  public static Ledger rebuild(BigDecimal startingCash, Iterable<Fill> fills) {
    Ledger ledger = new Ledger(startingCash);
    for (Fill fill : fills) {
      ledger.apply(fill);
    }
    return ledger;
  }

  /**
   * A ledger in a state recorded before (a cache of one that applied its fills), equal to one that
   * applied them again; {@code positions} in the order the ledger held them.
   */
  public static Ledger restore(
      BigDecimal startingCash,
      BigDecimal cash,
      BigDecimal realizedPnl,
      BigDecimal fees,
      long fillCount,
      List<Position> positions) {
    Ledger ledger = new Ledger(startingCash);
    ledger.cash = cash;
    ledger.realizedPnl = realizedPnl;
    ledger.fees = fees;
    ledger.fillCount = fillCount;
    positions.forEach(p -> ledger.positions.put(p.instrument().symbol(), p));
    return ledger;
  }

  public void apply(Fill fill) {
    Instrument instrument = fill.instrument();
    BigDecimal delta = fill.signedQuantity();
    BigDecimal price = fill.price().toBigDecimal();
    cash = cash.subtract(delta.multiply(price)).subtract(fill.fee());
    fees = fees.add(fill.fee());
    fillCount++;

    Position old = positions.get(instrument.symbol());
    BigDecimal qty = old == null ? BigDecimal.ZERO : old.quantity();
    BigDecimal cost = old == null ? BigDecimal.ZERO : old.costBasis();
    if (qty.signum() == 0 || qty.signum() == delta.signum()) {
      qty = qty.add(delta);
      cost = cost.add(delta.multiply(price));
    } else {
      BigDecimal closing = delta.abs().min(qty.abs());
      BigDecimal allocated =
          closing.compareTo(qty.abs()) == 0
              ? cost
              : cost.multiply(closing)
                  .divide(qty.abs(), price.scale() + closing.scale(), RoundingMode.HALF_EVEN);
      // The closed part's value at this price, signed like the position it closes.
      BigDecimal closedValue = closing.multiply(price).multiply(BigDecimal.valueOf(qty.signum()));
      realizedPnl = realizedPnl.add(closedValue.subtract(allocated));
      cost = cost.subtract(allocated);
      qty = qty.add(delta);
      if (qty.signum() == 0) {
        cost = BigDecimal.ZERO;
      } else if (qty.signum() == delta.signum()) {
        // Flipped: what is left of the fill opens a position the other way at this price.
        cost = qty.multiply(price);
      }
    }
    if (qty.signum() == 0) {
      positions.remove(instrument.symbol());
    } else {
      positions.put(instrument.symbol(), new Position(instrument, qty, cost));
    }
  }

  public BigDecimal startingCash() {
    return startingCash;
  }

  public BigDecimal cash() {
    return cash;
  }

  public BigDecimal realizedPnl() {
    return realizedPnl;
  }

  public BigDecimal fees() {
    return fees;
  }

  public long fillCount() {
    return fillCount;
  }

  /** Open positions by symbol, in the order they were opened. */
  public Map<String, Position> positions() {
    return Collections.unmodifiableMap(positions);
  }

  public Position position(String symbol) {
    return positions.get(symbol);
  }

  /** Aggregates at the given marks (symbol to price); a position without a mark uses its cost. */
  public LedgerSummary summary(Map<String, BigDecimal> marks) {
    BigDecimal marketValue = BigDecimal.ZERO;
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal unrealized = BigDecimal.ZERO;
    for (Position p : positions.values()) {
      BigDecimal mark = marks.get(p.instrument().symbol());
      BigDecimal value = mark == null ? p.costBasis() : p.marketValue(mark);
      marketValue = marketValue.add(value);
      gross = gross.add(value.abs());
      unrealized = unrealized.add(value.subtract(p.costBasis()));
    }
    return new LedgerSummary(
        startingCash,
        cash,
        cash.add(marketValue),
        realizedPnl,
        unrealized,
        fees,
        gross,
        positions.size(),
        fillCount);
  }

  /** Equal state: same cash, realized PnL, fees, fill count and positions (numerically). */
  public boolean sameStateAs(Ledger other) {
    if (cash.compareTo(other.cash) != 0
        || realizedPnl.compareTo(other.realizedPnl) != 0
        || fees.compareTo(other.fees) != 0
        || fillCount != other.fillCount
        || !positions.keySet().equals(other.positions.keySet())) {
      return false;
    }
    for (var e : positions.entrySet()) {
      Position mine = e.getValue();
      Position theirs = other.positions.get(e.getKey());
      if (mine.quantity().compareTo(theirs.quantity()) != 0
          || mine.costBasis().compareTo(theirs.costBasis()) != 0) {
        return false;
      }
    }
    return true;
  }
}
