package io.tradecore.runner.alpaca;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.BrokerRejection;
import io.tradecore.alpaca.BrokerUnavailable;
import io.tradecore.alpaca.FillActivity;
import io.tradecore.alpaca.OrderRequest;
import io.tradecore.alpaca.OrderSide;
import io.tradecore.alpaca.ReplaceRequest;
import io.tradecore.alpaca.StreamListener;
import io.tradecore.alpaca.StreamOptions;
import io.tradecore.alpaca.StreamState;
import io.tradecore.alpaca.TradeUpdate;
import io.tradecore.alpaca.TradeUpdatesStream;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.domain.TradeId;
import io.tradecore.core.venue.ExecutionReport;
import io.tradecore.core.venue.FillPage;
import io.tradecore.core.venue.ReportSink;
import io.tradecore.core.venue.Venue;
import io.tradecore.core.venue.VenueFeatures;
import io.tradecore.core.venue.VenueOrder;
import io.tradecore.runner.VenueFactory;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.Fence;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.OrderRecord;
import io.tradecore.store.OrderRepository;
import io.tradecore.store.VenueOrderRepository;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Alpaca account as the venue of one portfolio. Orders go out under deterministic client order
 * ids ({@link BrokerIds}), so a resubmission after a restart or a lost answer finds the order
 * Alpaca has instead of placing another. What becomes of them comes from the {@code trade_updates}
 * stream while it is connected, and from the FILL activities (from the portfolio's stored cursor)
 * at start, on every reconnect and every {@code pollInterval} while the stream is down; {@link
 * Executions} lets each execution through once and in order. A plan's stop and target rest at
 * Alpaca as an OCO pair, and a moved level replaces its order there.
 *
 * <p>Thread-safe: the engine's thread submits, the stream's and the poller's threads report.
 */
public final class AlpacaVenue implements Venue, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlpacaVenue.class);

  /** Protective orders rest at Alpaca; whole shares only; a plan may sell first. */
  public static final VenueFeatures FEATURES = new VenueFeatures(true, false, true);

  /** How often the FILL activities are read while the trade stream is down. */
  public static final Duration POLL_INTERVAL = Duration.ofMinutes(1);

  /** How long a submission whose outcome is unknown waits before it is looked up again. */
  private static final Duration RESOLVE_EVERY = Duration.ofSeconds(10);

  private final AlpacaClient client;
  private final Database db;
  private final Fence fence;
  private final PortfolioId portfolio;
  private final Instant since;
  private final String botVersion;
  private final Clock clock;
  private final StreamOptions streamOptions;
  private final Duration pollInterval;
  private final BrokerIds ids;
  private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();
  private final Map<ClientOrderId, Order> ours = new ConcurrentHashMap<>();
  private final Map<ClientOrderId, ClientOrderId> byBrokerClientId = new ConcurrentHashMap<>();
  private final Map<String, ClientOrderId> byBrokerOrderId = new ConcurrentHashMap<>();
  private final Map<ClientOrderId, String> brokerOrderIds = new ConcurrentHashMap<>();
  private final Set<String> notOurs = ConcurrentHashMap.newKeySet();
  private final Set<ClientOrderId> accepted = ConcurrentHashMap.newKeySet();
  private final Map<ClientOrderId, Unresolved> unresolved = new ConcurrentHashMap<>();
  private final Executions<Report> executions = new Executions<>();
  private final VenueOrderRepository links = new VenueOrderRepository();
  private final Object delivering = new Object();
  private final Object polling = new Object();
  private volatile ReportSink sink = r -> {};
  private volatile String cursor;
  private volatile Instant lastPoll;
  private volatile StreamState streamState = StreamState.DISCONNECTED;
  private ScheduledExecutorService poller;
  private TradeUpdatesStream stream;

  /** What one event turns into once it is due. */
  private record Report(ExecutionReport report) {}

  /** A submission whose answer never came and that Alpaca did not have when last asked. */
  private record Unresolved(ClientOrderId[] ours, Supplier<io.tradecore.alpaca.Order> send) {}

  /**
   * @param since when the portfolio began: activities before it are not its own
   * @param streamOptions the trade stream's timing, or null to poll only
   */
  public AlpacaVenue(
      AlpacaClient client,
      Database db,
      Fence fence,
      PortfolioId portfolio,
      Instant since,
      String botVersion,
      Clock clock,
      StreamOptions streamOptions,
      Duration pollInterval) {
    this.client = client;
    this.db = db;
    this.fence = fence;
    this.portfolio = portfolio;
    this.since = since;
    this.botVersion = botVersion;
    this.clock = clock;
    this.streamOptions = streamOptions;
    this.pollInterval = pollInterval;
    this.ids = new BrokerIds(portfolio);
    db.jdbi()
        .useHandle(
            h -> {
              instruments.putAll(new InstrumentRepository().all(h));
              for (OrderRecord r : new OrderRepository().all(h, portfolio, instruments)) {
                remember(r.order());
              }
              for (Fill f : new FillRepository().all(h, portfolio, instruments)) {
                String brokerId = links.brokerOrderId(h, portfolio, f.orderId()).orElse(null);
                if (brokerId != null) {
                  executions.alreadyDelivered(
                      brokerId, f.tradeId().value(), f.quantity().toBigDecimal());
                }
              }
              cursor = new EngineStateRepository().venueCursor(h, portfolio).orElse(null);
            });
  }

  /**
   * The Alpaca venue of each portfolio a runner opens, each with a client of its own from {@code
   * clients} (closed with the venue).
   *
   * @param streamOptions the trade stream's timing, or null to poll only
   */
  public static VenueFactory factory(
      Supplier<AlpacaClient> clients,
      String botVersion,
      StreamOptions streamOptions,
      Duration pollInterval) {
    return (db, portfolio, fence, clock) ->
        new AlpacaVenue(
            clients.get(),
            db,
            fence,
            portfolio.id(),
            // A minute's margin for a broker clock behind ours; only our ids are taken anyway.
            portfolio.createdAt().minus(Duration.ofMinutes(1)),
            botVersion,
            clock,
            streamOptions,
            pollInterval);
  }

  @Override
  public String name() {
    return "alpaca";
  }

  @Override
  public VenueFeatures features() {
    return FEATURES;
  }

  /** Starts listening: the trade stream (unless polling only) and the poller, which reads now. */
  @Override
  public synchronized void attach(ReportSink reportSink) {
    this.sink = reportSink;
    if (poller != null) {
      return;
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("alpaca-venue-poll").unstarted(r));
    poller.scheduleWithFixedDelay(this::tick, 0, 200, TimeUnit.MILLISECONDS);
    if (streamOptions != null) {
      stream =
          new TradeUpdatesStream(
              client.config(),
              HttpClient.newHttpClient(),
              streamOptions,
              new SplittableRandom(),
              new StreamListener<>() {
                @Override
                public void onEvent(TradeUpdate event) {
                  onUpdate(event);
                }

                @Override
                public void onStateChange(StreamState state, String reason) {
                  streamState = state;
                  if (state == StreamState.CONNECTED) {
                    // Whatever happened while it was down comes from the activities.
                    lastPoll = null;
                  }
                }
              });
      stream.start();
    }
  }

  /** True while the trade stream is connected. */
  public boolean streaming() {
    return streamState == StreamState.CONNECTED;
  }

  // ---- orders ------------------------------------------------------------------------------

  @Override
  public void submit(Order order) {
    remember(order);
    if (order.quantity() == null) {
      report(new ExecutionReport.Rejected(order.id(), now(), "Alpaca orders need a quantity"));
      return;
    }
    OrderRequest request = request(order);
    send(new ClientOrderId[] {order.id()}, () -> client.submitOrder(request));
  }

  @Override
  public void protect(Order stop, Order target) {
    OrderRequest request;
    ClientOrderId[] legs;
    if (stop != null && target != null) {
      remember(stop);
      remember(target);
      request =
          OrderRequest.oco(
              ids.of(target.id()),
              target.instrument().symbol(),
              side(target.side()),
              target.quantity().toBigDecimal(),
              target.limitPrice().toBigDecimal(),
              stop.stopPrice().toBigDecimal());
      legs = new ClientOrderId[] {target.id(), stop.id()};
    } else {
      Order only = stop != null ? stop : target;
      remember(only);
      request = request(only);
      legs = new ClientOrderId[] {only.id()};
    }
    send(legs, () -> client.submitOrder(request));
  }

  @Override
  public void replace(ClientOrderId old, Order replacement) {
    remember(replacement);
    String brokerId = brokerOrderId(old).orElse(null);
    if (brokerId == null) {
      report(
          new ExecutionReport.Rejected(
              replacement.id(), now(), "Alpaca has no order " + old + " to replace"));
      return;
    }
    ClientOrderId newId = ids.of(replacement.id());
    ReplaceRequest request =
        replacement.type() == OrderType.STOP
            ? ReplaceRequest.stopPrice(newId, replacement.stopPrice().toBigDecimal())
            : ReplaceRequest.limitPrice(newId, replacement.limitPrice().toBigDecimal());
    send(new ClientOrderId[] {replacement.id()}, () -> client.replaceOrder(brokerId, request));
  }

  @Override
  public void cancel(ClientOrderId id) {
    String brokerId = brokerOrderId(id).orElse(null);
    if (brokerId == null) {
      LOG.warn("Alpaca has no order {} to cancel", id);
      return;
    }
    try {
      client.cancelOrder(brokerId);
    } catch (BrokerRejection e) {
      // Filled or ended meanwhile: its fill or end comes as a report of its own.
      LOG.info("cancel of {} refused: {}", id, e.getMessage());
    } catch (BrokerUnavailable e) {
      LOG.warn("cancel of {} did not get through: {}", id, e.getMessage());
    }
  }

  /**
   * Sends an order request whose answer names the broker's ids: a refusal is reported as a
   * rejection of each of our orders in it; an answer that never came (after the client's own
   * lookups) is looked up again and resent by the poller, under the same client order id.
   */
  private void send(ClientOrderId[] legs, Supplier<io.tradecore.alpaca.Order> call) {
    try {
      placed(legs, call.get());
    } catch (BrokerRejection e) {
      for (ClientOrderId id : legs) {
        report(new ExecutionReport.Rejected(id, now(), e.brokerMessage()));
      }
    } catch (BrokerUnavailable e) {
      LOG.warn("order {} is in doubt ({}); asking Alpaca again shortly", legs[0], e.getMessage());
      unresolved.put(legs[0], new Unresolved(legs, call));
    }
  }

  /** Links the broker's ids of what it took and reports each of our orders accepted. */
  private void placed(ClientOrderId[] legs, io.tradecore.alpaca.Order top) {
    link(top.id(), legs[0]);
    if (legs.length > 1 && !top.legs().isEmpty()) {
      link(top.legs().getFirst().id(), legs[1]);
    }
    for (ClientOrderId id : legs) {
      if (accepted.add(id)) {
        report(new ExecutionReport.Accepted(id, now(), brokerOrderIds.get(id)));
      }
    }
  }

  /** Looks up and resends the submissions whose outcome is unknown. */
  private void resolve() {
    for (Map.Entry<ClientOrderId, Unresolved> e : List.copyOf(unresolved.entrySet())) {
      Unresolved u = e.getValue();
      unresolved.remove(e.getKey());
      // The same client order id: Alpaca takes it once, and the client resolves a repeat.
      send(u.ours(), u.send());
    }
  }

  // ---- reports -----------------------------------------------------------------------------

  private void onUpdate(TradeUpdate u) {
    io.tradecore.alpaca.Order o = u.order();
    if (o == null) {
      return;
    }
    learnLegs(o);
    ClientOrderId id = ourId(o.id(), o.clientOrderId());
    if (id == null) {
      return;
    }
    BigDecimal cum = o.filledQty() == null ? BigDecimal.ZERO : o.filledQty();
    switch (u.event()) {
      case FILL, PARTIAL_FILL -> {
        if (u.qty() == null || u.price() == null || u.executionId() == null) {
          return;
        }
        boolean done = o.qty() != null && cum.compareTo(o.qty()) >= 0;
        offer(
            new Executions.Event<>(
                o.id(),
                u.executionId(),
                u.qty(),
                cum,
                new Report(
                    fillReport(
                        id,
                        o.symbol(),
                        o.side(),
                        u.qty(),
                        u.price(),
                        u.timestamp(),
                        u.executionId(),
                        done))));
      }
      case CANCELED, REPLACED ->
          end(o.id(), cum, new ExecutionReport.Cancelled(id, at(u.timestamp())));
      case EXPIRED -> end(o.id(), cum, new ExecutionReport.Expired(id, at(u.timestamp())));
      case REJECTED ->
          end(o.id(), cum, new ExecutionReport.Rejected(id, at(u.timestamp()), "rejected"));
      case NEW, ACCEPTED -> {
        if (accepted.add(id)) {
          report(new ExecutionReport.Accepted(id, at(u.timestamp()), o.id()));
        }
      }
      default -> {}
    }
  }

  private void end(String brokerId, BigDecimal cum, ExecutionReport report) {
    offer(new Executions.Event<>(brokerId, null, BigDecimal.ZERO, cum, new Report(report)));
  }

  private void offer(Executions.Event<Report> event) {
    synchronized (delivering) {
      for (Executions.Event<Report> due : executions.offer(event)) {
        sink.report(due.payload().report());
      }
    }
  }

  private void report(ExecutionReport report) {
    synchronized (delivering) {
      sink.report(report);
    }
  }

  private ExecutionReport fillReport(
      ClientOrderId id,
      String symbol,
      OrderSide side,
      BigDecimal qty,
      BigDecimal price,
      Instant time,
      String executionId,
      boolean done) {
    Fill fill = fill(id, symbol, side, qty, price, time, executionId);
    return done ? new ExecutionReport.Filled(fill) : new ExecutionReport.PartiallyFilled(fill);
  }

  private Fill fill(
      ClientOrderId id,
      String symbol,
      OrderSide side,
      BigDecimal qty,
      BigDecimal price,
      Instant time,
      String executionId) {
    Order order = ours.get(id);
    Instrument instrument = order != null ? order.instrument() : instrument(symbol);
    PlanId plan =
        order != null ? order.planId() : id.parse().map(ClientOrderId.Parts::plan).orElse(null);
    return new Fill(
        new TradeId(executionId),
        id,
        plan,
        instrument,
        side == OrderSide.BUY ? Side.BUY : Side.SELL,
        Quantity.of(qty, instrument.quantityScale()),
        price(price, instrument, executionId),
        BigDecimal.ZERO,
        at(time),
        order != null ? order.botVersion() : botVersion);
  }

  /**
   * A fill's price at the instrument's scale. Alpaca's US equities (4 decimals) hold any fill
   * price; an instrument stored earlier with fewer decimals gets the nearest price, said in a
   * warning, rather than a fill that cannot be stored.
   */
  private static Price price(BigDecimal price, Instrument instrument, String executionId) {
    int scale = instrument.priceScale();
    BigDecimal at = price.setScale(scale, java.math.RoundingMode.HALF_EVEN);
    if (at.compareTo(price) != 0) {
      LOG.warn(
          "fill {} of {} at {} kept at {} ({} decimals, as the instrument is stored)",
          executionId,
          instrument.symbol(),
          price.toPlainString(),
          at.toPlainString(),
          scale);
    }
    return Price.of(at, scale);
  }

  // ---- polling -----------------------------------------------------------------------------

  /** The poller's beat: reads the activities when due and settles submissions in doubt. */
  private void tick() {
    try {
      Instant now = clock.instant();
      Instant last = lastPoll;
      boolean due =
          last == null
              || (!streaming() && !now.isBefore(last.plus(pollInterval)))
              || (!unresolved.isEmpty() && !now.isBefore(last.plus(RESOLVE_EVERY)));
      if (due) {
        poll();
      }
    } catch (RuntimeException e) {
      LOG.warn("reading Alpaca's fills failed: {}; trying again shortly", e.getMessage());
    }
  }

  /** Reads the FILL activities after the cursor and reports what the stream did not. */
  public void poll() {
    synchronized (polling) {
      resolve();
      List<FillActivity> activities = client.fillsAfter(cursor, cursor == null ? since : null);
      for (FillActivity a : activities) {
        ClientOrderId id = ourId(a.orderId(), null);
        if (id != null) {
          offer(activityEvent(id, a));
        }
        cursor = a.id();
      }
      synchronized (delivering) {
        for (Executions.Event<Report> due : executions.due()) {
          sink.report(due.payload().report());
        }
      }
      lastPoll = clock.instant();
    }
  }

  private Executions.Event<Report> activityEvent(ClientOrderId id, FillActivity a) {
    boolean done = a.leavesQty() != null && a.leavesQty().signum() == 0;
    String executionId = executionId(a);
    return new Executions.Event<>(
        a.orderId(),
        executionId,
        a.qty(),
        a.cumQty(),
        new Report(
            fillReport(
                id,
                a.symbol(),
                a.side(),
                a.qty(),
                a.price(),
                a.transactionTime(),
                executionId,
                done)));
  }

  /** An activity's id is {@code <time>::<execution id>}; the stream names the execution alone. */
  static String executionId(FillActivity a) {
    int at = a.id().indexOf("::");
    return at < 0 ? a.id() : a.id().substring(at + 2);
  }

  // ---- reconciliation ----------------------------------------------------------------------

  /**
   * The portfolio's fills after activity {@code from} that have not gone to the engine yet, for a
   * resync; they count as delivered from now on.
   */
  @Override
  public FillPage fillsSince(String from) {
    synchronized (polling) {
      List<FillActivity> activities = client.fillsAfter(from, from == null ? since : null);
      List<Fill> out = new ArrayList<>();
      String last = from;
      synchronized (delivering) {
        for (FillActivity a : activities) {
          last = a.id();
          ClientOrderId id = ourId(a.orderId(), null);
          String executionId = executionId(a);
          if (id == null || executions.isDelivered(executionId)) {
            continue;
          }
          executions.alreadyDelivered(a.orderId(), executionId, a.qty());
          out.add(
              fill(id, a.symbol(), a.side(), a.qty(), a.price(), a.transactionTime(), executionId));
        }
      }
      if (cursor == null && last != null) {
        cursor = last;
      }
      return new FillPage(out, last);
    }
  }

  @Override
  public List<VenueOrder> openOrders() {
    List<VenueOrder> out = new ArrayList<>();
    for (io.tradecore.alpaca.Order top : client.openOrders()) {
      List<io.tradecore.alpaca.Order> all = new ArrayList<>();
      all.add(top);
      all.addAll(top.legs());
      for (io.tradecore.alpaca.Order o : all) {
        ClientOrderId id = ourId(o.id(), o.clientOrderId());
        if (id != null && o.isWorking()) {
          venueOrder(id, o).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  @Override
  public Optional<VenueOrder> order(ClientOrderId id) {
    String brokerId = brokerOrderId(id).orElse(null);
    io.tradecore.alpaca.Order o;
    if (brokerId != null) {
      o = client.order(brokerId);
    } else {
      o = client.orderByClientOrderId(ids.of(id)).orElse(null);
      if (o == null) {
        return Optional.empty();
      }
      link(o.id(), id);
    }
    return venueOrder(id, o);
  }

  private Optional<VenueOrder> venueOrder(ClientOrderId id, io.tradecore.alpaca.Order o) {
    Order order = ours.get(id);
    if (order == null) {
      order = rebuilt(id, o);
      if (order == null) {
        return Optional.empty();
      }
      remember(order);
    }
    BigDecimal filled = o.filledQty() == null ? BigDecimal.ZERO : o.filledQty();
    return Optional.of(
        new VenueOrder(
            order,
            status(o.status()),
            Quantity.of(filled, order.instrument().quantityScale()),
            o.id()));
  }

  /**
   * Our order as Alpaca has it, for one the portfolio's books lost (sent in the moment a runner
   * died, before that moment was committed), so a resync can adopt it; null for one of a size or
   * kind TradeCore does not send.
   */
  private Order rebuilt(ClientOrderId id, io.tradecore.alpaca.Order o) {
    if (o.qty() == null || o.side() == null || o.symbol() == null) {
      return null;
    }
    OrderType type =
        switch (o.type()) {
          case LIMIT -> OrderType.LIMIT;
          case STOP -> OrderType.STOP;
          case MARKET -> OrderType.MARKET;
          default -> null;
        };
    if (type == null) {
      return null;
    }
    Instrument instrument = instrument(o.symbol());
    TimeInForce tif =
        switch (o.timeInForce() == null ? io.tradecore.alpaca.TimeInForce.GTC : o.timeInForce()) {
          case DAY -> TimeInForce.DAY;
          case IOC -> TimeInForce.IOC;
          default -> TimeInForce.GTC;
        };
    return new Order(
        id,
        id.parse().map(ClientOrderId.Parts::plan).orElse(null),
        instrument,
        o.side() == OrderSide.BUY ? Side.BUY : Side.SELL,
        type,
        Quantity.of(o.qty(), instrument.quantityScale()),
        null,
        type == OrderType.LIMIT ? price(o.limitPrice(), instrument, o.id()) : null,
        type == OrderType.STOP ? price(o.stopPrice(), instrument, o.id()) : null,
        tif,
        o.createdAt() == null ? clock.instant() : o.createdAt(),
        botVersion);
  }

  private static OrderStatus status(io.tradecore.alpaca.OrderStatus s) {
    return switch (s) {
      case FILLED -> OrderStatus.FILLED;
      case CANCELED, REPLACED -> OrderStatus.CANCELLED;
      case EXPIRED -> OrderStatus.EXPIRED;
      case REJECTED -> OrderStatus.REJECTED;
      default -> OrderStatus.WORKING;
    };
  }

  @Override
  public Map<String, BigDecimal> positions() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (io.tradecore.alpaca.Position p : client.positions()) {
      if (p.qty() != null && p.qty().signum() != 0) {
        out.put(p.symbol(), p.qty());
      }
    }
    return out;
  }

  /**
   * Empty: the account's cash is the account's, not the portfolio's (which started from its own
   * starting cash), so only positions are compared.
   */
  @Override
  public Map<String, BigDecimal> balances() {
    return Map.of();
  }

  // ---- ids ---------------------------------------------------------------------------------

  private void remember(Order order) {
    ours.put(order.id(), order);
    byBrokerClientId.put(ids.of(order.id()), order.id());
    instruments.putIfAbsent(order.instrument().symbol(), order.instrument());
  }

  /** Our id of broker order {@code brokerId} (client id {@code brokerClientId} if known). */
  private ClientOrderId ourId(String brokerId, ClientOrderId brokerClientId) {
    ClientOrderId known = byBrokerOrderId.get(brokerId);
    if (known != null) {
      return known;
    }
    if (brokerClientId != null) {
      ClientOrderId mine = byBrokerClientId.get(brokerClientId);
      if (mine == null) {
        mine = ids.ours(brokerClientId.value());
      }
      if (mine != null) {
        link(brokerId, mine);
        return mine;
      }
    }
    if (notOurs.contains(brokerId)) {
      return null;
    }
    ClientOrderId stored =
        db.jdbi().withHandle(h -> links.clientOrderId(h, portfolio, brokerId)).orElse(null);
    if (stored != null) {
      byBrokerOrderId.put(brokerId, stored);
      brokerOrderIds.put(stored, brokerId);
      return stored;
    }
    if (brokerClientId == null) {
      // An activity names the order only: its client order id says whose it is.
      io.tradecore.alpaca.Order o = client.order(brokerId);
      learnLegs(o);
      ClientOrderId mine = byBrokerOrderId.get(brokerId);
      if (mine == null && o.clientOrderId() != null) {
        mine = byBrokerClientId.get(o.clientOrderId());
        if (mine == null) {
          mine = ids.ours(o.clientOrderId().value());
        }
      }
      if (mine != null) {
        link(brokerId, mine);
        return mine;
      }
    }
    notOurs.add(brokerId);
    return null;
  }

  /** The stop leg of an OCO pair of ours takes the id of the pair's stop order. */
  private void learnLegs(io.tradecore.alpaca.Order o) {
    if (o.legs().isEmpty() || o.clientOrderId() == null) {
      return;
    }
    ClientOrderId target = byBrokerClientId.get(o.clientOrderId());
    if (target == null || byBrokerOrderId.containsKey(o.legs().getFirst().id())) {
      return;
    }
    ClientOrderId.Parts parts = target.parse().orElse(null);
    if (parts != null && parts.exitNumber() > 1) {
      link(o.legs().getFirst().id(), ClientOrderId.exit(parts.plan(), parts.exitNumber() - 1));
    }
  }

  /** Keeps (in memory and durably) that the broker holds our order {@code ours} as {@code id}. */
  private void link(String brokerId, ClientOrderId mine) {
    if (mine.equals(byBrokerOrderId.get(brokerId))) {
      return;
    }
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              links.link(h, portfolio, brokerId, mine, clock.instant());
            });
    byBrokerOrderId.put(brokerId, mine);
    brokerOrderIds.put(mine, brokerId);
  }

  private Optional<String> brokerOrderId(ClientOrderId mine) {
    String known = brokerOrderIds.get(mine);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> stored = db.jdbi().withHandle(h -> links.brokerOrderId(h, portfolio, mine));
    if (stored.isPresent()) {
      brokerOrderIds.put(mine, stored.get());
      return stored;
    }
    Optional<io.tradecore.alpaca.Order> found = client.orderByClientOrderId(ids.of(mine));
    found.ifPresent(o -> link(o.id(), mine));
    return found.map(io.tradecore.alpaca.Order::id);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private OrderRequest request(Order o) {
    ClientOrderId id = ids.of(o.id());
    String symbol = o.instrument().symbol();
    OrderSide side = side(o.side());
    BigDecimal qty = o.quantity().toBigDecimal();
    OrderRequest r =
        switch (o.type()) {
          case MARKET -> OrderRequest.market(id, symbol, side, qty);
          case LIMIT -> OrderRequest.limit(id, symbol, side, qty, o.limitPrice().toBigDecimal());
          case STOP -> OrderRequest.stop(id, symbol, side, qty, o.stopPrice().toBigDecimal());
        };
    return r.withTimeInForce(timeInForce(o.timeInForce()));
  }

  private static io.tradecore.alpaca.TimeInForce timeInForce(TimeInForce tif) {
    return switch (tif) {
      case GTC -> io.tradecore.alpaca.TimeInForce.GTC;
      case DAY -> io.tradecore.alpaca.TimeInForce.DAY;
      case IOC -> io.tradecore.alpaca.TimeInForce.IOC;
    };
  }

  private static OrderSide side(Side side) {
    return side == Side.BUY ? OrderSide.BUY : OrderSide.SELL;
  }

  /**
   * The instrument of {@code symbol}: known from the store or an order, else a US equity's, which
   * is stored first (a fill of it is stored against it).
   */
  private Instrument instrument(String symbol) {
    Instrument known = instruments.get(symbol);
    if (known != null) {
      return known;
    }
    Instrument equity = usEquity(symbol);
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              new InstrumentRepository().ensure(h, equity);
            });
    Instrument stored =
        db.jdbi().withHandle(h -> new InstrumentRepository().all(h)).getOrDefault(symbol, equity);
    instruments.put(symbol, stored);
    return stored;
  }

  /** A US equity at Alpaca: prices to 1/10,000 (fills may be sub-penny), orders in cents. */
  public static Instrument usEquity(String symbol) {
    return new Instrument(symbol, "USD", 4, 0, "alpaca", 100, 1);
  }

  private Instant now() {
    return clock.instant();
  }

  private Instant at(Instant time) {
    return time == null ? clock.instant() : time;
  }

  @Override
  public synchronized void close() {
    if (stream != null) {
      stream.close();
    }
    if (poller != null) {
      poller.shutdownNow();
      try {
        poller.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.close();
  }
}
