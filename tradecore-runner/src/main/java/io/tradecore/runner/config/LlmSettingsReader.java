package io.tradecore.runner.config;

import io.tradecore.llm.AnswerFormat;
import io.tradecore.llm.ApiKey;
import io.tradecore.llm.DecisionCadence;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.LlmConfigBuilder;
import io.tradecore.llm.LlmMode;
import io.tradecore.llm.MissingRecording;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code llm:} section into an {@link LlmConfig}; the API key comes only from {@code
 * OPENAI_API_KEY}, so it is never in a file or echoed by an error.
 */
final class LlmSettingsReader {
  static final String API_KEY = "OPENAI_API_KEY";
  static final List<String> KEYS =
      List.of(
          "model",
          "base_url",
          "max_cost",
          "max_cost_per_day",
          "price_input_per_million",
          "price_output_per_million",
          "max_output_tokens",
          "temperature",
          "seed",
          "decide_every",
          "timeout_seconds",
          "max_retries",
          "answer_format",
          "mode",
          "recordings_dir",
          "on_missing_recording",
          "training_cutoff");

  private LlmSettingsReader() {}

  static LlmConfig read(Section section, Path dataDir, Path workingDir, Map<String, String> env) {
    section.requireOnly(KEYS);
    LlmConfig defaults =
        LlmConfig.builder().recordingsDir(dataDir.resolve("llm-recordings")).build();
    LlmConfigBuilder builder =
        defaults.toBuilder()
            .apiKey(ApiKey.of(env.get(API_KEY)))
            .baseUrl(section.get("base_url", defaults.baseUrl(), LlmSettingsReader::httpUrl))
            .model(section.getNullable("model", null, LlmSettingsReader::model))
            .maxCost(section.getNullable("max_cost", null, Values::decimalAtLeastZero))
            .maxCostPerDay(
                section.getNullable("max_cost_per_day", null, Values::decimalAtLeastZero))
            .prices(
                section.getNullable("price_input_per_million", null, Values::decimalAtLeastZero),
                section.getNullable("price_output_per_million", null, Values::decimalAtLeastZero))
            .maxOutputTokens(
                section.get(
                    "max_output_tokens",
                    defaults.maxOutputTokens(),
                    Values.wholeNumber(1, 1_000_000)))
            .temperature(
                section.getNullable(
                    "temperature", defaults.temperature(), LlmSettingsReader::temperature))
            .seed(section.getNullable("seed", null, Values.wholeNumber(0, Integer.MAX_VALUE)))
            .cadence(section.get("decide_every", defaults.cadence(), DecisionCadence::parse))
            .timeout(
                Duration.ofSeconds(
                    section.get(
                        "timeout_seconds",
                        (int) defaults.timeout().toSeconds(),
                        Values.wholeNumber(1, 3600))))
            .maxRetries(
                section.get(
                    "max_retries",
                    defaults.maxRetries(),
                    Values.wholeNumber(0, LlmConfig.MAX_RETRIES_LIMIT)))
            .answerFormat(
                section.get("answer_format", defaults.answerFormat(), AnswerFormat::parse))
            .mode(section.get("mode", defaults.mode(), LlmMode::parse))
            .recordingsDir(
                section.get(
                    "recordings_dir", defaults.recordingsDir(), Values.directory(workingDir)))
            .onMissingRecording(
                section.get(
                    "on_missing_recording", defaults.onMissingRecording(), MissingRecording::parse))
            .trainingCutoff(section.getNullable("training_cutoff", null, LlmSettingsReader::date));
    return builder.build();
  }

  private static String httpUrl(String text) {
    String url = text.strip();
    if (!url.startsWith("http://") && !url.startsWith("https://") || url.contains(" ")) {
      throw Values.bad(text, "is not an http(s) URL (e.g. https://api.openai.com/v1)");
    }
    return url;
  }

  private static String model(String text) {
    if (text.isBlank()) {
      throw Values.bad(text, "is not a model name");
    }
    return text.strip();
  }

  private static BigDecimal temperature(String text) {
    BigDecimal value = Values.decimalAtLeastZero(text);
    if (value.compareTo(BigDecimal.TWO) > 0) {
      throw Values.bad(text, "is out of range (allowed: 0..2)");
    }
    return value;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Values.bad(text, "is not a date (yyyy-mm-dd)");
    }
  }
}
