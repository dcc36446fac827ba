package io.tradecore.runner;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.AlpacaConfig;
import io.tradecore.alpaca.StreamOptions;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.venue.Venue;
import io.tradecore.runner.alpaca.AlpacaVenue;
import io.tradecore.runner.paper.PaperExchange;
import io.tradecore.store.Database;
import io.tradecore.store.Fence;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Opens the venue a portfolio trades on, for one runner: the durable paper exchange, or a broker
 * account. A venue that writes to the runner's database checks {@code fence} in each of its
 * transactions.
 */
@FunctionalInterface
public interface VenueFactory {
  Venue open(Database db, PortfolioRecord portfolio, Fence fence, Clock clock);

  /**
   * The factory of the venue {@code portfolio} trades on: its Alpaca account (reached with the
   * client configuration {@code alpaca} gives, asked for only when the venue opens), else the paper
   * exchange with these costs.
   */
  static VenueFactory of(
      PortfolioRecord portfolio,
      Supplier<AlpacaConfig> alpaca,
      String botVersion,
      ExecutionCosts costs,
      BigDecimal volumeShare) {
    if ("alpaca".equals(portfolio.venue())) {
      return AlpacaVenue.factory(
          () -> AlpacaClient.create(alpaca.get()),
          botVersion,
          StreamOptions.DEFAULT,
          AlpacaVenue.POLL_INTERVAL);
    }
    return PaperExchange.factory(costs, volumeShare);
  }
}
