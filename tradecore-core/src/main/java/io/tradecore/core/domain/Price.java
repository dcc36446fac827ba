package io.tradecore.core.domain;

import java.math.BigDecimal;

/**
 * An exact price: {@code units} of 10^-{@code scale}. Immutable and thread-safe; {@link #toString}
 * round-trips through {@link #parse}.
 */
public record Price(long units, int scale) implements Comparable<Price> {
  public Price {
    if (scale < 0 || scale > 18) {
      throw new IllegalArgumentException("price scale must be 0..18 but was " + scale);
    }
  }

  public static Price of(BigDecimal value, int scale) {
    return new Price(Decimals.toUnits(value, scale), scale);
  }

  /** Parses a plain decimal such as {@code 12.345}; the scale is the number of decimals given. */
  public static Price parse(String text) {
    BigDecimal value = new BigDecimal(text);
    int scale = Math.max(value.scale(), 0);
    return of(value, scale);
  }

  public BigDecimal toBigDecimal() {
    return Decimals.toDecimal(units, scale);
  }

  public double toDouble() {
    return units / (double) Decimals.pow10(scale);
  }

  public boolean isPositive() {
    return units > 0;
  }

  @Override
  public int compareTo(Price other) {
    if (scale == other.scale) {
      return Long.compare(units, other.units);
    }
    return toBigDecimal().compareTo(other.toBigDecimal());
  }

  @Override
  public String toString() {
    return toBigDecimal().toPlainString();
  }
}
