package io.tradecore.runner;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.runner.paper.PaperExchange;
import io.tradecore.store.Codec;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.PlanRequestRepository;
import io.tradecore.store.PlanRequestRepository.Kind;
import io.tradecore.store.PlanRequestRepository.Request;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import io.tradecore.store.query.PlanQueries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a trader's plan requests come in (the {@code plan} command, the API): it checks what can be
 * checked from the store (the option that is wrong is named), writes the request to the durable
 * inbox ({@code plan_requests}), and waits for its outcome. The runner that holds the portfolio's
 * lease applies it on its next loop turn (within about a second on a live feed), through risk, and
 * records the outcome in the transaction that commits what it did. When no runner holds the lease,
 * {@link #await} applies it here: it takes the lease briefly, runs the engine's step for the
 * request (the same code a runner runs) and lets go, so a request never waits for a runner to
 * start.
 */
public final class PlanDesk {
  /** How a request is applied when no runner holds the portfolio: opens a runner for a moment. */
  @FunctionalInterface
  public interface RunnerOpener {
    PortfolioRunner open();
  }

  /** A request the desk refuses before queueing it: {@code option} names what is wrong. */
  public static final class InvalidRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String option;

    public InvalidRequest(String option, String message) {
      super(message);
      this.option = option;
    }

    /** The option (the API's field) that is wrong, such as {@code symbol} or {@code stop}. */
    public String option() {
      return option;
    }
  }

  private static final Duration POLL = Duration.ofMillis(50);

  /**
   * The strategy of a runner opened only to apply requests: it sees no bars and decides nothing.
   */
  private static final Strategy IDLE = Strategy.idle(RunRecord.MANUAL);

  private final Database db;
  private final PortfolioRecord record;
  private final Clock clock;
  private final PlanRequestRepository requests = new PlanRequestRepository();

  public PlanDesk(Database db, PortfolioRecord record, Clock clock) {
    this.db = db;
    this.record = record;
    this.clock = clock;
  }

  /** Queues a request to open a plan with a market entry of {@code quantity}. */
  public Request open(
      String symbol,
      Side side,
      BigDecimal quantity,
      BigDecimal stop,
      BigDecimal target,
      String origin) {
    if (symbol == null || symbol.isBlank()) {
      throw new InvalidRequest("symbol", "a symbol is required");
    }
    if (side == null) {
      throw new InvalidRequest("side", "a side is required: buy or sell");
    }
    var known = db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
    Instrument instrument = known.get(symbol);
    if (instrument == null) {
      instrument = known.get(symbol.toUpperCase(Locale.ROOT));
    }
    if (instrument == null) {
      throw new InvalidRequest(
          "symbol",
          "unknown symbol "
              + symbol
              + ": the store has no bars of it (a runner's feed brings the symbols it trades)");
    }
    if (quantity == null || quantity.signum() <= 0) {
      throw new InvalidRequest(
          "quantity",
          "quantity must be more than 0 but was "
              + (quantity == null ? "missing" : quantity.toPlainString()));
    }
    decimals("quantity", quantity, instrument.quantityScale(), instrument);
    positive("stop", stop, instrument);
    positive("target", target, instrument);
    boolean isLong = side == Side.BUY;
    if (stop != null
        && target != null
        && (isLong ? stop.compareTo(target) >= 0 : stop.compareTo(target) <= 0)) {
      throw new InvalidRequest(
          "stop",
          (isLong ? "a long plan's stop " : "a short plan's stop ")
              + stop.toPlainString()
              + " must be "
              + (isLong ? "below" : "above")
              + " its target "
              + target.toPlainString());
    }
    Optional<BigDecimal> price = lastPrice(instrument.symbol());
    if (price.isPresent()) {
      sideOfPrice("stop", stop, isLong, true, instrument.symbol(), price.get());
      sideOfPrice("target", target, isLong, false, instrument.symbol(), price.get());
    }
    return queue(
        Request.pending(
            newId(),
            record.id(),
            Kind.OPEN,
            instrument.symbol(),
            side.name(),
            quantity,
            stop,
            target,
            null,
            origin,
            clock.instant()));
  }

  /** Queues a request to move an open plan's stop and/or target (null keeps one). */
  public Request adjust(String planId, BigDecimal stop, BigDecimal target, String origin) {
    if (stop == null && target == null) {
      throw new InvalidRequest("stop", "give a new --stop, a new --target or both");
    }
    PlanQueries.Row plan = openPlan(planId);
    Instrument instrument =
        db.jdbi().withHandle(h -> new InstrumentRepository().all(h)).get(plan.symbol());
    positive("stop", stop, instrument);
    positive("target", target, instrument);
    boolean isLong = "BUY".equals(plan.side());
    BigDecimal newStop = stop != null ? stop : price(plan.stop(), instrument);
    BigDecimal newTarget = target != null ? target : price(plan.target(), instrument);
    if (newStop != null
        && newTarget != null
        && newStop.signum() > 0
        && newTarget.signum() > 0
        && (isLong ? newStop.compareTo(newTarget) >= 0 : newStop.compareTo(newTarget) <= 0)) {
      throw new InvalidRequest(
          stop != null ? "stop" : "target",
          (isLong ? "a long plan's stop " : "a short plan's stop ")
              + newStop.toPlainString()
              + " must be "
              + (isLong ? "below" : "above")
              + " its target "
              + newTarget.toPlainString());
    }
    Optional<BigDecimal> price = lastPrice(plan.symbol());
    if (price.isPresent()) {
      sideOfPrice("stop", stop, isLong, true, plan.symbol(), price.get());
      sideOfPrice("target", target, isLong, false, plan.symbol(), price.get());
    }
    return queue(
        Request.pending(
            newId(),
            record.id(),
            Kind.ADJUST,
            plan.symbol(),
            null,
            null,
            stop,
            target,
            plan.planId(),
            origin,
            clock.instant()));
  }

  /** Queues a request to close an open plan (withdraw its entry, exit what it holds). */
  public Request close(String planId, String origin) {
    PlanQueries.Row plan = openPlan(planId);
    return queue(
        Request.pending(
            newId(),
            record.id(),
            Kind.CLOSE,
            plan.symbol(),
            null,
            null,
            null,
            null,
            plan.planId(),
            origin,
            clock.instant()));
  }

  /**
   * Waits up to {@code wait} for the request's outcome. While no runner holds the portfolio's
   * lease, it applies the pending requests itself through a runner {@code opener} opens (taking the
   * lease, restoring, resyncing, applying, committing, letting go); if a runner holds it, that
   * runner applies them. Returns the request as it stands then (still PENDING if the time ran out).
   */
  public Request await(String requestId, Duration wait, RunnerOpener opener) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Request now = find(requestId);
      if (!now.isPending()) {
        return now;
      }
      if (opener != null && !runnerHolds()) {
        try (PortfolioRunner runner = opener.open()) {
          runner.applyRequestsNow();
          continue;
        } catch (Lease.LeaseHeldException e) {
          // A runner started meanwhile: it applies the request.
        }
      }
      if (System.nanoTime() - deadline > 0) {
        return now;
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  /**
   * Opens, for a moment, a runner of the portfolio on its own venue that only applies the trader's
   * requests: a run of the strategy {@code manual}, which trades no bars. On the paper exchange an
   * entry it sends fills once a runner trades the feed again; on a broker account (its keys from
   * {@code env}, as {@code config}'s {@code alpaca:} section names them) the order goes to the
   * broker at once, and the venue's own protective orders follow its fill.
   */
  public static RunnerOpener opener(
      Database db,
      PortfolioRecord record,
      TradeCoreConfig config,
      Map<String, String> env,
      String host,
      long pid,
      Clock clock) {
    VenueFactory venues =
        VenueFactory.of(
            record,
            () -> config.alpaca().clientConfig(env),
            RunRecord.MANUAL,
            ExecutionCosts.FREE,
            null);
    return opener(
        db,
        record,
        RunRecord.MANUAL,
        config.runner().lease(),
        config.runner().heartbeat(),
        host,
        pid,
        clock,
        venues);
  }

  /** As {@link #opener}, on the paper exchange whatever the portfolio's venue (for tests). */
  public static RunnerOpener paperOpener(
      Database db,
      PortfolioRecord record,
      String botVersion,
      Duration leaseTtl,
      Duration heartbeat,
      String host,
      long pid,
      Clock clock) {
    return opener(
        db,
        record,
        botVersion,
        leaseTtl,
        heartbeat,
        host,
        pid,
        clock,
        PaperExchange.factory(ExecutionCosts.FREE, null));
  }

  private static RunnerOpener opener(
      Database db,
      PortfolioRecord record,
      String botVersion,
      Duration leaseTtl,
      Duration heartbeat,
      String host,
      long pid,
      Clock clock,
      VenueFactory venues) {
    RunnerOptions options =
        new RunnerOptions(
            RunRecord.MANUAL,
            Map.of(),
            botVersion,
            ExecutionCosts.FREE,
            null,
            leaseTtl,
            heartbeat,
            0,
            host,
            pid);
    return () ->
        PortfolioRunner.open(
            db,
            record,
            Portfolios.settings(record),
            options,
            clock,
            new PerInstrumentStrategies(instrument -> IDLE),
            venues);
  }

  /** The request as JSON: its fields in snake_case, decimals as exact strings. */
  public static Map<String, Object> json(Request r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("request_id", r.id());
    m.put("kind", r.kind().name());
    m.put("status", r.status().name());
    m.put("plan_id", r.resultPlan() != null ? r.resultPlan() : r.planId());
    m.put("symbol", r.symbol());
    m.put("side", r.side());
    m.put("quantity", plain(r.quantity()));
    m.put("stop", plain(r.stop()));
    m.put("target", plain(r.target()));
    m.put("reason", r.reason());
    m.put("origin", r.origin());
    m.put("created", r.createdAt().toString());
    m.put("applied", r.appliedAt() == null ? null : r.appliedAt().toString());
    m.put("applied_by", r.appliedBy());
    return m;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  /** The request with this id. */
  public Request find(String requestId) {
    return db.jdbi()
        .withHandle(h -> requests.find(h, requestId))
        .orElseThrow(() -> new IllegalArgumentException("no plan request " + requestId));
  }

  /** Whether a runner holds the portfolio's lease now (one whose lease has not lapsed). */
  public boolean runnerHolds() {
    return holder().isPresent();
  }

  /** The runner that holds the portfolio's lease now, if one does. */
  public Optional<LeaseRepository.Holder> holder() {
    Instant now = clock.instant();
    return db.jdbi()
        .withHandle(h -> new LeaseRepository().holder(h, record.id()))
        .filter(x -> x.expiresAt().isAfter(now));
  }

  /** The portfolio's open plans (pending an entry or active), oldest first. */
  public List<PlanQueries.Row> openPlans() {
    return db.jdbi()
        .withHandle(
            h -> new PlanQueries().withStatus(h, record.id(), List.of("PENDING", "ACTIVE")));
  }

  /** The instruments the store knows, by symbol. */
  public Map<String, Instrument> instruments() {
    return db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
  }

  /** The portfolio's latest {@code n} requests, whatever became of them, newest first. */
  public List<Request> latest(int n) {
    return db.jdbi().withHandle(h -> requests.latest(h, record.id(), n));
  }

  /** The portfolio's requests still waiting to be applied, oldest first. */
  public List<Request> pending() {
    return db.jdbi().withHandle(h -> requests.pending(h, record.id()));
  }

  private Request queue(Request r) {
    db.jdbi().useTransaction(h -> requests.insert(h, r));
    return r;
  }

  private PlanQueries.Row openPlan(String planId) {
    if (planId == null || planId.isBlank()) {
      throw new InvalidRequest("plan", "a plan id is required (see tradecore plan list)");
    }
    List<PlanQueries.Row> rows =
        db.jdbi().withHandle(h -> new PlanQueries().byIds(h, record.id(), List.of(planId)));
    if (rows.isEmpty()) {
      throw new InvalidRequest(
          "plan",
          "unknown plan id "
              + planId
              + ": portfolio "
              + record.name()
              + " has no such plan (see tradecore plan list)");
    }
    PlanQueries.Row row = rows.get(0);
    if (!"PENDING".equals(row.status()) && !"ACTIVE".equals(row.status())) {
      throw new InvalidRequest(
          "plan",
          "plan "
              + planId
              + " is "
              + row.status().toLowerCase(Locale.ROOT)
              + ": only an open plan can be changed");
    }
    return row;
  }

  /** The portfolio's last price of {@code symbol}, as its last runner marked it. */
  private Optional<BigDecimal> lastPrice(String symbol) {
    return Optional.ofNullable(lastPrices().get(symbol));
  }

  /** The portfolio's last prices, by symbol, as its last runner marked them. */
  public Map<String, BigDecimal> lastPrices() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    db.jdbi()
        .withHandle(h -> new EngineStateRepository().load(h, record.id(), null))
        .map(EngineStateRepository.State::marks)
        .map(Codec::readMap)
        .ifPresent(m -> m.forEach((k, v) -> out.put(k, new BigDecimal(String.valueOf(v)))));
    return out;
  }

  private static void sideOfPrice(
      String option,
      BigDecimal level,
      boolean isLong,
      boolean stop,
      String symbol,
      BigDecimal price) {
    if (level == null) {
      return;
    }
    boolean below = isLong == stop;
    int c = level.compareTo(price);
    if (below ? c >= 0 : c <= 0) {
      throw new InvalidRequest(
          option,
          (isLong ? "a long plan's " : "a short plan's ")
              + option
              + " "
              + level.toPlainString()
              + " must be "
              + (below ? "below" : "above")
              + " the price of "
              + symbol
              + ", "
              + price.toPlainString());
    }
  }

  private static void positive(String option, BigDecimal value, Instrument instrument) {
    if (value == null) {
      return;
    }
    if (value.signum() <= 0) {
      throw new InvalidRequest(
          option, option + " must be more than 0 but was " + value.toPlainString());
    }
    if (instrument != null) {
      decimals(option, value, instrument.priceScale(), instrument);
    }
  }

  private static void decimals(String option, BigDecimal value, int scale, Instrument instrument) {
    if (value.stripTrailingZeros().scale() > scale) {
      throw new InvalidRequest(
          option,
          option
              + " "
              + value.toPlainString()
              + " has more decimals than "
              + instrument.symbol()
              + " takes ("
              + scale
              + ")");
    }
  }

  private static BigDecimal price(long units, Instrument instrument) {
    return units == 0 || instrument == null
        ? null
        : BigDecimal.valueOf(units, instrument.priceScale());
  }

  private static String newId() {
    return "req-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
