package io.tradecore.runner;

import io.tradecore.core.venue.Venue;
import io.tradecore.store.Database;
import io.tradecore.store.Fence;
import io.tradecore.store.PortfolioRecord;
import java.time.Clock;

/**
 * Opens the venue a portfolio trades on, for one runner: the durable paper exchange, or a broker
 * account. A venue that writes to the runner's database checks {@code fence} in each of its
 * transactions.
 */
@FunctionalInterface
public interface VenueFactory {
  Venue open(Database db, PortfolioRecord portfolio, Fence fence, Clock clock);
}
