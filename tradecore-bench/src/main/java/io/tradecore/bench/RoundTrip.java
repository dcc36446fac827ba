package io.tradecore.bench;

import java.math.BigDecimal;

/**
 * One long round trip by bar index and price, as both engines report it; {@code exitIndex} is -1
 * and {@code exitPrice} null for a position still open at the end.
 */
record RoundTrip(int entryIndex, BigDecimal entryPrice, int exitIndex, BigDecimal exitPrice) {
  /** Same bars and numerically equal prices. */
  boolean sameAs(RoundTrip other) {
    return entryIndex == other.entryIndex
        && exitIndex == other.exitIndex
        && entryPrice.compareTo(other.entryPrice) == 0
        && (exitPrice == null
            ? other.exitPrice == null
            : other.exitPrice != null && exitPrice.compareTo(other.exitPrice) == 0);
  }

  @Override
  public String toString() {
    return "bar "
        + entryIndex
        + " @ "
        + entryPrice.toPlainString()
        + " -> "
        + (exitIndex < 0 ? "open" : "bar " + exitIndex + " @ " + exitPrice.toPlainString());
  }
}
