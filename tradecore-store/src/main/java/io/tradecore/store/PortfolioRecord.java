package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A portfolio as stored: identity, base currency, reporting time zone, calendar, starting capital
 * and its settings (caps, overnight policy) as JSON. Immutable.
 */
public record PortfolioRecord(
    PortfolioId id,
    String name,
    String baseCurrency,
    String timeZone,
    String calendar,
    BigDecimal startingCash,
    String settingsJson,
    Instant createdAt) {}
