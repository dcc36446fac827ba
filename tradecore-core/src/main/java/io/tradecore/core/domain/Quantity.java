package io.tradecore.core.domain;

import java.math.BigDecimal;

/**
 * An exact, non-negative quantity: {@code units} of 10^-{@code scale}. Immutable and thread-safe;
 * {@link #toString} round-trips through {@link #parse}.
 */
public record Quantity(long units, int scale) implements Comparable<Quantity> {
  public Quantity {
    if (units < 0) {
      throw new IllegalArgumentException("quantity must not be negative: " + units);
    }
    if (scale < 0 || scale > 18) {
      throw new IllegalArgumentException("quantity scale must be 0..18 but was " + scale);
    }
  }

  public static Quantity of(BigDecimal value, int scale) {
    return new Quantity(Decimals.toUnits(value, scale), scale);
  }

  public static Quantity parse(String text) {
    BigDecimal value = new BigDecimal(text);
    return of(value, Math.max(value.scale(), 0));
  }

  public static Quantity zero(int scale) {
    return new Quantity(0, scale);
  }

  public boolean isZero() {
    return units == 0;
  }

  public Quantity plus(Quantity other) {
    requireSameScale(other);
    return new Quantity(Math.addExact(units, other.units), scale);
  }

  public Quantity minus(Quantity other) {
    requireSameScale(other);
    return new Quantity(Math.subtractExact(units, other.units), scale);
  }

  public Quantity min(Quantity other) {
    requireSameScale(other);
    return units <= other.units ? this : other;
  }

  public BigDecimal toBigDecimal() {
    return Decimals.toDecimal(units, scale);
  }

  private void requireSameScale(Quantity other) {
    if (other.scale != scale) {
      throw new IllegalArgumentException("quantity scales differ: " + scale + " vs " + other.scale);
    }
  }

  @Override
  public int compareTo(Quantity other) {
    return toBigDecimal().compareTo(other.toBigDecimal());
  }

  @Override
  public String toString() {
    return toBigDecimal().toPlainString();
  }
}
