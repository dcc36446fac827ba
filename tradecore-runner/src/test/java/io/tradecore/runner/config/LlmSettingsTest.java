package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.llm.AnswerFormat;
import io.tradecore.llm.DecisionCadence;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.LlmMode;
import io.tradecore.llm.MissingRecording;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmSettingsTest {
  static final String KEY = "sk-proj-9Qm2Wn4Er6Ty8Ui0Op";

  @TempDir Path dir;

  private LlmConfig load(String yaml, Map<String, String> env) throws IOException {
    Files.writeString(dir.resolve("tradecore.yaml"), yaml);
    return TradeCoreConfig.load(null, env, dir).llm();
  }

  @Test
  void without_an_llm_section_the_strategy_is_not_configured_yet() throws IOException {
    LlmConfig llm = load("# nothing\n", Map.of());

    assertThat(llm.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(llm.recordingsDir()).isEqualTo(dir.resolve("data").resolve("llm-recordings"));
    assertThat(llm.mode()).isEqualTo(LlmMode.LIVE);
    assertThat(llm.problems()).contains("llm.model is not set", "OPENAI_API_KEY is not set");
  }

  @Test
  void every_key_of_the_section_is_read() throws IOException {
    LlmConfig llm =
        load(
            """
            llm:
              model: gpt-4o-mini
              base_url: https://api.openai.com/v1
              max_cost: 5.00
              max_cost_per_day: 0.50
              price_input_per_million: 0.15
              price_output_per_million: 0.60
              max_output_tokens: 800
              temperature: 0.2
              seed: 42
              decide_every: session_close
              timeout_seconds: 30
              max_retries: 3
              answer_format: json_object
              mode: record
              recordings_dir: recordings/gpt
              on_missing_recording: hold
              training_cutoff: 2023-10-01
            """,
            Map.of("OPENAI_API_KEY", KEY));

    assertThat(llm.model()).isEqualTo("gpt-4o-mini");
    assertThat(llm.maxCost()).isEqualTo(new BigDecimal("5.00"));
    assertThat(llm.maxCostPerDay()).isEqualTo(new BigDecimal("0.50"));
    assertThat(llm.priceInputPerMillion()).isEqualTo(new BigDecimal("0.15"));
    assertThat(llm.priceOutputPerMillion()).isEqualTo(new BigDecimal("0.60"));
    assertThat(llm.maxOutputTokens()).isEqualTo(800);
    assertThat(llm.temperature()).isEqualTo(new BigDecimal("0.2"));
    assertThat(llm.seed()).isEqualTo(42);
    assertThat(llm.cadence()).isEqualTo(DecisionCadence.SESSION_CLOSE);
    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(llm.maxRetries()).isEqualTo(3);
    assertThat(llm.answerFormat()).isEqualTo(AnswerFormat.JSON_OBJECT);
    assertThat(llm.mode()).isEqualTo(LlmMode.RECORD);
    assertThat(llm.recordingsDir()).isEqualTo(dir.resolve("recordings/gpt"));
    assertThat(llm.onMissingRecording()).isEqualTo(MissingRecording.HOLD);
    assertThat(llm.trainingCutoff()).isEqualTo(LocalDate.parse("2023-10-01"));
    assertThat(llm.apiKey().reveal()).isEqualTo(KEY);
    assertThat(llm.problems()).isEmpty();
  }

  @Test
  void openai_base_url_overrides_the_file_and_the_key_never_prints() throws IOException {
    LlmConfig llm =
        load(
            "llm:\n  model: llama3.1:8b\n  decide_every: 5\n",
            Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1", "OPENAI_API_KEY", KEY));

    assertThat(llm.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
    assertThat(llm.cadence()).isEqualTo(DecisionCadence.everyBars(5));
    Files.writeString(dir.resolve("tradecore.yaml"), "llm:\n  model: m\n");
    assertThat(TradeCoreConfig.load(null, Map.of("OPENAI_API_KEY", KEY), dir).toString())
        .doesNotContain(KEY)
        .doesNotContain(KEY.substring(0, 12));
  }

  @Test
  void a_bad_openai_base_url_names_the_variable_not_the_key() {
    assertThatThrownBy(
            () ->
                TradeCoreConfig.load(
                    null, Map.of("OPENAI_BASE_URL", "localhost:11434", "OPENAI_API_KEY", KEY), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "OPENAI_BASE_URL: 'localhost:11434' is not an http(s) URL (e.g."
                + " https://api.openai.com/v1)")
        .hasMessageNotContaining(KEY);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          model                    | "''"        | llm.model: '' is not a model name
          base_url                 | api.openai  | llm.base_url: 'api.openai' is not an http(s) URL (e.g. https://api.openai.com/v1)
          max_cost                 | -1          | llm.max_cost: '-1' must be at least 0
          max_cost                 | five        | llm.max_cost: 'five' is not a decimal number
          max_cost_per_day         | -0.01       | llm.max_cost_per_day: '-0.01' must be at least 0
          price_input_per_million  | 0.15USD     | llm.price_input_per_million: '0.15USD' is not a decimal number
          price_output_per_million | -2          | llm.price_output_per_million: '-2' must be at least 0
          max_output_tokens        | 0           | llm.max_output_tokens: '0' is out of range (allowed: 1..1000000)
          temperature              | 2.5         | llm.temperature: '2.5' is out of range (allowed: 0..2)
          seed                     | -1          | llm.seed: '-1' must be at least 0
          decide_every             | 0           | llm.decide_every: '0' is not a cadence (allowed: a whole number of bars >= 1, or session_close)
          decide_every             | daily       | llm.decide_every: 'daily' is not a cadence (allowed: a whole number of bars >= 1, or session_close)
          timeout_seconds          | 0           | llm.timeout_seconds: '0' is out of range (allowed: 1..3600)
          max_retries              | 11          | llm.max_retries: '11' is out of range (allowed: 0..10)
          answer_format            | xml         | llm.answer_format: 'xml' is not an answer format (allowed: json_schema, json_object, prompt_only)
          mode                     | paper       | llm.mode: 'paper' is not a mode (allowed: live, record, replay)
          on_missing_recording     | skip        | llm.on_missing_recording: 'skip' is not allowed (allowed: fail, hold)
          training_cutoff          | 2023-13-01  | llm.training_cutoff: '2023-13-01' is not a date (yyyy-mm-dd)
          api_key                  | sk-123      | unknown key 'llm.api_key' (known: model, base_url, max_cost, max_cost_per_day, price_input_per_million, price_output_per_million, max_output_tokens, temperature, seed, decide_every, timeout_seconds, max_retries, answer_format, mode, recordings_dir, on_missing_recording, training_cutoff)
          """)
  void a_bad_llm_value_names_file_line_key_and_value(String key, String value, String expected) {
    assertThatThrownBy(
            () ->
                load(
                    "# llm\nllm:\n  # the bad value is on line 4\n  " + key + ": " + value + "\n",
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tradecore.yaml line 4: " + expected);
  }
}
