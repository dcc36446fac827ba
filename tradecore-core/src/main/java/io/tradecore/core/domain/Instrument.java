package io.tradecore.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tradable instrument: its symbol, the currency it is priced in, and the number of decimals its
 * prices and quantities carry. Immutable and thread-safe.
 */
public record Instrument(String symbol, String currency, int priceScale, int quantityScale) {
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/:-]{1,32}");

  public Instrument {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(currency, "currency");
    if (!SYMBOL.matcher(symbol).matches()) {
      throw new IllegalArgumentException(
          "symbol must be 1-32 letters, digits or ._/:- but was '" + symbol + "'");
    }
    if (!currency.matches("[A-Z]{3,5}")) {
      throw new IllegalArgumentException("currency must be a code like USD but was " + currency);
    }
    if (priceScale < 0 || priceScale > 9) {
      throw new IllegalArgumentException("priceScale must be 0..9 but was " + priceScale);
    }
    if (quantityScale < 0 || quantityScale > 9) {
      throw new IllegalArgumentException("quantityScale must be 0..9 but was " + quantityScale);
    }
  }

  /** An instrument priced at {@code priceScale} decimals with quantities at 6 decimals. */
  public static Instrument of(String symbol, String currency, int priceScale) {
    return new Instrument(symbol, currency, priceScale, 6);
  }

  public Price price(long units) {
    return new Price(units, priceScale);
  }

  public Quantity quantity(long units) {
    return new Quantity(units, quantityScale);
  }
}
