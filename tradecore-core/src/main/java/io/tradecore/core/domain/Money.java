package io.tradecore.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of a currency. Amounts are never rounded by arithmetic; rounding happens only
 * where a rule says so (fees, to the currency's minor unit). Immutable and thread-safe.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  private void requireSameCurrency(Money other) {
    if (!other.currency.equals(currency)) {
      throw new IllegalArgumentException(
          "currencies differ: " + currency + " vs " + other.currency);
    }
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  /** Equal when the currency and the numeric value agree, whatever the decimal scale. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && m.currency.equals(currency) && m.amount.compareTo(amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), currency);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
