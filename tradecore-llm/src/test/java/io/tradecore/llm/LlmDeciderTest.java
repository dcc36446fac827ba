package io.tradecore.llm;

import static io.tradecore.llm.Answers.adjust;
import static io.tradecore.llm.Answers.hold;
import static io.tradecore.llm.Answers.of;
import static io.tradecore.llm.Answers.open;
import static io.tradecore.llm.Requests.d;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.Side;
import io.tradecore.llm.FakeOpenAi.Completion;
import io.tradecore.llm.FakeOpenAi.Failure;
import io.tradecore.llm.FakeOpenAi.Hang;
import io.tradecore.llm.answer.Decision;
import io.tradecore.llm.answer.Entry;
import io.tradecore.llm.answer.RefusalReason;
import io.tradecore.llm.call.OpenAiEndpoint;
import io.tradecore.llm.cost.SpendingCap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmDeciderTest {
  @TempDir Path recordings;
  FakeOpenAi server;
  LlmDecider decider;

  @BeforeEach
  void startServer() throws Exception {
    server = new FakeOpenAi();
  }

  @AfterEach
  void stop() {
    if (decider != null) {
      decider.close();
    }
    server.close();
  }

  LlmAnswer ask(LlmConfig config) throws Exception {
    decider =
        new LlmDecider(
            config,
            new OpenAiEndpoint(config),
            SpendingCap.of(config.maxCost(), config.maxCostPerDay(), "USD"),
            TestConfigs.CLOCK);
    return decider.decide(Requests.request()).get(30, TimeUnit.SECONDS);
  }

  LlmAnswer ask() throws Exception {
    return ask(TestConfigs.config(server, recordings).build());
  }

  @Test
  void an_answer_becomes_decisions_and_a_trace_with_usage_and_cost() throws Exception {
    server.then(
        new Completion(
            of(
                open("ORCL", "buy", "10", "market", null, "95.55", "110.25", "higher lows"),
                adjust("plan-1", "96.10", null, "lock in gains")),
            2400,
            180));

    LlmAnswer answer = ask();

    assertThat(answer.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(answer.reason()).isEqualTo("2 accepted");
    assertThat(answer.decisions())
        .containsExactly(
            new Decision.OpenPlan(
                "ORCL", Side.BUY, d("10"), Entry.market(), d("95.55"), d("110.25"), "higher lows"),
            new Decision.AdjustPlan(Requests.PLAN_1, d("96.1"), null, "lock in gains"));
    LlmTrace trace = answer.trace();
    assertThat(trace.inputTokens()).isEqualTo(2400);
    assertThat(trace.outputTokens()).isEqualTo(180);
    // 2400 * 0.15 / 1e6 + 180 * 0.60 / 1e6
    assertThat(trace.cost()).isEqualByComparingTo("0.000468");
    assertThat(trace.attempts()).isEqualTo(1);
    assertThat(trace.model()).isEqualTo("gpt-4o-mini");
    assertThat(trace.reportedModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(trace.portfolioId()).isEqualTo(Requests.PORTFOLIO);
    assertThat(trace.runId()).isEqualTo(Requests.RUN);
    assertThat(trace.moment()).isEqualTo(Requests.MOMENT);
    assertThat(trace.userPrompt()).contains("INSTRUMENT ORCL");
    assertThat(trace.response()).contains("higher lows");
    assertThat(trace.decisionsJson()).contains("\"stop\":\"95.55\"");
    assertThat(trace.recordedAt()).isEqualTo(TestConfigs.CLOCK.instant());
  }

  @Test
  void the_request_carries_the_strict_schema_model_seed_and_bearer_key() throws Exception {
    server.then(new Completion(of(hold("wait")), 2000, 20));

    ask();

    JsonNode body = server.requests().get(0);
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("seed").asInt()).isEqualTo(7);
    assertThat(body.path("temperature").asDouble()).isZero();
    assertThat(body.path("max_tokens").asInt()).isEqualTo(1000);
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
    JsonNode format = body.path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    assertThat(format.path("json_schema").path("name").asText()).isEqualTo("trading_decisions");
    assertThat(format.path("json_schema").path("schema").path("required").get(0).asText())
        .isEqualTo("decisions");
    assertThat(server.authorizations()).containsExactly("Bearer " + TestConfigs.KEY);
  }

  @Test
  void a_server_without_schema_support_is_asked_for_plain_json() throws Exception {
    server.then(new Completion(of(hold("wait")), 2000, 20));

    ask(TestConfigs.config(server, recordings).answerFormat(AnswerFormat.JSON_OBJECT).build());

    assertThat(server.requests().get(0).path("response_format").path("type").asText())
        .isEqualTo("json_object");
  }

  @Test
  void malformed_json_is_refused_with_the_reason_recorded() throws Exception {
    server.then(new Completion("I'd buy ORCL here, it looks strong.", 2000, 12));

    LlmAnswer answer = ask();

    assertThat(answer.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(answer.decisions()).isEmpty();
    assertThat(answer.refusals())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.MALFORMED_JSON));
    assertThat(answer.reason()).startsWith("answer: malformed_json: ");
    assertThat(answer.trace().outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(answer.trace().response()).isEqualTo("I'd buy ORCL here, it looks strong.");
    assertThat(answer.trace().cost()).isEqualByComparingTo("0.0003072");
  }

  @Test
  void an_unknown_instrument_is_refused_with_the_reason_recorded() throws Exception {
    server.then(
        new Completion(
            of(open("TSLA", "buy", "3", "market", null, "160", null, "momentum")), 2000, 40));

    LlmAnswer answer = ask();

    assertThat(answer.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(answer.reason())
        .isEqualTo(
            "decision 0: unknown_instrument: instrument 'TSLA' is not allowed (allowed: AAPL, ORCL)");
    assertThat(answer.trace().reason()).isEqualTo(answer.reason());
    assertThat(answer.trace().decisionsJson()).contains("unknown_instrument");
  }

  @Test
  void an_oversized_order_is_refused_and_the_rest_of_the_answer_accepted() throws Exception {
    server.then(
        new Completion(
            of(
                open("AAPL", "buy", "500", "market", null, "180", null, "all in"),
                open("ORCL", "buy", "10", "market", null, "95", null, "small")),
            2000,
            60));

    LlmAnswer answer = ask();

    assertThat(answer.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(answer.actions()).hasSize(1);
    assertThat(answer.reason())
        .isEqualTo(
            "1 accepted, 1 refused: decision 0: oversized_order: quantity 500 exceeds the maximum"
                + " 20 for buy AAPL");
  }

  @Test
  void a_timeout_holds_with_the_reason_and_counts_as_an_error() throws Exception {
    server.then(new Hang());
    LlmConfig config =
        TestConfigs.config(server, recordings)
            .timeout(Duration.ofMillis(500))
            .maxRetries(0)
            .build();

    LlmAnswer answer = ask(config);

    assertThat(answer.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(answer.isError()).isTrue();
    assertThat(answer.decisions()).isEmpty();
    assertThat(answer.reason()).startsWith("attempt 1: no answer within the timeout");
    assertThat(answer.trace().attempts()).isEqualTo(1);
    // The server may have worked on it: the worst case stays booked.
    assertThat(answer.trace().cost())
        .isEqualByComparingTo(TestConfigs.worstCase(config, Requests.request()));
  }

  @Test
  void rate_limits_and_server_errors_are_retried_within_the_bound() throws Exception {
    server.then(
        new Failure(429, "rate_limit_exceeded", "Rate limit reached for gpt-4o-mini"),
        new Failure(503, "server_error", "The engine is currently overloaded"),
        new Completion(of(hold("quiet market")), 2000, 15));

    LlmAnswer answer = ask();

    assertThat(server.calls()).isEqualTo(3);
    assertThat(answer.outcome()).isEqualTo(Outcome.HELD);
    assertThat(answer.reason()).isEqualTo("hold: quiet market");
    assertThat(answer.trace().attempts()).isEqualTo(3);
  }

  @Test
  void retries_stop_at_the_bound_and_the_errors_are_recorded() throws Exception {
    server.always(new Failure(500, "server_error", "internal error"));

    LlmAnswer answer = ask(TestConfigs.config(server, recordings).maxRetries(2).build());

    assertThat(server.calls()).isEqualTo(3);
    assertThat(answer.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(answer.reason())
        .contains("attempt 1: server error (HTTP 500: ")
        .contains("attempt 3: server error")
        .contains("internal error");
    assertThat(answer.trace().cost()).isEqualByComparingTo("0");
  }

  @Test
  void a_rejected_key_is_not_retried_and_never_shows_in_the_reason() throws Exception {
    server.always(
        new Failure(
            401,
            "invalid_api_key",
            "Incorrect API key provided: "
                + TestConfigs.KEY.substring(0, 12)
                + "****. Or "
                + TestConfigs.KEY));

    LlmAnswer answer = ask();

    assertThat(server.calls()).isEqualTo(1);
    assertThat(answer.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(answer.reason()).contains("request rejected (HTTP 401: ");
    assertThat(answer.reason()).doesNotContain(TestConfigs.KEY.substring(0, 12));
    assertThat(answer.trace().toString()).doesNotContain(TestConfigs.KEY.substring(0, 12));
  }

  @Test
  void the_engine_thread_does_not_wait_for_the_answer() throws Exception {
    server.then(new Hang());
    LlmConfig config = TestConfigs.config(server, recordings).maxRetries(0).build();
    decider =
        new LlmDecider(
            config,
            new OpenAiEndpoint(config),
            SpendingCap.of(d("5"), null, "USD"),
            TestConfigs.CLOCK);

    CompletableFuture<LlmAnswer> future = decider.decide(Requests.request());

    assertThat(server.awaitHang()).isTrue();
    assertThat(future).isNotDone();
    server.releaseHangs();
    assertThat(future.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.FAILED);
  }
}
