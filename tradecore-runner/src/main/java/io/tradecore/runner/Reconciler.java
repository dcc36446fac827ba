package io.tradecore.runner;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.ledger.Ledger;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.venue.ExecutionReport;
import io.tradecore.core.venue.FillPage;
import io.tradecore.core.venue.Venue;
import io.tradecore.core.venue.VenueOrder;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.FillRepository;
import io.tradecore.store.OrderRecord;
import io.tradecore.store.OrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Brings a portfolio's books in line with its venue, through the venue port's reconciliation
 * queries only: fills the venue made after the stored cursor that the ledger lacks (a crash between
 * the venue's commit and the runner's) are applied as the engine's own, orders the venue has
 * finished are closed here too, and what still differs (cash, positions) is reported as drift. The
 * caller commits what it changed, with {@link #cursor()}.
 */
final class Reconciler {
  private final Database db;
  private final PortfolioId portfolio;
  private final String currency;
  private final Venue venue;
  private final Engine engine;
  private final Ledger ledger;
  private final EventRecorder recorder;
  private final Map<String, Instrument> instruments;
  private String cursor;

  Reconciler(
      Database db,
      PortfolioId portfolio,
      String currency,
      Venue venue,
      Engine engine,
      Ledger ledger,
      EventRecorder recorder,
      Map<String, Instrument> instruments) {
    this.db = db;
    this.portfolio = portfolio;
    this.currency = currency;
    this.venue = venue;
    this.engine = engine;
    this.ledger = ledger;
    this.recorder = recorder;
    this.instruments = instruments;
  }

  /** The venue's cursor after the last resync: every fill up to it is in the ledger. */
  String cursor() {
    return cursor;
  }

  ResyncReport resync(Instant now) {
    String from =
        db.jdbi()
            .withHandle(h -> new EngineStateRepository().venueCursor(h, portfolio))
            .orElse(null);
    FillPage page = venue.fillsSince(from);
    cursor = page.cursor();
    FillRepository fills = new FillRepository();
    List<Fill> missing = new ArrayList<>();
    for (Fill fill : page.fills()) {
      if (!db.jdbi().withHandle(h -> fills.contains(h, portfolio, fill.tradeId()))) {
        missing.add(fill);
      }
    }
    for (int i = 0; i < missing.size(); i++) {
      Fill fill = missing.get(i);
      VenueOrder order = venue.order(fill.orderId()).orElse(null);
      if (order != null && !engine.isWorking(fill.orderId())) {
        engine.adopt(order.order());
      }
      boolean lastOfOrder = true;
      for (int j = i + 1; j < missing.size(); j++) {
        lastOfOrder &= !missing.get(j).orderId().equals(fill.orderId());
      }
      boolean done = order == null || (!order.status().isOpen() && lastOfOrder);
      engine.apply(
          done ? new ExecutionReport.Filled(fill) : new ExecutionReport.PartiallyFilled(fill));
    }
    // Reports the venue delivered meanwhile (a live venue's stream or poller) go first, so an order
    // is never closed here before its last fill is applied.
    engine.drain();
    int closed = closeFinishedOrders(now);
    return new ResyncReport(missing.size(), closed, drift());
  }

  /** Closes here the orders the books count as working and the venue has finished. */
  private int closeFinishedOrders(Instant now) {
    List<OrderRecord> working =
        db.jdbi()
            .withHandle(
                h ->
                    new OrderRepository()
                        .withStatus(h, portfolio, OrderStatus.WORKING, instruments));
    int closed = 0;
    for (OrderRecord o : working) {
      OrderStatus status =
          venue.order(o.order().id()).map(VenueOrder::status).orElse(OrderStatus.CANCELLED);
      if (status.isOpen()) {
        continue;
      }
      ClientOrderId id = o.order().id();
      switch (status) {
        case FILLED -> engine.forgetFilled(id);
        case EXPIRED -> engine.apply(new ExecutionReport.Expired(id, now));
        case REJECTED -> engine.apply(new ExecutionReport.Rejected(id, now, "rejected"));
        default -> engine.apply(new ExecutionReport.Cancelled(id, now));
      }
      recorder.closed(o, status, now);
      closed++;
    }
    return closed;
  }

  /** Where the venue's cash and positions differ from the ledger's. */
  private List<String> drift() {
    List<String> out = new ArrayList<>();
    Map<String, BigDecimal> balances = venue.balances();
    if (balances.containsKey(currency) && balances.get(currency).compareTo(ledger.cash()) != 0) {
      out.add(
          "cash: venue "
              + balances.get(currency).toPlainString()
              + " vs ledger "
              + ledger.cash().toPlainString());
    }
    Map<String, BigDecimal> held = new TreeMap<>();
    for (Position p : ledger.positions().values()) {
      held.put(p.instrument().symbol(), p.quantity());
    }
    Map<String, BigDecimal> atVenue = venue.positions();
    TreeSet<String> symbols = new TreeSet<>(held.keySet());
    symbols.addAll(atVenue.keySet());
    for (String symbol : symbols) {
      BigDecimal ours = held.getOrDefault(symbol, BigDecimal.ZERO);
      BigDecimal theirs = atVenue.getOrDefault(symbol, BigDecimal.ZERO);
      if (ours.compareTo(theirs) != 0) {
        out.add(
            symbol
                + " position: venue "
                + theirs.toPlainString()
                + " vs ledger "
                + ours.toPlainString());
      }
    }
    return out;
  }
}
