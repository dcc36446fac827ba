package io.tradecore.core.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tradable instrument: its symbol, the currency it is priced in, the number of decimals its
 * prices and quantities carry, the venue it trades on, and the venue's tick size (the smallest
 * price step, in price units) and lot size (the smallest quantity step, in quantity units). An
 * order's prices are rounded to ticks and its quantity down to lots before it is sent. Immutable
 * and thread-safe.
 *
 * @param venue where the instrument trades, for example {@code alpaca}; {@link #ANY_VENUE} for bars
 *     read from files, which trade wherever the portfolio trades
 */
public record Instrument(
    String symbol,
    String currency,
    int priceScale,
    int quantityScale,
    String venue,
    long tickSize,
    long lotSize) {
  /** The venue of an instrument known only from market data. */
  public static final String ANY_VENUE = "any";

  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/:-]{1,32}");
  private static final Pattern VENUE = Pattern.compile("[a-z0-9_-]{1,32}");

  public Instrument {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(venue, "venue");
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
    if (!VENUE.matcher(venue).matches()) {
      throw new IllegalArgumentException(
          "venue must be 1-32 lower-case letters, digits, _ or - but was '" + venue + "'");
    }
    if (tickSize < 1 || lotSize < 1) {
      throw new IllegalArgumentException(
          symbol
              + ": tick and lot sizes must be at least 1 unit but were "
              + tickSize
              + ", "
              + lotSize);
    }
  }

  /** An instrument of any venue whose prices and quantities step by one unit of their scale. */
  public Instrument(String symbol, String currency, int priceScale, int quantityScale) {
    this(symbol, currency, priceScale, quantityScale, ANY_VENUE, 1, 1);
  }

  /** An instrument priced at {@code priceScale} decimals with quantities at 6 decimals. */
  public static Instrument of(String symbol, String currency, int priceScale) {
    return new Instrument(symbol, currency, priceScale, 6);
  }

  /** The same instrument as traded on {@code venue} with its tick and lot sizes. */
  public Instrument onVenue(String venueName, long tick, long lot) {
    return new Instrument(symbol, currency, priceScale, quantityScale, venueName, tick, lot);
  }

  public Price price(long units) {
    return new Price(units, priceScale);
  }

  public Quantity quantity(long units) {
    return new Quantity(units, quantityScale);
  }

  /** {@code units} rounded down to a whole number of ticks. */
  public long tickDown(long units) {
    return units - Math.floorMod(units, tickSize);
  }

  /** {@code units} rounded up to a whole number of ticks. */
  public long tickUp(long units) {
    long rest = Math.floorMod(units, tickSize);
    return rest == 0 ? units : Math.addExact(units - rest, tickSize);
  }

  /** A quantity in units rounded down to a whole number of lots (possibly 0). */
  public long lotDown(long units) {
    return units - Math.floorMod(units, lotSize);
  }

  /**
   * The smallest quantity, in units, that is both whole lots and whole shares (the least common
   * multiple of the lot size and one share): the step of quantities on a venue without fractions.
   */
  public long wholeShareLot() {
    long share = BigDecimal.ONE.movePointRight(quantityScale).longValueExact();
    long gcd = BigInteger.valueOf(share).gcd(BigInteger.valueOf(lotSize)).longValueExact();
    return Math.multiplyExact(share / gcd, lotSize);
  }

  /**
   * Equal when every field is equal; an instrument is usually compared with itself (map keys on the
   * engine's hot path), which is answered first.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Instrument i
        && priceScale == i.priceScale
        && quantityScale == i.quantityScale
        && tickSize == i.tickSize
        && lotSize == i.lotSize
        && symbol.equals(i.symbol)
        && currency.equals(i.currency)
        && venue.equals(i.venue);
  }

  /** The symbol's hash (cached by String): equal instruments have equal symbols. */
  @Override
  public int hashCode() {
    return symbol.hashCode();
  }
}
