package io.tradecore.llm;

import io.tradecore.llm.cost.TokenPrices;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the LLM layer needs: where the server is and how to call it, what tokens cost, the
 * spending caps, when to ask, record/replay and the model's training cut-off. Money is in the
 * portfolio's base currency. A null model, price or cap means "not configured yet": {@link
 * #problems()} lists them and a decider refuses to start. Immutable and thread-safe; the API key
 * never appears in {@link #toString()}.
 *
 * @param baseUrl the server's OpenAI-compatible base URL, e.g. {@code https://api.openai.com/v1}
 * @param apiKey the key sent as a bearer token; {@link ApiKey#NONE} for local servers
 * @param model the model name sent with each request
 * @param timeout how long one attempt may take
 * @param maxRetries how many times a timed-out, rate-limited or 5xx attempt is repeated
 * @param retryBackoff the wait before the first retry; it doubles with each further one
 * @param temperature sampling temperature, or null for the server's default
 * @param seed sampling seed, or null for none
 * @param maxOutputTokens the most tokens an answer may have (and what the worst case assumes)
 * @param priceInputPerMillion the price of a million prompt tokens
 * @param priceOutputPerMillion the price of a million answer tokens
 * @param maxCost the most a portfolio may ever spend on calls
 * @param maxCostPerDay the most a portfolio may spend on calls in one trading day, or null
 * @param cadence when the model is asked
 * @param mode live, record or replay
 * @param recordingsDir where recorded responses are kept
 * @param onMissingRecording what replay does without a recording
 * @param answerFormat how the answer's JSON shape is asked of the server
 * @param trainingCutoff the model's stated training cut-off, or null when unknown
 */
public record LlmConfig(
    String baseUrl,
    ApiKey apiKey,
    String model,
    Duration timeout,
    int maxRetries,
    Duration retryBackoff,
    BigDecimal temperature,
    Integer seed,
    int maxOutputTokens,
    BigDecimal priceInputPerMillion,
    BigDecimal priceOutputPerMillion,
    BigDecimal maxCost,
    BigDecimal maxCostPerDay,
    DecisionCadence cadence,
    LlmMode mode,
    Path recordingsDir,
    MissingRecording onMissingRecording,
    AnswerFormat answerFormat,
    LocalDate trainingCutoff) {

  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  public static final int MAX_RETRIES_LIMIT = 10;

  /** Checks the values that are set; null model, prices and caps are allowed until use. */
  public LlmConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(recordingsDir, "recordingsDir");
    Objects.requireNonNull(onMissingRecording, "onMissingRecording");
    Objects.requireNonNull(answerFormat, "answerFormat");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("'" + baseUrl + "' is not an http(s) URL");
    }
    if (model != null && model.isBlank()) {
      throw new IllegalArgumentException("the model name must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
    }
    if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
      throw new IllegalArgumentException(
          "'" + maxRetries + "' is out of range (allowed: 0.." + MAX_RETRIES_LIMIT + ")");
    }
    if (retryBackoff.isNegative()) {
      throw new IllegalArgumentException("the retry backoff must not be negative");
    }
    if (maxOutputTokens < 1) {
      throw new IllegalArgumentException("'" + maxOutputTokens + "' must be at least 1");
    }
    for (BigDecimal amount :
        new BigDecimal[] {
          priceInputPerMillion, priceOutputPerMillion, maxCost, maxCostPerDay, temperature
        }) {
      if (amount != null && amount.signum() < 0) {
        throw new IllegalArgumentException("'" + amount.toPlainString() + "' must be at least 0");
      }
    }
  }

  /** Defaults: OpenAI's URL, no key, no model, prices or caps (those must be configured). */
  public static LlmConfigBuilder builder() {
    return new LlmConfigBuilder();
  }

  /** A builder holding this configuration's values. */
  public LlmConfigBuilder toBuilder() {
    return new LlmConfigBuilder(this);
  }

  /**
   * What must still be configured before a model may be called, one phrase each (naming the
   * tradecore.yaml key or variable); empty when ready.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (model == null) {
      problems.add("llm.model is not set");
    }
    if (priceInputPerMillion == null) {
      problems.add("llm.price_input_per_million is not set (0 for a free local model)");
    }
    if (priceOutputPerMillion == null) {
      problems.add("llm.price_output_per_million is not set (0 for a free local model)");
    }
    if (maxCost == null) {
      problems.add("llm.max_cost is not set");
    }
    if (mode != LlmMode.REPLAY && !apiKey.isPresent() && baseUrl.startsWith(OPENAI_BASE_URL)) {
      problems.add("OPENAI_API_KEY is not set");
    }
    return List.copyOf(problems);
  }

  /** Throws naming every missing setting, or returns this configuration. */
  public LlmConfig requireReady() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the LLM strategy is not configured: " + String.join("; ", problems));
    }
    return this;
  }

  /** The token prices; configured ones only (see {@link #requireReady()}). */
  public TokenPrices prices() {
    return new TokenPrices(
        Objects.requireNonNull(priceInputPerMillion, "llm.price_input_per_million"),
        Objects.requireNonNull(priceOutputPerMillion, "llm.price_output_per_million"));
  }
}
