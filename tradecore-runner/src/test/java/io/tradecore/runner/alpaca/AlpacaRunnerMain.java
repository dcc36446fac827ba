package io.tradecore.runner.alpaca;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.AlpacaConfig;
import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A runner in a process of its own, for the crash test: trades a portfolio on the Alpaca venue of
 * the fake at {@code args[1]} (its FILL activities read only hourly and no trade stream, so it
 * learns nothing of a fill made at the broker after it starts), with one limit entry on its one
 * bar, until it is killed. Arguments: database URL, fake URL, portfolio id, and optionally the
 * bar's close in units (another than {@link BuyOnce#TRIGGER} opens no plan).
 */
public final class AlpacaRunnerMain {
  private AlpacaRunnerMain() {}

  public static void main(String[] args) {
    Database db = Database.open(args[0], null, null, 2);
    URI fake = URI.create(args[1]);
    PortfolioId id = new PortfolioId(args[2]);
    PortfolioRecord record =
        db.jdbi().withHandle(h -> new PortfolioRepository().byId(h, id)).orElseThrow();
    AlpacaConfig config =
        AlpacaConfig.of(
            FakeAlpaca.KEY_ID,
            FakeAlpaca.SECRET,
            fake,
            fake,
            URI.create("ws://" + fake.getAuthority()),
            "iex");
    RunnerOptions options =
        new RunnerOptions(
            "buy-once",
            Map.of(),
            "v1",
            ExecutionCosts.FREE,
            null,
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            0,
            "crash-host",
            ProcessHandle.current().pid());
    PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            PortfolioSettings.fromJson(record.settingsJson()),
            options,
            Clock.systemUTC(),
            new PerInstrumentStrategies(i -> new BuyOnce(10, BuyOnce.TRIGGER)),
            AlpacaVenue.factory(
                () -> AlpacaClient.builder(config).build(), "v1", null, Duration.ofHours(1)));
    ScriptedFeed feed = new ScriptedFeed();
    long p = args.length > 3 ? Long.parseLong(args[3]) : BuyOnce.TRIGGER;
    feed.push(new Bar(AgainstFakeBroker.AAPL, Instant.now(), p, p, p, p, 1000));
    System.out.println("trading");
    System.out.flush();
    runner.run(feed);
  }
}
