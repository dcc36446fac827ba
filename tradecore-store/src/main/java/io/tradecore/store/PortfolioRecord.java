package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A portfolio as stored: identity, base currency, reporting time zone, calendar, starting capital,
 * its settings (caps, overnight policy) as JSON, and the venue it trades on ({@code paper} or
 * {@code alpaca}). Immutable.
 */
public record PortfolioRecord(
    PortfolioId id,
    String name,
    String baseCurrency,
    String timeZone,
    String calendar,
    BigDecimal startingCash,
    String settingsJson,
    Instant createdAt,
    String venue) {

  /** The paper exchange, every portfolio's venue unless it was created on another. */
  public static final String PAPER = "paper";

  public PortfolioRecord {
    venue = venue == null ? PAPER : venue;
  }

  /** A portfolio on the paper exchange. */
  public PortfolioRecord(
      PortfolioId id,
      String name,
      String baseCurrency,
      String timeZone,
      String calendar,
      BigDecimal startingCash,
      String settingsJson,
      Instant createdAt) {
    this(id, name, baseCurrency, timeZone, calendar, startingCash, settingsJson, createdAt, PAPER);
  }
}
