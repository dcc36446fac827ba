package io.tradecore.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {
  static final String KEY = "sk-proj-Zx81Qw7Rt5Yu3Io9Pa";

  @Test
  void the_api_key_never_appears_in_the_configuration_text() {
    LlmConfig config = LlmConfig.builder().apiKey(ApiKey.of(KEY)).model("gpt-4o-mini").build();

    assertThat(config.toString()).doesNotContain(KEY).doesNotContain("Zx81").contains("apiKey=***");
    assertThat(config.apiKey().toString()).isEqualTo("***");
    assertThat(ApiKey.NONE.toString()).isEqualTo("(none)");
  }

  @Test
  void a_key_or_its_start_echoed_by_a_server_is_redacted() {
    ApiKey key = ApiKey.of(KEY);

    assertThat(key.redact("Incorrect API key provided: sk-proj-Zx81Q*********Pa"))
        .isEqualTo("Incorrect API key provided: ************Pa");
    assertThat(key.redact("bearer " + KEY + " refused")).isEqualTo("bearer *** refused");
    assertThat(key.redact("sk-proj is a prefix")).isEqualTo("sk-proj is a prefix");
  }

  @Test
  void what_is_not_configured_yet_is_named_before_any_call() {
    LlmConfig config = LlmConfig.builder().build();

    assertThat(config.problems())
        .containsExactly(
            "llm.model is not set",
            "llm.price_input_per_million is not set (0 for a free local model)",
            "llm.price_output_per_million is not set (0 for a free local model)",
            "llm.max_cost is not set",
            "OPENAI_API_KEY is not set");
    assertThatThrownBy(config::requireReady)
        .hasMessageStartingWith("the LLM strategy is not configured: llm.model is not set; ");
  }

  @Test
  void a_local_server_needs_no_key() {
    LlmConfig ollama =
        LlmConfig.builder()
            .baseUrl("http://localhost:11434/v1/")
            .model("llama3.1:8b")
            .prices(BigDecimal.ZERO, BigDecimal.ZERO)
            .maxCost(BigDecimal.ZERO)
            .build();

    assertThat(ollama.problems()).isEmpty();
    assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434/v1");
  }

  @Test
  void bad_values_are_refused_with_the_value_named() {
    assertThatThrownBy(() -> LlmConfig.builder().baseUrl("ftp://x").build())
        .hasMessage("'ftp://x' is not an http(s) URL");
    assertThatThrownBy(() -> LlmConfig.builder().maxCost(new BigDecimal("-1")).build())
        .hasMessage("'-1' must be at least 0");
    assertThatThrownBy(() -> LlmConfig.builder().maxRetries(11).build())
        .hasMessage("'11' is out of range (allowed: 0..10)");
  }

  @Test
  void a_cadence_is_every_n_bars_or_the_session_close() {
    assertThat(DecisionCadence.parse("5").isDue(4, false)).isTrue();
    assertThat(DecisionCadence.parse("5").isDue(5, true)).isFalse();
    assertThat(DecisionCadence.parse("session_close").isDue(3, false)).isFalse();
    assertThat(DecisionCadence.parse("session_close").isDue(3, true)).isTrue();
    assertThatThrownBy(() -> DecisionCadence.parse("0"))
        .hasMessage(
            "'0' is not a cadence (allowed: a whole number of bars >= 1, or session_close)");
  }

  @Test
  void a_backtest_before_the_training_cutoff_is_warned_about() {
    TrainingCutoff cutoff = new TrainingCutoff("gpt-4o-mini", LocalDate.parse("2023-10-01"));

    assertThat(cutoff.isBefore(Instant.parse("2023-09-30T23:59:59Z"))).isTrue();
    assertThat(cutoff.isBefore(Instant.parse("2023-10-01T00:00:00Z"))).isFalse();
    assertThat(
            cutoff.warning(
                Instant.parse("2023-01-03T00:00:00Z"), Instant.parse("2024-06-28T00:00:00Z")))
        .hasValue(
            "the backtest from 2023-01-03 starts before gpt-4o-mini's training cut-off 2023-10-01:"
                + " up to 2023-09-30 the model may know what happened next, so results there"
                + " overstate it");
    assertThat(
            cutoff.warning(
                Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-06-28T00:00:00Z")))
        .isEmpty();
    assertThat(new TrainingCutoff("llama3.1:8b", null).warning(Instant.EPOCH, Instant.EPOCH))
        .get()
        .asString()
        .contains("training cut-off is not configured (llm.training_cutoff)");
  }
}
