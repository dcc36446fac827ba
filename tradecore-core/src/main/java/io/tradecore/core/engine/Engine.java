package io.tradecore.core.engine;

import io.tradecore.core.calendar.MarketDays;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderRole;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.EngineEvent.DecisionMade;
import io.tradecore.core.engine.EngineEvent.EngineError;
import io.tradecore.core.engine.EngineEvent.SignalEmitted;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.ExitSignal;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanMonitor;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.risk.RiskCheck;
import io.tradecore.core.venue.ExecutionReport;
import io.tradecore.core.venue.SimulatedVenue;
import io.tradecore.core.venue.Venue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single-threaded event loop that trades one portfolio: the same code for backtests, paper and
 * live. For each {@link Moment} (every bar that shares one time) it
 *
 * <ol>
 *   <li>applies what the venue reported since the last moment (a live venue's fills),
 *   <li>for each bar: shows it to a simulated venue, which fills what works against it (orders
 *       decided on earlier moments fill here, market orders at the bar's open); lets the plan
 *       monitor check every active plan's stop, target and trailing stop, the exit it finds trading
 *       against this same bar (at the first bar of a session, with the levels the {@link
 *       OvernightRule} widened); moves trailing stops; marks the portfolio to the close,
 *   <li>asks the strategy, which sees the whole moment and the portfolio, for actions; they go
 *       through risk to the venue (and fill on later moments).
 * </ol>
 *
 * The venue's execution reports are queued and applied here, on the engine's thread, in the order
 * they arrived: fills change the ledger and plans only here, so a run is deterministic. Not
 * thread-safe: one thread owns an engine; venues and late strategy answers may report from any
 * thread. Build one with {@link EngineBuilder}.
 */
public final class Engine {
  private final Portfolio portfolio;
  private final SimulatedVenue simulated;
  private final PlanMonitor monitor;
  private final PortfolioStrategy strategy;
  private final DecisionJournal journal;
  private final EngineListener listener;
  private final Clock clock;
  private final PlanBook plans;
  private final WorkingOrders working = new WorkingOrders();
  private final PortfolioState view;
  private final OrderFlow flow;
  private final ReportHandler reports;
  private final OvernightGuard overnight;
  private final Inbox inbox = new Inbox();
  private final MomentView context;
  private final Map<Instrument, LastBar> lastBars = new HashMap<>();
  private LastBar lastBar;
  private final boolean watchPlans;
  private boolean draining;
  private int pendingAnswers;

  Engine(
      EngineConfig config,
      Portfolio portfolio,
      Venue venue,
      RiskCheck risk,
      PortfolioStrategy strategy,
      DecisionJournal journal,
      Clock clock,
      EngineListener listener) {
    this.portfolio = portfolio;
    this.simulated = venue instanceof SimulatedVenue s ? s : null;
    this.monitor = new PlanMonitor(config.sameBarPolicy());
    this.strategy = strategy;
    this.journal = journal;
    this.listener = listener;
    this.clock = clock;
    this.plans = new PlanBook(config.planIdPrefix(), config.firstPlanSequence());
    RiskExposure exposure = new RiskExposure(portfolio, working);
    this.view = new PortfolioState(portfolio, plans, exposure);
    this.flow =
        new OrderFlow(config, portfolio, venue, risk, clock, listener, plans, working, exposure);
    this.reports = new ReportHandler(portfolio, clock, listener, plans, working, flow, monitor);
    this.overnight = new OvernightGuard(plans, flow);
    this.context = new MomentView(view, inbox);
    // A venue that keeps stops and targets as orders of its own protects the plans itself.
    this.watchPlans = !venue.features().protectiveOrders();
    venue.attach(inbox::report);
    if (simulated != null) {
      simulated.fundedBy(exposure::spendableBy);
    }
  }

  public static EngineBuilder builder() {
    return new EngineBuilder();
  }

  /** Processes one price event as a moment of its own (a bar, or a tick as a bar). */
  public void onBar(Bar bar) {
    onMoment(Moment.of(bar));
  }

  /** Processes one moment: the market first, for every bar, then the strategy. */
  public void onMoment(Moment moment) {
    drain();
    List<Bar> bars = moment.bars();
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      advance(bar);
      overnight.beforeCheck(bar);
      if (simulated != null) {
        simulated.onBar(bar);
        drain();
      }
      if (watchPlans && plans.hasActive(bar.instrument())) {
        checkExits(bar);
      }
      overnight.afterCheck(bar);
      flow.trail(bar, monitor);
      portfolio.mark(bar.instrument(), bar.close());
    }
    decide(moment);
    listener.onMomentClosed(moment, view);
    context.next();
  }

  /**
   * Shows the strategy a moment the portfolio already traded on before a restart, so it resumes in
   * the state it had: nothing is matched, marked or checked, and what a deterministic strategy
   * answers is dropped (one that is not deterministic only observes it). Call it with the earlier
   * moments, in order, before the first new {@link #onMoment}.
   */
  public void warmUp(Moment moment) {
    for (Bar bar : moment.bars()) {
      advance(bar);
      overnight.warmUp(bar);
    }
    context.warming(moment);
    try {
      if (strategy.deterministic()) {
        strategy.onMoment(context);
      } else {
        strategy.observe(context);
      }
    } catch (RuntimeException e) {
      // What it would have said then does not matter now; the live moments will report failures.
    }
    context.next();
  }

  /** Applies what the venue has reported and any strategy answer that has arrived. */
  public void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      Object item;
      while ((item = inbox.poll()) != null) {
        switch (item) {
          case ExecutionReport r -> reports.apply(r);
          case Inbox.LateAnswer a -> answered(a);
          default -> throw new IllegalStateException("unknown inbox item " + item);
        }
      }
    } finally {
      draining = false;
    }
  }

  /** True while a strategy answer handed over with {@link MomentContext#answerLater} is due. */
  public boolean awaitingAnswers() {
    return pendingAnswers > 0;
  }

  /**
   * Waits up to {@code timeout} for the answers still due and applies them: a backtest does this
   * before each moment, so a model's answers land where they were asked; a live runner never waits.
   *
   * @return false if some answer was still due when the time ran out
   */
  public boolean awaitAnswers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    drain();
    while (pendingAnswers > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !inbox.await(left)) {
        return false;
      }
      drain();
    }
    return true;
  }

  /** The portfolio as strategies see it. */
  public PortfolioView portfolio() {
    return view;
  }

  /** The open plan with this id, or null. */
  public Plan plan(PlanId id) {
    return plans.get(id);
  }

  /**
   * Restores an open plan (from a store) so the monitor re-arms its stop and target.
   *
   * @param exitsSent how many exit orders the plan has sent, so new exit order ids never repeat
   */
  public void restorePlan(Plan plan, int exitsSent) {
    plans.restore(plan, exitsSent);
  }

  /** Restores an order the portfolio has working at the venue, so its fills update its plan. */
  public void restoreWorkingOrder(Order order, OrderRole role, ExitReason exitReason) {
    working.add(new WorkingOrder(order, role, exitReason));
  }

  /**
   * Takes on an order of ours the venue has and the portfolio's books lost (a crash between the
   * venue's commit and ours), so the reports that follow update its plan.
   */
  public void adopt(Order order) {
    reports.adopt(order);
  }

  /** Applies a report found outside the venue's stream (by a resync) at once. */
  public void apply(ExecutionReport report) {
    inbox.report(report);
    drain();
  }

  /**
   * Places the protection of every active plan that has none working, on a venue that keeps stops
   * and targets (after a restart that may have come between an entry's fill and its protection); a
   * venue ignores the deterministic ids it already has.
   */
  public void protectOpenPlans(Instant at) {
    drain();
    for (Plan plan : plans.all()) {
      flow.protect(plan, at);
    }
    drain();
  }

  /**
   * Refuses every new plan while {@code why} is not null (the ledger and the venue disagree on what
   * the portfolio holds), saying why; null lets entries through again. Open plans keep trading.
   */
  public void haltEntries(String why) {
    flow.haltEntries(why);
  }

  /** Forgets a working order the venue says is filled, once its fills are all in the ledger. */
  public void forgetFilled(ClientOrderId id) {
    reports.forgetFilled(id);
  }

  /** True while the engine counts the order as working at the venue. */
  public boolean isWorking(ClientOrderId id) {
    return working.contains(id);
  }

  /**
   * Moves an open plan's stop and target from outside the strategy (the overnight policy); the
   * change is recorded with {@code reason}. Returns false if the plan is not open.
   */
  public boolean adjustPlan(PlanId id, long stop, long target, Instant at, String reason) {
    return flow.adjustLevels(id, stop, target, at, reason);
  }

  /**
   * Opens a plan a trader asked for (not the strategy), through risk like any other, and sends its
   * entry; its stop and target must lie on their sides of the instrument's last price. Once open it
   * is monitored as every plan is (stops, targets, trailing, overnight widening).
   *
   * @param how recorded with the plan's opening (who asked, which request)
   */
  public ManualOutcome openManual(Instrument instrument, PlanSpec spec, Instant time, String how) {
    drain();
    BigDecimal mark = portfolio.mark(instrument.symbol());
    if (mark != null) {
      String wrong = wrongSide(instrument, spec.side(), mark, spec.stop(), spec.target());
      if (wrong != null) {
        return ManualOutcome.refused(wrong);
      }
    }
    OrderFlow.Opened opened = flow.openPlan(new Action.OpenPlan(instrument, spec), time, how);
    drain();
    return opened.refusal() != null
        ? ManualOutcome.refused(opened.refusal())
        : ManualOutcome.accepted(opened.id());
  }

  /**
   * Moves an open plan's stop and/or target for a trader ({@code null} keeps a level; 0 removes
   * it). The levels must lie on their sides of each other, of a pending plan's entry limit and of
   * the last price. They stand as given: an overnight widening in force is dropped.
   */
  public ManualOutcome adjustManual(PlanId id, Long stop, Long target, Instant time, String how) {
    drain();
    Plan plan = plans.get(id);
    if (plan == null) {
      return ManualOutcome.refused("plan " + id + " is not open");
    }
    if (plans.isClosing(id)) {
      return ManualOutcome.refused("plan " + id + " is being closed");
    }
    long[] widened = overnight.widenedLevels().get(id);
    long newStop = stop != null ? stop : widened != null ? widened[0] : plan.stop();
    long newTarget = target != null ? target : widened != null ? widened[1] : plan.target();
    try {
      long entry = plan.status() == PlanStatus.PENDING ? plan.entryLimit() : 0;
      PlanSpec.checkLevels(plan.side(), entry, newStop, newTarget);
    } catch (IllegalArgumentException e) {
      return ManualOutcome.refused(
          "plan " + id + " keeps its levels: " + priced(plan.instrument(), e.getMessage()));
    }
    BigDecimal mark = portfolio.mark(plan.instrument().symbol());
    if (mark != null) {
      String wrong = wrongSide(plan.instrument(), plan.side(), mark, newStop, newTarget);
      if (wrong != null) {
        return ManualOutcome.refused("plan " + id + " keeps its levels: " + wrong);
      }
    }
    overnight.forget(id);
    flow.adjustLevels(id, newStop, newTarget, time, how);
    return ManualOutcome.accepted(id);
  }

  /**
   * Closes an open plan for a trader: withdraws its unfilled entry and exits what it holds at the
   * market (exit reason MANUAL).
   */
  public ManualOutcome closeManual(PlanId id, Instant time) {
    drain();
    Plan plan = plans.get(id);
    if (plan == null) {
      return ManualOutcome.refused("plan " + id + " is not open");
    }
    if (plans.isClosing(id)) {
      return ManualOutcome.refused("plan " + id + " is being closed already");
    }
    overnight.restore(id, time);
    flow.close(id, time, ExitReason.MANUAL);
    drain();
    return ManualOutcome.accepted(id);
  }

  /**
   * Why a stop or target lies on the wrong side of the last price {@code mark}, or null: a long
   * plan's stop must be below it and its target above, a short plan's the other way round.
   */
  private static String wrongSide(
      Instrument instrument, Side side, BigDecimal mark, long stop, long target) {
    boolean isLong = side == Side.BUY;
    String plan = isLong ? "a long plan's " : "a short plan's ";
    if (stop != 0) {
      int c = instrument.price(stop).toBigDecimal().compareTo(mark);
      if (isLong ? c >= 0 : c <= 0) {
        return plan
            + "stop "
            + instrument.price(stop)
            + " must be "
            + (isLong ? "below" : "above")
            + " the price of "
            + instrument.symbol()
            + ", "
            + mark.toPlainString();
      }
    }
    if (target != 0) {
      int c = instrument.price(target).toBigDecimal().compareTo(mark);
      if (isLong ? c <= 0 : c >= 0) {
        return plan
            + "target "
            + instrument.price(target)
            + " must be "
            + (isLong ? "above" : "below")
            + " the price of "
            + instrument.symbol()
            + ", "
            + mark.toPlainString();
      }
    }
    return null;
  }

  /** A level check's message with its price units shown as prices. */
  private static String priced(Instrument instrument, String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, instrument.price(Long.parseLong(m.group())).toString());
    }
    m.appendTail(out);
    return out.toString().replace(" (price units)", "");
  }

  /**
   * Sets the market's trading days and sessions: when a DAY order expires (at the end of its
   * session, in the exchange's zone) and when the overnight rule widens and restores plans. Until
   * set, each UTC calendar day is a session.
   */
  public void marketDays(MarketDays days) {
    overnight.days(days);
    if (simulated != null) {
      simulated.sessionDays(days::dayOf);
    }
  }

  /** Sets how open plans are protected between sessions (see {@link OvernightRule}). */
  public void overnight(OvernightRule rule) {
    overnight.rule(rule);
  }

  /**
   * The original levels ({stop, target}) of the plans the overnight rule has widened now, to be
   * stored with the portfolio's state; empty when none is widened.
   */
  public Map<PlanId, long[]> widenedLevels() {
    return overnight.widenedLevels();
  }

  /** Continues with plans widened before a restart (see {@link #widenedLevels}). */
  public void restoreWidened(Map<PlanId, long[]> levels) {
    overnight.restoreWidened(levels);
  }

  /** Where the next plan id continues from. */
  public long nextPlanSequence() {
    return plans.nextSequence();
  }

  public String strategyName() {
    return strategy.name();
  }

  /** Keeps each instrument's bars in time order and notes instruments the feed brings. */
  private void advance(Bar bar) {
    Instrument instrument = bar.instrument();
    LastBar last = lastBar;
    if (last == null || last.instrument != instrument) {
      last = lastBars.get(instrument);
      if (last == null) {
        last = new LastBar(instrument);
        lastBars.put(instrument, last);
        context.know(instrument);
      }
      lastBar = last;
    }
    if (last.time != null && !bar.time().isAfter(last.time)) {
      throw new IllegalArgumentException(
          instrument.symbol()
              + " bar at "
              + bar.time()
              + " is not after the previous one at "
              + last.time);
    }
    last.time = bar.time();
  }

  /** The time of an instrument's last bar. */
  private static final class LastBar {
    final Instrument instrument;
    Instant time;

    LastBar(Instrument instrument) {
      this.instrument = instrument;
    }
  }

  /** Lets the monitor check every active plan; an exit it finds trades on this same bar. */
  private void checkExits(Bar bar) {
    if (!anyLevels(plans.activeLive(bar.instrument()))) {
      return; // no stop, target or trailing stop to check: the monitor finds nothing
    }
    for (Plan plan : plans.active(bar.instrument())) {
      if (working.hasLiveExit(plan.id())) {
        continue;
      }
      ExitSignal signal = monitor.check(plan, bar).orElse(null);
      if (signal != null) {
        // A plan leaves with its own levels, not the overnight ones it was checked against.
        overnight.restore(plan.id(), bar.time());
        flow.exit(plans.get(plan.id()), signal, bar);
        drain();
      }
    }
  }

  /** True when one of the plans has a stop (or trailing stop) or a target the bar may reach. */
  private static boolean anyLevels(List<Plan> active) {
    for (int i = 0; i < active.size(); i++) {
      Plan plan = active.get(i);
      if (plan.effectiveStop() != 0 || plan.target() != 0) {
        return true;
      }
    }
    return false;
  }

  /** Asks the strategy about the moment, or replays the answer it gave before a restart. */
  private void decide(Moment moment) {
    Instant time = moment.time();
    context.asking(moment);
    boolean deterministic = strategy.deterministic();
    if (!deterministic) {
      Optional<List<Action>> recorded = journal.answered(time);
      if (recorded.isPresent()) {
        strategy.observe(context);
        listener.on(new DecisionMade(time, clock.instant(), strategy.name(), recorded.get(), true));
        act(recorded.get(), time);
        return;
      }
    }
    List<Action> actions;
    try {
      actions = strategy.onMoment(context);
    } catch (RuntimeException e) {
      listener.on(
          new EngineError(
              time,
              clock.instant(),
              "strategy",
              strategy.name() + " failed at " + time + ": " + oneLine(e)));
      return;
    }
    if (context.answersLater()) {
      pendingAnswers++;
      return;
    }
    if (!deterministic) {
      journal.record(time, actions);
    }
    if (!deterministic || !actions.isEmpty()) {
      listener.on(new DecisionMade(time, clock.instant(), strategy.name(), actions, false));
    }
    act(actions, time);
  }

  private void answered(Inbox.LateAnswer answer) {
    pendingAnswers--;
    Instant time = answer.moment();
    if (answer.error() != null) {
      listener.on(
          new EngineError(
              time,
              clock.instant(),
              "strategy",
              strategy.name() + " gave no answer for " + time + ": " + oneLine(answer.error())));
      return;
    }
    if (!strategy.deterministic()) {
      journal.record(time, answer.actions());
    }
    listener.on(new DecisionMade(time, clock.instant(), strategy.name(), answer.actions(), false));
    act(answer.actions(), context.time() == null ? time : context.time());
  }

  private void act(List<Action> actions, Instant time) {
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      Instrument instrument = instrumentOf(action);
      if (action instanceof Action.OpenPlan open && open.instrument() == null) {
        listener.on(
            new EngineError(
                time,
                clock.instant(),
                "strategy",
                strategy.name() + " opened a plan without naming its instrument"));
        continue;
      }
      if (instrument != null) {
        listener.on(new SignalEmitted(time, clock.instant(), instrument, action));
      }
      flow.act(action, time);
      drain();
    }
  }

  private Instrument instrumentOf(Action action) {
    PlanId id =
        switch (action) {
          case Action.OpenPlan a -> null;
          case Action.AdjustPlan a -> a.planId();
          case Action.ClosePlan a -> a.planId();
          case Action.CancelPlan a -> a.planId();
        };
    if (action instanceof Action.OpenPlan open) {
      return open.instrument();
    }
    Plan plan = plans.get(id);
    return plan == null ? null : plan.instrument();
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ");
  }
}
