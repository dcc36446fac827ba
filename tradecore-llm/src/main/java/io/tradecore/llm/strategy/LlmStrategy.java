package io.tradecore.llm.strategy;

import io.tradecore.core.calendar.Session;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.MomentContext;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import io.tradecore.llm.LlmAnswer;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.LlmDecider;
import io.tradecore.llm.LlmTrace;
import io.tradecore.llm.MissingRecordingException;
import io.tradecore.llm.Outcome;
import io.tradecore.llm.answer.AnswerValidator;
import io.tradecore.llm.answer.Decision;
import io.tradecore.llm.answer.Entry;
import io.tradecore.llm.answer.VerdictJson;
import io.tradecore.llm.call.ChatCall;
import io.tradecore.llm.cost.PromptTokenEstimator;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.request.DecisionRequest;
import io.tradecore.llm.request.PlanLine;
import io.tradecore.llm.request.Prompt;
import io.tradecore.llm.request.PromptRenderer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code --strategy llm}: at each decision point (every N bars, or each session's close) it asks
 * the model about the whole portfolio and hands the answer to the engine with {@link
 * MomentContext#answerLater}; the engine's thread never waits. Accepted decisions become plans,
 * adjustments and closes; refused ones are recorded in the trace with their reasons; a failed call
 * holds (and counts an error), and once the spending cap is reached no call is made and the
 * strategy holds. Not deterministic: a runner journals its answers, and a question already sent
 * before a restart is never sent again ({@link TraceSink#earlier}).
 */
public final class LlmStrategy implements PortfolioStrategy {
  public static final String NAME = "llm";

  private final LlmConfig config;
  private final LlmDecider decider;
  private final SpendingCap cap;
  private final LlmSetup setup;
  private final TraceSink sink;
  private final Clock clock;
  private final MomentRequests requests;
  private final Map<String, Instant> lastBar = new HashMap<>();
  private final Map<String, Duration> barLength = new HashMap<>();
  private final Map<String, BigDecimal> spent = new ConcurrentHashMap<>();
  private volatile MissingRecordingException missing;

  /**
   * @param cap the cap {@code decider} books against (a lost call's worst case is booked here too)
   * @param clock stamps the traces of lost calls
   */
  public LlmStrategy(
      LlmConfig config,
      LlmDecider decider,
      SpendingCap cap,
      LlmSetup setup,
      TraceSink sink,
      Clock clock) {
    this.config = config;
    this.decider = decider;
    this.cap = cap;
    this.setup = setup;
    this.sink = sink;
    this.clock = clock;
    this.requests = new MomentRequests(setup);
    this.spent.putAll(setup.spentBefore());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean deterministic() {
    return false;
  }

  /** The replay's missing recording that stopped the strategy asking, if one did. */
  public Optional<MissingRecordingException> missingRecording() {
    return Optional.ofNullable(missing);
  }

  @Override
  public void observe(MomentContext context) {
    remember(context);
  }

  @Override
  public List<Action> onMoment(MomentContext context) {
    boolean closes = remember(context);
    if (missing != null) {
      throw missing;
    }
    if (!config.cadence().isDue(context.momentIndex(), closes)) {
      return List.of();
    }
    DecisionRequest request = requests.request(context, Map.copyOf(spent));
    Map<String, Instrument> instruments = new HashMap<>();
    context.instruments().forEach(i -> instruments.put(i.symbol(), i));
    Optional<TraceSink.Earlier> earlier = sink.earlier(request.moment());
    if (earlier.isPresent()) {
      return answeredBefore(earlier.get(), request, instruments);
    }
    Prompt prompt = PromptRenderer.render(request);
    ChatCall call = ChatCall.of(config, prompt);
    sink.asking(trace(request, prompt, call, BigDecimal.ZERO, Outcome.FAILED, "asking"));
    CompletableFuture<List<Action>> answer =
        decider
            .decide(request)
            .handle(
                (a, error) -> {
                  if (error != null) {
                    Throwable cause =
                        error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof MissingRecordingException m) {
                      missing = m;
                    }
                    throw error instanceof CompletionException c
                        ? c
                        : new CompletionException(error);
                  }
                  spent.merge(setup.botVersion(), a.trace().cost(), BigDecimal::add);
                  sink.answered(a);
                  return actions(a.actions(), request, instruments);
                });
    context.answerLater(answer);
    return List.of();
  }

  /**
   * A question sent before a restart is not sent again: a stored answer gives the same decisions
   * (the request is the same: the moment is decided from the same state); a lost one holds.
   */
  private List<Action> answeredBefore(
      TraceSink.Earlier earlier, DecisionRequest request, Map<String, Instrument> instruments) {
    return switch (earlier) {
      case TraceSink.Earlier.Traced t ->
          t.response() == null
              ? List.of()
              : actions(
                  AnswerValidator.validate(t.response(), request).actions(), request, instruments);
      case TraceSink.Earlier.Unanswered u -> {
        Prompt prompt = PromptRenderer.render(request);
        ChatCall call = ChatCall.of(config, prompt);
        BigDecimal worst =
            config
                .prices()
                .cost(
                    new PromptTokenEstimator().estimate(call.charsSent()), call.maxOutputTokens());
        cap.book(request.day(), worst);
        spent.merge(setup.botVersion(), worst, BigDecimal::add);
        sink.lost(
            trace(
                request,
                prompt,
                call,
                worst,
                Outcome.FAILED,
                "the process stopped while the model was answering; not asked again (the"
                    + " worst case is booked)"));
        yield List.of();
      }
    };
  }

  private LlmTrace trace(
      DecisionRequest request,
      Prompt prompt,
      ChatCall call,
      BigDecimal cost,
      Outcome outcome,
      String reason) {
    return new LlmTrace(
        UUID.randomUUID().toString(),
        request.portfolioId(),
        request.runId(),
        request.botVersion(),
        request.moment(),
        request.day(),
        call.sha256(),
        config.mode(),
        call.model(),
        null,
        prompt.system(),
        prompt.user(),
        null,
        null,
        null,
        cost,
        0,
        0,
        outcome,
        reason,
        VerdictJson.write(new io.tradecore.llm.answer.Verdict(List.of(), List.of())),
        clock.instant());
  }

  /** The engine's actions for accepted decisions; holds are none. */
  static List<Action> actions(
      List<Decision> decisions, DecisionRequest request, Map<String, Instrument> instruments) {
    List<Action> out = new ArrayList<>();
    for (Decision d : decisions) {
      switch (d) {
        case Decision.OpenPlan open -> {
          Instrument i = instruments.get(open.symbol());
          int scale = i.priceScale();
          long limit = open.entry() instanceof Entry.Limit l ? units(l.price(), scale) : 0;
          out.add(
              new Action.OpenPlan(
                  i,
                  new PlanSpec(
                      open.side(),
                      new Sizing.Fixed(Quantity.of(open.quantity(), i.quantityScale())),
                      limit,
                      units(open.stop(), scale),
                      units(open.target(), scale),
                      0,
                      TimeInForce.GTC)));
        }
        case Decision.AdjustPlan adjust -> {
          PlanLine plan = request.plan(adjust.planId()).orElseThrow();
          int scale = instruments.get(plan.symbol()).priceScale();
          out.add(
              new Action.AdjustPlan(
                  adjust.planId(),
                  units(adjust.stop() != null ? adjust.stop() : plan.stop(), scale),
                  units(adjust.target() != null ? adjust.target() : plan.target(), scale),
                  units(plan.trailDistance(), scale)));
        }
        case Decision.ClosePlan close -> out.add(new Action.ClosePlan(close.planId()));
        case Decision.Hold hold -> {}
      }
    }
    return List.copyOf(out);
  }

  private static long units(BigDecimal price, int scale) {
    return price == null ? 0 : Decimals.toUnits(price, scale);
  }

  /** Keeps the moment's bars; whether one of them closes its session. */
  private boolean remember(MomentContext context) {
    requests.remember(context);
    boolean closes = false;
    for (Bar bar : context.bars()) {
      String symbol = bar.instrument().symbol();
      Instant previous = lastBar.put(symbol, bar.time());
      if (previous != null) {
        Duration gap = Duration.between(previous, bar.time());
        barLength.merge(symbol, gap, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
      closes |= closesSession(bar.time(), barLength.get(symbol));
    }
    return closes;
  }

  /**
   * A daily bar is a whole session; an intraday bar closes its session when it reaches the
   * calendar's close (its length is the shortest gap seen between bars).
   */
  private boolean closesSession(Instant time, Duration length) {
    if (time.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
        && (length == null || length.compareTo(Duration.ofDays(1)) >= 0)) {
      return true;
    }
    if (setup.calendar() == null || length == null) {
      return false;
    }
    LocalDate date = LocalDate.ofInstant(time, setup.calendar().zone());
    Optional<Session> session = setup.calendar().session(date);
    return session.isPresent() && !time.plus(length).isBefore(session.get().closeInstant());
  }

  /** The outcome of {@code answer} as one line for logs. */
  public static String describe(LlmAnswer answer) {
    return answer.outcome().label() + ": " + answer.reason();
  }
}
