package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.exchange.Exchange;
import io.tradecore.core.exchange.MatchResult;
import io.tradecore.core.indicator.Indicator;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.ExitSignal;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanMonitor;
import io.tradecore.core.risk.RiskCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-threaded event loop that trades one portfolio: the same code for backtests, paper and
 * live. For each price event of an instrument it
 *
 * <ol>
 *   <li>collects what the exchange filled or expired (orders decided on earlier bars fill here,
 *       market orders at this bar's open),
 *   <li>lets the plan monitor check every active plan's stop, target and trailing stop, and has the
 *       exchange fill any exit against this same bar,
 *   <li>moves trailing stops by this bar, marks the portfolio to the close,
 *   <li>updates the instrument's indicators and asks its strategy for actions, which go through
 *       risk to the exchange (they fill on later events).
 * </ol>
 *
 * Fills change the ledger and plans only here, in order, so a run is deterministic. Not
 * thread-safe: one thread owns an engine.
 */
public final class Engine {
  private final Portfolio portfolio;
  private final Exchange exchange;
  private final PlanMonitor monitor;
  private final StrategyFactory strategies;
  private final EngineListener listener;
  private final PlanBook book;
  private final Map<Instrument, Lane> lanes = new HashMap<>();

  public Engine(
      EngineConfig config,
      Portfolio portfolio,
      Exchange exchange,
      RiskCheck risk,
      StrategyFactory strategies,
      Clock clock,
      EngineListener listener) {
    this.portfolio = portfolio;
    this.exchange = exchange;
    this.monitor = new PlanMonitor(config.sameBarPolicy());
    this.strategies = strategies;
    this.listener = listener;
    this.book = new PlanBook(config, portfolio, exchange, risk, clock, listener);
  }

  /** Processes one price event (a bar, or a tick given as a bar with four equal prices). */
  public void onBar(Bar bar) {
    Lane lane = lanes.computeIfAbsent(bar.instrument(), this::newLane);
    if (lane.lastTime != null && !bar.time().isAfter(lane.lastTime)) {
      throw new IllegalArgumentException(
          bar.instrument().symbol()
              + " bar at "
              + bar.time()
              + " is not after the previous one at "
              + lane.lastTime);
    }
    lane.lastTime = bar.time();

    applyMatches(exchange.onBar(bar), bar);
    if (book.hasActivePlans(bar.instrument())) {
      checkExits(bar);
    }
    book.trail(bar, monitor);
    portfolio.mark(bar.instrument(), bar.close());

    for (Indicator indicator : lane.indicators) {
      indicator.update(bar);
    }
    lane.context.bar = bar;
    List<Action> actions = lane.strategy.onBar(lane.context);
    for (int i = 0; i < actions.size(); i++) {
      book.act(actions.get(i), bar);
    }
    lane.context.index++;
    listener.onBarClosed(bar, book);
  }

  /**
   * Shows the instrument's indicators and strategy a bar the portfolio already traded on before a
   * restart, so they resume in the state they had: nothing is matched, marked or checked, and the
   * actions the strategy returns are dropped. Call it with the earlier events, in order, before the
   * first new {@link #onBar(Bar)}.
   */
  public void warmUp(Bar bar) {
    Lane lane = lanes.computeIfAbsent(bar.instrument(), this::newLane);
    if (lane.lastTime != null && !bar.time().isAfter(lane.lastTime)) {
      throw new IllegalArgumentException(
          bar.instrument().symbol()
              + " bar at "
              + bar.time()
              + " is not after the previous one at "
              + lane.lastTime);
    }
    lane.lastTime = bar.time();
    for (Indicator indicator : lane.indicators) {
      indicator.update(bar);
    }
    lane.context.bar = bar;
    lane.strategy.onBar(lane.context);
    lane.context.index++;
  }

  /** The portfolio as strategies see it. */
  public PortfolioView portfolio() {
    return book;
  }

  /**
   * Restores an open plan (from a store) so the monitor re-arms its stop and target.
   *
   * @param exitsSent how many exit orders the plan has sent, so new exit order ids never repeat
   */
  public void restorePlan(Plan plan, int exitsSent) {
    book.restore(plan, exitsSent);
  }

  /** Restores an order the portfolio has working at the exchange, so its fills update its plan. */
  public void restoreWorkingOrder(Order order, boolean entry, ExitReason exitReason) {
    book.restoreWorking(new WorkingOrder(order, entry, exitReason));
  }

  /**
   * Applies a fill that reached the portfolio outside a price event (found by a resync): the ledger
   * and the plan change as if the engine had seen it. {@code order} is the exchange's copy of the
   * order, which tells an order the engine never recorded (it was lost with a crash) what it was.
   */
  public void applyExternalFill(Fill fill, Order order, Instant at) {
    book.onExternalFill(fill, order, at, monitor);
  }

  /** Marks an order that the exchange says is no longer working (filled, cancelled or expired). */
  public void forgetOrder(ClientOrderId id, String status, Instant at) {
    book.forget(id, status, at);
  }

  /**
   * Moves an open plan's stop and target from outside the strategy (the overnight policy); the
   * change is recorded with {@code reason}. Returns false if the plan is not open.
   */
  public boolean adjustPlan(PlanId id, long stop, long target, Instant at, String reason) {
    return book.adjustLevels(id, stop, target, at, reason);
  }

  /** Where the next plan id continues from. */
  public long nextPlanSequence() {
    return book.nextPlanSequence();
  }

  private Lane newLane(Instrument instrument) {
    Strategy strategy = strategies.create(instrument);
    StrategySetup setup = new StrategySetup(instrument);
    strategy.init(setup);
    return new Lane(strategy, setup.indicators(), new Context(instrument));
  }

  /** Lets the monitor check every active plan; an exit it finds trades on this same bar. */
  private void checkExits(Bar bar) {
    for (Plan plan : book.activePlans(bar.instrument())) {
      if (book.hasWorkingExit(plan.id())) {
        continue;
      }
      ExitSignal signal = monitor.check(plan, bar).orElse(null);
      if (signal != null) {
        applyMatches(book.exit(plan, signal, bar), bar);
      }
    }
  }

  private void applyMatches(MatchResult result, Bar bar) {
    if (result.isEmpty()) {
      return;
    }
    for (Fill fill : result.fills()) {
      book.onFill(fill, bar, monitor);
    }
    for (Order order : result.expired()) {
      book.onExpired(order, bar);
    }
    book.forgetDoneOrders(bar);
  }

  /** Per-instrument state: its strategy, the indicators it asked for, and its context. */
  private static final class Lane {
    final Strategy strategy;
    final Indicator[] indicators;
    final Context context;
    Instant lastTime;

    Lane(Strategy strategy, Indicator[] indicators, Context context) {
      this.strategy = strategy;
      this.indicators = indicators;
      this.context = context;
    }
  }

  /** The strategy's view; one reused instance per instrument, so a bar allocates nothing. */
  private final class Context implements TradingContext {
    final Instrument instrument;
    Bar bar;
    long index;

    Context(Instrument instrument) {
      this.instrument = instrument;
    }

    @Override
    public Instant time() {
      return bar.time();
    }

    @Override
    public Instrument instrument() {
      return instrument;
    }

    @Override
    public Bar bar() {
      return bar;
    }

    @Override
    public long barIndex() {
      return index;
    }

    @Override
    public PortfolioView portfolio() {
      return book;
    }

    @Override
    public List<Plan> openPlans() {
      return book.openPlans(instrument);
    }

    @Override
    public int openPlanCount() {
      return book.openPlanCount(instrument);
    }
  }

  /** The open plan with this id, or null. */
  public Plan plan(PlanId id) {
    return book.plan(id);
  }
}
