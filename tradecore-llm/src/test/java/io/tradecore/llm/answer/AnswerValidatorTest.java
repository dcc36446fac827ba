package io.tradecore.llm.answer;

import static io.tradecore.llm.Answers.adjust;
import static io.tradecore.llm.Answers.close;
import static io.tradecore.llm.Answers.hold;
import static io.tradecore.llm.Answers.of;
import static io.tradecore.llm.Answers.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Side;
import io.tradecore.llm.Requests;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerValidatorTest {

  static Verdict validate(String answer) {
    return AnswerValidator.validate(answer, Requests.request());
  }

  @Test
  void an_open_plan_is_accepted_with_the_decimals_the_model_wrote() {
    Verdict verdict =
        validate(of(open("ORCL", "buy", "10", "market", null, "95.55", "110.25", "uptrend")));

    assertThat(verdict.refusals()).isEmpty();
    assertThat(verdict.accepted())
        .containsExactly(
            new Decision.OpenPlan(
                "ORCL",
                Side.BUY,
                new BigDecimal("10"),
                Entry.market(),
                new BigDecimal("95.55"),
                new BigDecimal("110.25"),
                "uptrend"));
  }

  @Test
  void every_kind_of_decision_is_accepted_when_allowed() {
    Verdict verdict =
        validate(
            of(
                open("ORCL", "sell", "5", "limit", "101.00", "105", "90", "fade the spike"),
                adjust("plan-1", "96.00", null, "trail the stop"),
                close("plan-2", "entry no longer valid"),
                hold("nothing else")));

    assertThat(verdict.refusals()).isEmpty();
    assertThat(verdict.accepted())
        .containsExactly(
            new Decision.OpenPlan(
                "ORCL",
                Side.SELL,
                new BigDecimal("5"),
                Entry.limit(new BigDecimal("101")),
                new BigDecimal("105"),
                new BigDecimal("90"),
                "fade the spike"),
            new Decision.AdjustPlan(Requests.PLAN_1, new BigDecimal("96"), null, "trail the stop"),
            new Decision.ClosePlan(Requests.PLAN_2, "entry no longer valid"),
            new Decision.Hold("nothing else"));
    assertThat(verdict.actions()).hasSize(3);
  }

  static Stream<Arguments> refusedDecisions() {
    return Stream.of(
        Arguments.of(
            open("MSFT", "buy", "1", "market", null, "90", null, "r"), "unknown_instrument"),
        Arguments.of(open("ORCL", "buy", "51", "market", null, "90", null, "r"), "oversized_order"),
        Arguments.of(open("ORCL", "buy", "0", "market", null, "90", null, "r"), "not_positive"),
        Arguments.of(open("ORCL", "buy", "1.5", "market", null, "90", null, "r"), "too_precise"),
        Arguments.of(open("ORCL", "buy", "1", "market", null, "95.123", null, "r"), "too_precise"),
        Arguments.of(open("ORCL", "buy", "1", "market", null, "101", null, "r"), "stop_wrong_side"),
        Arguments.of(open("ORCL", "buy", "1", "market", null, "100", null, "r"), "stop_wrong_side"),
        Arguments.of(
            open("ORCL", "buy", "1", "market", null, "90", "99", "r"), "target_wrong_side"),
        Arguments.of(open("ORCL", "buy", "1", "limit", "95", "96", null, "r"), "stop_wrong_side"),
        Arguments.of(open("ORCL", "sell", "1", "market", null, "95", null, "r"), "stop_wrong_side"),
        Arguments.of(
            open("ORCL", "sell", "1", "market", null, "105", "101", "r"), "target_wrong_side"),
        Arguments.of(
            open("AAPL", "sell", "1", "market", null, "200", null, "r"), "shorting_not_allowed"),
        Arguments.of(open("ORCL", "buy", "1", "market", null, null, null, "r"), "missing_field"),
        Arguments.of(open("ORCL", "buy", "1", "limit", null, "90", null, "r"), "missing_field"),
        Arguments.of(open("ORCL", null, "1", "market", null, "90", null, "r"), "missing_field"),
        Arguments.of(
            open("ORCL", "long", "1", "market", null, "90", null, "r"), "schema_violation"),
        Arguments.of(open("ORCL", "buy", "1", "market", null, "90", null, ""), "missing_reason"),
        Arguments.of(open("ORCL", "buy", "1", "market", null, "90", null, null), "missing_reason"),
        Arguments.of(
            open("ORCL", "buy", "\"1\"", "market", null, "90", null, "r"), "schema_violation"),
        Arguments.of(adjust("plan-9", "90", null, "r"), "unknown_plan"),
        Arguments.of(adjust("plan-2", "181", null, "r"), "plan_not_allowed"),
        Arguments.of(adjust("plan-1", "101", null, "r"), "stop_wrong_side"),
        Arguments.of(adjust("plan-1", null, "99", "r"), "target_wrong_side"),
        Arguments.of(adjust("plan-1", null, null, "r"), "missing_field"),
        Arguments.of(close("plan-9", "r"), "unknown_plan"),
        Arguments.of(close(null, "r"), "missing_field"),
        Arguments.of("{\"action\":\"buy\",\"reason\":\"r\"}", "schema_violation"),
        Arguments.of(
            "{\"action\":\"hold\",\"reason\":\"r\",\"urgency\":\"high\"}", "schema_violation"),
        Arguments.of("\"hold\"", "schema_violation"));
  }

  @ParameterizedTest
  @MethodSource("refusedDecisions")
  void a_decision_outside_the_schema_or_the_allowed_actions_is_refused_with_its_reason(
      String decision, String reason) {
    Verdict verdict = validate(of(decision, hold("otherwise wait")));

    assertThat(verdict.refusals()).hasSize(1);
    Refusal refusal = verdict.refusals().get(0);
    assertThat(refusal.index()).isZero();
    assertThat(refusal.reason().label()).isEqualTo(reason);
    assertThat(refusal.detail()).isNotBlank();
    assertThat(verdict.accepted()).containsExactly(new Decision.Hold("otherwise wait"));
  }

  static Stream<Arguments> refusedAnswers() {
    return Stream.of(
        Arguments.of("I would buy ORCL", "malformed_json"),
        Arguments.of("{\"decisions\": [", "malformed_json"),
        Arguments.of(of(hold("wait")) + " {}", "malformed_json"),
        Arguments.of("{\"decisions\":[],\"decisions\":[]}", "malformed_json"),
        Arguments.of("", "malformed_json"),
        Arguments.of("[" + hold("wait") + "]", "schema_violation"),
        Arguments.of("{\"orders\":[]}", "schema_violation"),
        Arguments.of("{\"decisions\":{}}", "schema_violation"),
        Arguments.of("{\"decisions\":[],\"note\":\"x\"}", "schema_violation"));
  }

  @ParameterizedTest
  @MethodSource("refusedAnswers")
  void an_answer_that_is_not_the_schema_is_refused_whole(String answer, String reason) {
    Verdict verdict = validate(answer);

    assertThat(verdict.accepted()).isEmpty();
    assertThat(verdict.refusals())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.index()).isEqualTo(-1);
              assertThat(r.reason().label()).isEqualTo(reason);
              assertThat(r.describe()).startsWith("answer: " + reason + ": ");
            });
  }

  @Test
  void orders_on_one_instrument_count_together_against_its_maximum() {
    Verdict verdict =
        validate(
            of(
                open("ORCL", "buy", "30", "market", null, "95", null, "first half"),
                open("ORCL", "buy", "30", "market", null, "95", null, "second half")));

    assertThat(verdict.accepted()).hasSize(1);
    assertThat(verdict.refusals())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.index()).isEqualTo(1);
              assertThat(r.reason()).isEqualTo(RefusalReason.OVERSIZED_ORDER);
              assertThat(r.detail()).contains("60 with earlier decisions").contains("maximum 50");
            });
  }

  @Test
  void new_plans_together_must_fit_the_buying_power() {
    // 50 ORCL at 100 (5000) + 20 AAPL at 190 (3800) fit 10000; another 50 ORCL short does not.
    Verdict verdict =
        validate(
            of(
                open("ORCL", "buy", "50", "market", null, "95", null, "a"),
                open("AAPL", "buy", "20", "market", null, "180", null, "b"),
                open("ORCL", "sell", "50", "market", null, "105", null, "c")));

    assertThat(verdict.accepted()).hasSize(2);
    assertThat(verdict.refusals())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RefusalReason.OVERSIZED_ORDER);
              assertThat(r.detail()).contains("buying power 10000");
            });
  }

  @Test
  void a_plan_is_decided_on_once_per_answer() {
    Verdict verdict =
        validate(of(close("plan-1", "exit"), adjust("plan-1", "96", null, "tighten")));

    assertThat(verdict.accepted()).containsExactly(new Decision.ClosePlan(Requests.PLAN_1, "exit"));
    assertThat(verdict.refusals())
        .extracting(Refusal::reason)
        .containsExactly(RefusalReason.DUPLICATE_PLAN_DECISION);
  }

  @Test
  void a_code_fence_around_the_json_is_tolerated_and_missing_unused_fields_read_as_null() {
    Verdict verdict =
        validate("```json\n{\"decisions\":[{\"action\":\"hold\",\"reason\":\"wait\"}]}\n```");

    assertThat(verdict.refusals()).isEmpty();
    assertThat(verdict.accepted()).containsExactly(new Decision.Hold("wait"));
  }
}
