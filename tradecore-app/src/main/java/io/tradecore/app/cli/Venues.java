package io.tradecore.app.cli;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.AlpacaConfig;
import io.tradecore.alpaca.StreamOptions;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.VenueFactory;
import io.tradecore.runner.alpaca.AlpacaFeed;
import io.tradecore.runner.config.AlpacaSettings;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code run} trades a portfolio on: its venue (the paper exchange, or the Alpaca account the
 * configuration reaches, the live endpoint only with {@code --live-confirm}) and its feed (a replay
 * of files, or Alpaca's bars on the wall clock). Checked before anything trades.
 */
final class Venues {
  private static final String ALPACA_FEED = "alpaca:";

  private final PortfolioRecord record;
  private final String feedSpec;
  private final AlpacaSettings alpaca;
  private final AlpacaConfig client; // null: Alpaca is not used
  private final List<String> symbols;

  private Venues(
      PortfolioRecord record,
      String feedSpec,
      AlpacaSettings alpaca,
      AlpacaConfig client,
      List<String> symbols) {
    this.record = record;
    this.feedSpec = feedSpec;
    this.alpaca = alpaca;
    this.client = client;
    this.symbols = symbols;
  }

  /**
   * Checks the portfolio's venue against the feed and the configuration.
   *
   * @throws ParameterException naming what is wrong: a live endpoint without {@code
   *     --live-confirm}, an Alpaca portfolio on a replay, a feed without symbols, missing keys
   */
  static Venues of(
      CommandSpec spec,
      PortfolioRecord record,
      AlpacaSettings alpaca,
      Map<String, String> env,
      String feedSpec,
      boolean liveConfirm) {
    boolean alpacaVenue = "alpaca".equals(record.venue());
    boolean alpacaFeed = feedSpec.toLowerCase(Locale.ROOT).startsWith(ALPACA_FEED);
    if (alpacaVenue && !alpacaFeed) {
      throw new ParameterException(
          spec.commandLine(),
          "portfolio "
              + record.name()
              + " trades an Alpaca account on the wall clock: give --feed alpaca:SYMBOL[,SYMBOL...]"
              + " (a replay cannot fill orders at a broker)");
    }
    if (!alpacaFeed) {
      return new Venues(record, feedSpec, alpaca, null, List.of());
    }
    List<String> symbols =
        Arrays.stream(feedSpec.substring(ALPACA_FEED.length()).split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toUpperCase(Locale.ROOT))
            .distinct()
            .toList();
    if (symbols.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--feed alpaca: names no symbol; use e.g. --feed alpaca:AAPL,MSFT");
    }
    AlpacaConfig config;
    try {
      config = alpaca.clientConfig(env);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Alpaca: " + e.getMessage(), e);
    }
    if (alpacaVenue && config.live() && !liveConfirm) {
      throw new ParameterException(
          spec.commandLine(),
          "portfolio "
              + record.name()
              + " would trade Alpaca's live endpoint ("
              + config.tradingUrl()
              + "), with real money; run again with --live-confirm if that is what you want");
    }
    return new Venues(record, feedSpec, alpaca, config, symbols);
  }

  /** The venue factory of the portfolio's venue. */
  VenueFactory venue(RunnerOptions options) {
    return VenueFactory.of(
        record, () -> client, options.botVersion(), options.costs(), options.volumeShare());
  }

  /** Opens the feed (the caller closes it). */
  MarketFeed feed(Workspace ws, PortfolioRecord portfolio, Clock clock) {
    if (client == null) {
      return ReplayFeed.open(feedSpec, portfolio.baseCurrency(), Path.of("").toAbsolutePath());
    }
    return new AlpacaFeed(
        AlpacaClient.create(client),
        symbols,
        alpaca.timeframe(),
        TradingCalendars.of(portfolio.calendar()),
        clock,
        StreamOptions.DEFAULT,
        ws.db().jdbi().withHandle(h -> new InstrumentRepository().all(h)));
  }

  /** What the run trades on, for its first line. */
  String describe(MarketFeed feed) {
    if (feed instanceof ReplayFeed replay) {
      return replay.size() + " events";
    }
    String where =
        "alpaca".equals(record.venue())
            ? " on the Alpaca " + (client.live() ? "LIVE" : "paper") + " account"
            : " on the paper exchange";
    return "Alpaca's "
        + alpaca.timeframe()
        + " bars of "
        + String.join(",", symbols)
        + where
        + " (until Ctrl-C)";
  }
}
