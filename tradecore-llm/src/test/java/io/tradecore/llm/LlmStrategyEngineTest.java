package io.tradecore.llm;

import static io.tradecore.llm.Answers.close;
import static io.tradecore.llm.Answers.of;
import static io.tradecore.llm.Answers.open;
import static io.tradecore.llm.Requests.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineConfig;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.llm.FakeOpenAi.Completion;
import io.tradecore.llm.FakeOpenAi.Failure;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.strategy.LlmSetup;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.llm.strategy.MemoryTraces;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM strategy inside the engine, against a loopback chat-completions server: answers become
 * plans at the next bar, refusals and failures hold with their reasons traced, the cadence decides
 * which moments are asked, and the cap stops the calls.
 */
class LlmStrategyEngineTest {
  static final Instrument ACME = Instrument.of("ACME", "USD", 2);
  static final Instant START = Instant.parse("2024-06-03T00:00:00Z");

  @TempDir Path recordings;
  FakeOpenAi server;
  LlmDecider decider;
  final MemoryTraces traces = new MemoryTraces();
  final List<EngineEvent> events = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAi();
  }

  @AfterEach
  void stop() {
    if (decider != null) {
      decider.close();
    }
    server.close();
  }

  @Test
  void an_accepted_answer_opens_its_plan_and_a_close_closes_it() throws Exception {
    server.then(
        new Completion(
            of(open("ACME", "buy", "10", "market", null, "90", "130", "trend up")), 900, 80),
        new Completion(of(close("plan-1", "take it")), 950, 40));

    Engine engine = run(config().cadence(DecisionCadence.everyBars(3)).build(), 8);

    assertThat(server.calls()).as("asked after bars 3 and 6").isEqualTo(2);
    List<Plan> plans = plans();
    assertThat(plans).isNotEmpty();
    Plan opened = plans.getFirst();
    assertThat(opened.instrument()).isEqualTo(ACME);
    assertThat(opened.side()).isEqualTo(Side.BUY);
    assertThat(opened.stop()).isEqualTo(9000);
    assertThat(opened.target()).isEqualTo(13000);
    assertThat(filledAt())
        .as("the entry fills at the open of the bar after the question, the close after the next")
        .containsExactly(START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(6)));
    assertThat(engine.portfolio().position("ACME")).isZero();
    assertThat(traces.traces()).extracting(LlmTrace::outcome).containsOnly(Outcome.ACCEPTED);
    assertThat(traces.spent())
        .as("usage times the prices")
        .isEqualByComparingTo(
            d("0.15").multiply(d("1850")).add(d("0.60").multiply(d("120"))).divide(d("1000000")));
  }

  @Test
  void an_oversized_order_and_a_failed_call_hold_with_their_reasons() throws Exception {
    server.then(
        new Completion(
            of(open("ACME", "buy", "100000", "market", null, "90", "130", "all in")), 900, 80),
        new Failure(500, "server_error", "boom"));

    run(config().cadence(DecisionCadence.everyBars(2)).maxRetries(0).build(), 4);

    assertThat(plans()).isEmpty();
    List<LlmTrace> t = traces.traces();
    assertThat(t).extracting(LlmTrace::outcome).containsExactly(Outcome.REFUSED, Outcome.FAILED);
    assertThat(t.get(0).reason()).contains("oversized_order");
    assertThat(t.get(1).reason()).contains("boom");
    assertThat(events)
        .as("a failed call is a hold, not a strategy failure")
        .noneMatch(e -> e instanceof EngineEvent.EngineError);
  }

  @Test
  void once_the_cap_is_reached_no_call_is_made_and_the_strategy_holds() throws Exception {
    server.always(new Completion(of(Answers.hold("wait")), 1000, 1000));
    // Each call costs 0.00075 by its usage; its worst case (prompt estimate + 1000 output tokens)
    // is larger, so the cap of 0.002 lets two calls through and stops the third.
    run(config().maxCost(d("0.002")).build(), 5);

    assertThat(server.calls()).isEqualTo(2);
    assertThat(traces.traces()).hasSize(5);
    assertThat(traces.firstCapped()).isPresent();
    assertThat(traces.firstCapped().get().moment()).isEqualTo(START.plus(Duration.ofDays(2)));
    assertThat(traces.spent()).isEqualByComparingTo(d("0.0015"));
    assertThat(plans()).isEmpty();
  }

  private LlmConfigBuilder config() {
    return TestConfigs.config(server, recordings);
  }

  private Portfolio portfolio;
  private Engine engine;

  private Engine run(LlmConfig config, int days) throws Exception {
    SpendingCap cap = SpendingCap.of(config.maxCost(), config.maxCostPerDay(), "USD");
    decider = LlmDecider.openAi(config, cap, TestConfigs.CLOCK);
    LlmSetup setup =
        new LlmSetup(
            new PortfolioId("p-llm"),
            new RunId("run-1"),
            "v1",
            "USD",
            ZoneOffset.UTC,
            null,
            RiskLimits.NONE,
            false,
            LlmSetup.DEFAULT_FEE_MARGIN,
            LlmSetup.DEFAULT_BARS_SHOWN,
            Map.of());
    portfolio = new Portfolio(new PortfolioId("p-llm"), "USD", new BigDecimal("10000"));
    engine =
        Engine.builder()
            .config(EngineConfig.defaults().withBotVersion("v1"))
            .portfolio(portfolio)
            .venue(
                new SimulatedExchange("sim", new ExecutionCosts(d("0"), d("0"), d("0"), 2), null))
            .strategy(new LlmStrategy(config, decider, cap, setup, traces, TestConfigs.CLOCK))
            .clock(TestConfigs.CLOCK)
            .listener(
                new EngineListener() {
                  @Override
                  public void on(EngineEvent event) {
                    events.add(event);
                  }
                })
            .build();
    for (int i = 0; i < days; i++) {
      long price = 10000 + 100L * i;
      engine.onMoment(
          Moment.of(
              new Bar(
                  ACME,
                  START.plus(Duration.ofDays(i)),
                  price,
                  price + 50,
                  price - 50,
                  price,
                  1e6)));
      assertThat(engine.awaitAnswers(Duration.ofSeconds(30))).isTrue();
    }
    return engine;
  }

  private List<Plan> plans() {
    List<Plan> out = new ArrayList<>();
    for (EngineEvent e : events) {
      if (e instanceof EngineEvent.PlanChanged c && c.before() == null) {
        out.add(c.after());
      }
    }
    return out;
  }

  private List<Instant> filledAt() {
    return events.stream()
        .filter(e -> e instanceof EngineEvent.OrderFilled)
        .map(EngineEvent::time)
        .toList();
  }
}
