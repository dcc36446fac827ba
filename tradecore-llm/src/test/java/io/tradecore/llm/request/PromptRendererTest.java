package io.tradecore.llm.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.Requests;
import io.tradecore.llm.call.ChatCall;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
  static final LlmConfig CONFIG = LlmConfig.builder().model("gpt-4o-mini").seed(7).build();

  static String hash(DecisionRequest request) {
    return ChatCall.of(CONFIG, PromptRenderer.render(request)).sha256();
  }

  @Test
  void the_same_request_renders_to_the_same_text_and_hash() {
    assertThat(PromptRenderer.render(Requests.request()))
        .isEqualTo(PromptRenderer.render(Requests.request()));
    assertThat(hash(Requests.request())).isEqualTo(hash(Requests.request())).hasSize(64);
  }

  @Test
  void the_order_of_lists_and_trailing_zeros_do_not_change_the_prompt() {
    DecisionRequest r = Requests.request();
    DecisionRequest shuffled =
        new DecisionRequest(
            r.portfolioId(),
            r.runId(),
            r.botVersion(),
            r.moment(),
            r.day(),
            r.baseCurrency(),
            r.portfolio(),
            r.positions(),
            r.plans().reversed(),
            r.instruments().reversed(),
            new AllowedActions(
                r.allowed().instruments().reversed(),
                new BigDecimal("10000.00"),
                r.allowed().adjustablePlans(),
                r.allowed().closablePlans().reversed()));

    assertThat(PromptRenderer.render(shuffled)).isEqualTo(PromptRenderer.render(r));
  }

  @Test
  void nothing_run_specific_is_in_the_prompt_so_recordings_replay_in_other_runs() {
    DecisionRequest r = Requests.request();
    DecisionRequest otherRun =
        new DecisionRequest(
            new PortfolioId("p-backtest"),
            new RunId("run-99"),
            r.botVersion(),
            r.moment(),
            r.day(),
            r.baseCurrency(),
            r.portfolio(),
            r.positions(),
            r.plans(),
            r.instruments(),
            r.allowed());

    assertThat(hash(otherRun)).isEqualTo(hash(r));
    assertThat(PromptRenderer.render(r).user()).doesNotContain("run-1").doesNotContain("p-llm");
  }

  @Test
  void another_moment_is_another_request() {
    assertThat(hash(Requests.request(Requests.MOMENT.plus(Duration.ofDays(1)), Requests.RUN)))
        .isNotEqualTo(hash(Requests.request()));
  }

  @Test
  void the_user_message_shows_the_portfolio_plans_bars_indicators_and_allowed_actions() {
    String user = PromptRenderer.render(Requests.request()).user();

    assertThat(user.lines().toList())
        .startsWith("MOMENT 2024-06-03 (trading day 2024-06-03), base currency USD")
        .contains(
            "equity 20150",
            "other_costs 0.0312",
            "bot_version v1: realized_pnl 120, unrealized_pnl 50, fees 12.4, other_costs 0.0312",
            "ORCL, 10, 95, 100, 1000, 50",
            "plan-1, ORCL, buy, ACTIVE, 10, market, 90, 120, -",
            "plan-2, AAPL, buy, PENDING, 5, limit 185, 180, -, -",
            "INSTRUMENT ORCL (USD, quantity decimals 0, price decimals 2)",
            "2024-06-02, 99.75, 101, 99, 100, 1250000",
            "indicators: sma_20 95.25, sma_50 -, atr_14 2, return_1 0.005025, return_5 0.025641,"
                + " return_20 0.111111",
            "buying power for all new plans together: 10000",
            "  AAPL: last price 190, buy up to 20, shorting not allowed",
            "  ORCL: last price 100, buy up to 50, sell (short) up to 50",
            "adjust_plan: plan-1",
            "close_plan: plan-1, plan-2");
    // ten bars shown per instrument, indicators over all thirty
    assertThat(user.lines().filter(l -> l.startsWith("2024-"))).hasSize(20);
  }

  @Test
  void the_system_message_states_the_rules_and_carries_the_schema() {
    String system = PromptRenderer.render(Requests.request()).system();

    assertThat(system)
        .contains("Every decision needs a short reason.")
        .contains("\"required\":[\"decisions\"]")
        .contains("For a buy, the stop is below and the target above the entry");
    assertThat(List.of(system.split("\n"))).noneMatch(line -> line.endsWith(" "));
  }
}
