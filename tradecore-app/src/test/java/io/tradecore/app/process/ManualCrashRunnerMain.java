package io.tradecore.app.process;

import io.tradecore.app.cli.Workspace;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Order;
import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.venue.FillPage;
import io.tradecore.core.venue.ReportSink;
import io.tradecore.core.venue.SimulatedVenue;
import io.tradecore.core.venue.VenueFeatures;
import io.tradecore.core.venue.VenueOrder;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.paper.PaperExchange;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A runner process that trades a live feed that brings no bars, and applies the trader's plan
 * requests; its paper exchange stops dead right after it has committed the first order it takes,
 * before the runner commits what the request did, so a test can kill it there. Arguments: PORTFOLIO
 * MARKER_FILE (written, with the order's id, once the exchange has the order).
 */
public final class ManualCrashRunnerMain {
  private ManualCrashRunnerMain() {}

  public static void main(String[] args) throws Exception {
    Path marker = Path.of(args[1]);
    try (Workspace ws = Workspace.open(null, System.getenv(), true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(args[0]);
      RunnerOptions options =
          new RunnerOptions(
              "idle",
              Map.of(),
              "crash-test",
              ExecutionCosts.FREE,
              null,
              Duration.ofSeconds(3),
              Duration.ofSeconds(1),
              0,
              "localhost",
              ProcessHandle.current().pid());
      try (PortfolioRunner runner =
          PortfolioRunner.open(
              ws.db(),
              record,
              Portfolios.settings(record),
              options,
              Clock.systemUTC(),
              new PerInstrumentStrategies(instrument -> Strategy.idle("idle")),
              (db, portfolio, fence, clock) ->
                  new StopsAfterSubmit(
                      (SimulatedVenue)
                          PaperExchange.factory(ExecutionCosts.FREE, null)
                              .open(db, portfolio, fence, clock),
                      marker))) {
        System.out.println("trading " + record.name());
        System.out.flush();
        runner.run(new QuietLiveFeed());
      }
    }
  }

  /** A live feed between bars, for ever. */
  private static final class QuietLiveFeed implements MarketFeed {
    private volatile boolean stopped;

    @Override
    public String name() {
      return "quiet";
    }

    @Override
    public boolean daily() {
      return false;
    }

    @Override
    public boolean live() {
      return true;
    }

    @Override
    public void resumeAfter(Instant cursor, Consumer<Moment> history) {}

    @Override
    public Moment poll(Duration wait) throws InterruptedException {
      Thread.sleep(wait.toMillis());
      return null;
    }

    @Override
    public boolean ended() {
      return stopped;
    }

    @Override
    public void stop() {
      stopped = true;
    }
  }

  /** The paper exchange, which stops dead once it has committed the first order it takes. */
  private static final class StopsAfterSubmit implements SimulatedVenue {
    private final SimulatedVenue paper;
    private final Path marker;

    StopsAfterSubmit(SimulatedVenue paper, Path marker) {
      this.paper = paper;
      this.marker = marker;
    }

    @Override
    public void submit(Order order) {
      paper.submit(order);
      try {
        Files.writeString(marker, order.id().value());
        Thread.sleep(Long.MAX_VALUE);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String name() {
      return paper.name();
    }

    @Override
    public VenueFeatures features() {
      return paper.features();
    }

    @Override
    public void attach(ReportSink sink) {
      paper.attach(sink);
    }

    @Override
    public void cancel(ClientOrderId id) {
      paper.cancel(id);
    }

    @Override
    public List<VenueOrder> openOrders() {
      return paper.openOrders();
    }

    @Override
    public Optional<VenueOrder> order(ClientOrderId id) {
      return paper.order(id);
    }

    @Override
    public FillPage fillsSince(String cursor) {
      return paper.fillsSince(cursor);
    }

    @Override
    public Map<String, BigDecimal> positions() {
      return paper.positions();
    }

    @Override
    public Map<String, BigDecimal> balances() {
      return paper.balances();
    }

    @Override
    public void onBar(Bar bar) {
      paper.onBar(bar);
    }

    @Override
    public void submitTriggered(Order order, Bar bar) {
      paper.submitTriggered(order, bar);
    }

    @Override
    public void sessionDays(Function<Bar, LocalDate> days) {
      paper.sessionDays(days);
    }

    @Override
    public void fundedBy(Function<Order, BigDecimal> spendable) {
      paper.fundedBy(spendable);
    }
  }
}
