package io.tradecore.runner;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The default set-up of a portfolio (NYSE calendar, reporting in Australia/Sydney, 100,000 USD, no
 * caps or overnight policy), created on Monday 2024-03-04 in New York, for runner tests.
 */
final class SydneyPortfolio {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The built-in defaults. */
  static final PortfolioSettings SETTINGS = PortfolioSettings.DEFAULTS;

  private SydneyPortfolio() {}

  /** Stores the portfolio and returns its record. */
  static PortfolioRecord create(Database db, PortfolioId id, String name) {
    PortfolioRecord record =
        new PortfolioRecord(
            id,
            name,
            "USD",
            "Australia/Sydney",
            "NYSE",
            SETTINGS.startingCash(),
            SETTINGS.toJson(),
            ZonedDateTime.of(2024, 3, 4, 0, 0, 0, 0, NEW_YORK).toInstant());
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    return record;
  }
}
