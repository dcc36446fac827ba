package io.tradecore.llm;

import static io.tradecore.llm.Answers.hold;
import static io.tradecore.llm.Answers.of;
import static io.tradecore.llm.Requests.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.llm.FakeOpenAi.Completion;
import io.tradecore.llm.call.OpenAiEndpoint;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.request.DecisionRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spending cap against a server that reports usage, at gpt-4o-mini's prices. */
class SpendingCapCallsTest {
  // 1500 prompt tokens at 0.15 and 40 answer tokens at 0.60 per million
  static final BigDecimal ACTUAL = d("0.000249");

  @TempDir Path recordings;
  FakeOpenAi server;
  LlmDecider decider;

  @BeforeEach
  void startServer() throws Exception {
    server = new FakeOpenAi().always(new Completion(of(hold("wait")), 1500, 40));
  }

  @AfterEach
  void stop() {
    decider.close();
    server.close();
  }

  List<LlmAnswer> askTimes(int times, LlmConfig config, SpendingCap cap, DecisionRequest request)
      throws Exception {
    decider = new LlmDecider(config, new OpenAiEndpoint(config), cap, TestConfigs.CLOCK);
    List<LlmAnswer> answers = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      answers.add(decider.decide(request).get(30, TimeUnit.SECONDS));
    }
    return answers;
  }

  @Test
  void the_cap_allows_a_call_whose_worst_case_equals_what_is_left_and_stops_the_next()
      throws Exception {
    LlmConfig config = TestConfigs.config(server, recordings).build();
    BigDecimal worst = TestConfigs.worstCase(config, Requests.request());
    // After two calls exactly the worst case is left: the third call is allowed, the fourth not.
    BigDecimal maxCost = ACTUAL.multiply(BigDecimal.TWO).add(worst);
    SpendingCap cap = SpendingCap.of(maxCost, null, "USD");

    List<LlmAnswer> answers = askTimes(5, config, cap, Requests.request());

    assertThat(server.calls()).isEqualTo(3);
    assertThat(answers)
        .extracting(LlmAnswer::capReached)
        .containsExactly(false, false, false, true, true);
    assertThat(answers.get(3).outcome()).isEqualTo(Outcome.HELD);
    assertThat(answers.get(3).reason()).startsWith("cap reached");
    assertThat(answers.get(3).trace().attempts()).isZero();
    assertThat(answers.get(3).trace().cost()).isEqualByComparingTo("0");
    assertThat(cap.spent()).isEqualByComparingTo(ACTUAL.multiply(BigDecimal.valueOf(3)));
  }

  @Test
  void the_cap_stops_the_call_whose_worst_case_exceeds_what_is_left_by_the_smallest_amount()
      throws Exception {
    LlmConfig config = TestConfigs.config(server, recordings).build();
    BigDecimal worst = TestConfigs.worstCase(config, Requests.request());
    BigDecimal maxCost = ACTUAL.multiply(BigDecimal.TWO).add(worst).subtract(d("0.000000001"));
    SpendingCap cap = SpendingCap.of(maxCost, null, "USD");

    List<LlmAnswer> answers = askTimes(3, config, cap, Requests.request());

    assertThat(server.calls()).isEqualTo(2);
    assertThat(answers.get(2).reason())
        .startsWith(
            "cap reached: the call's worst case "
                + worst.stripTrailingZeros().toPlainString()
                + " USD");
    assertThat(cap.spent()).isEqualByComparingTo(ACTUAL.multiply(BigDecimal.TWO));
  }

  @Test
  void booked_spend_equals_the_sum_of_the_reported_usage_times_the_prices() throws Exception {
    server.then(
        new Completion(of(hold("a")), 1510, 57),
        new Completion(of(hold("b")), 1499, 3),
        new Completion(of(hold("c")), 1550, 311));
    LlmConfig config = TestConfigs.config(server, recordings).build();
    SpendingCap cap = SpendingCap.of(d("5"), null, "USD");

    List<LlmAnswer> answers = askTimes(3, config, cap, Requests.request());

    BigDecimal expected =
        d("0.15")
            .multiply(BigDecimal.valueOf(1510 + 1499 + 1550))
            .add(d("0.60").multiply(BigDecimal.valueOf(57 + 3 + 311)))
            .movePointLeft(6);
    assertThat(cap.spent()).isEqualTo(expected);
    assertThat(answers.stream().map(a -> a.trace().cost()).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualTo(expected);
  }

  @Test
  void the_daily_cap_holds_for_the_rest_of_the_day_and_the_next_day_may_call_again()
      throws Exception {
    LlmConfig config = TestConfigs.config(server, recordings).maxCostPerDay(d("0.001")).build();
    SpendingCap cap = SpendingCap.of(d("5"), d("0.001"), "USD");
    decider = new LlmDecider(config, new OpenAiEndpoint(config), cap, TestConfigs.CLOCK);
    DecisionRequest monday = Requests.request();
    DecisionRequest tuesday =
        Requests.request(Requests.MOMENT.plus(Duration.ofDays(1)), Requests.RUN);

    LlmAnswer first = decider.decide(monday).get(30, TimeUnit.SECONDS);
    LlmAnswer second = decider.decide(monday).get(30, TimeUnit.SECONDS);
    LlmAnswer nextDay = decider.decide(tuesday).get(30, TimeUnit.SECONDS);

    // the worst case (about 0.00086) fits 0.001 once; after 0.000249 is booked it no longer does
    assertThat(first.capReached()).isFalse();
    assertThat(second.capReached()).isTrue();
    assertThat(second.reason()).contains("llm.max_cost_per_day 0.001 USD on 2024-06-03");
    assertThat(nextDay.capReached()).isFalse();
    assertThat(server.calls()).isEqualTo(2);
  }

  @Test
  void a_timed_out_attempt_books_its_worst_case_and_the_cap_may_stop_the_retry() throws Exception {
    server.then(new FakeOpenAi.Hang());
    LlmConfig config =
        TestConfigs.config(server, recordings)
            .timeout(Duration.ofMillis(500))
            .maxRetries(2)
            .build();
    BigDecimal worst = TestConfigs.worstCase(config, Requests.request());
    SpendingCap cap = SpendingCap.of(worst.add(worst.divide(BigDecimal.TWO)), null, "USD");

    LlmAnswer answer = askTimes(1, config, cap, Requests.request()).get(0);

    assertThat(server.calls()).isEqualTo(1);
    assertThat(answer.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(answer.capReached()).isTrue();
    assertThat(answer.reason())
        .startsWith("cap reached")
        .contains("(after: attempt 1: no answer within the timeout");
    assertThat(cap.spent()).isEqualTo(worst);
    assertThat(answer.trace().cost()).isEqualTo(worst);
  }

  @Test
  void a_cap_resumed_after_a_restart_counts_what_was_spent_before() throws Exception {
    LlmConfig config = TestConfigs.config(server, recordings).build();
    BigDecimal worst = TestConfigs.worstCase(config, Requests.request());
    SpendingCap resumed =
        SpendingCap.resume(
            d("1.00"),
            null,
            "USD",
            d("1.00").subtract(worst).add(d("0.0000001")),
            java.util.Map.of());

    List<LlmAnswer> answers = askTimes(1, config, resumed, Requests.request());

    assertThat(server.calls()).isZero();
    assertThat(answers.get(0).capReached()).isTrue();
    assertThat(answers.get(0).reason()).contains("left of llm.max_cost 1 USD");
  }
}
