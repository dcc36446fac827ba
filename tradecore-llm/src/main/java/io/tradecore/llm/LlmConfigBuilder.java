package io.tradecore.llm;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/** Builds an {@link LlmConfig}, starting from the defaults; not thread-safe. */
public final class LlmConfigBuilder {
  private String baseUrl = LlmConfig.OPENAI_BASE_URL;
  private ApiKey apiKey = ApiKey.NONE;
  private String model;
  private Duration timeout = Duration.ofSeconds(60);
  private int maxRetries = 2;
  private Duration retryBackoff = Duration.ofSeconds(1);
  private BigDecimal temperature = BigDecimal.ZERO;
  private Integer seed;
  private int maxOutputTokens = 1024;
  private BigDecimal priceInputPerMillion;
  private BigDecimal priceOutputPerMillion;
  private BigDecimal maxCost;
  private BigDecimal maxCostPerDay;
  private DecisionCadence cadence = DecisionCadence.EVERY_BAR;
  private LlmMode mode = LlmMode.LIVE;
  private Path recordingsDir = Path.of("data", "llm-recordings");
  private MissingRecording onMissingRecording = MissingRecording.FAIL;
  private AnswerFormat answerFormat = AnswerFormat.JSON_SCHEMA;
  private LocalDate trainingCutoff;

  LlmConfigBuilder() {}

  LlmConfigBuilder(LlmConfig c) {
    baseUrl = c.baseUrl();
    apiKey = c.apiKey();
    model = c.model();
    timeout = c.timeout();
    maxRetries = c.maxRetries();
    retryBackoff = c.retryBackoff();
    temperature = c.temperature();
    seed = c.seed();
    maxOutputTokens = c.maxOutputTokens();
    priceInputPerMillion = c.priceInputPerMillion();
    priceOutputPerMillion = c.priceOutputPerMillion();
    maxCost = c.maxCost();
    maxCostPerDay = c.maxCostPerDay();
    cadence = c.cadence();
    mode = c.mode();
    recordingsDir = c.recordingsDir();
    onMissingRecording = c.onMissingRecording();
    answerFormat = c.answerFormat();
    trainingCutoff = c.trainingCutoff();
  }

  /** The base URL; a trailing slash is dropped so both spellings name the same server. */
  public LlmConfigBuilder baseUrl(String value) {
    baseUrl = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    return this;
  }

  public LlmConfigBuilder apiKey(ApiKey value) {
    apiKey = value;
    return this;
  }

  public LlmConfigBuilder model(String value) {
    model = value;
    return this;
  }

  public LlmConfigBuilder timeout(Duration value) {
    timeout = value;
    return this;
  }

  public LlmConfigBuilder maxRetries(int value) {
    maxRetries = value;
    return this;
  }

  public LlmConfigBuilder retryBackoff(Duration value) {
    retryBackoff = value;
    return this;
  }

  public LlmConfigBuilder temperature(BigDecimal value) {
    temperature = value;
    return this;
  }

  public LlmConfigBuilder seed(Integer value) {
    seed = value;
    return this;
  }

  public LlmConfigBuilder maxOutputTokens(int value) {
    maxOutputTokens = value;
    return this;
  }

  public LlmConfigBuilder prices(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    priceInputPerMillion = inputPerMillion;
    priceOutputPerMillion = outputPerMillion;
    return this;
  }

  public LlmConfigBuilder maxCost(BigDecimal value) {
    maxCost = value;
    return this;
  }

  public LlmConfigBuilder maxCostPerDay(BigDecimal value) {
    maxCostPerDay = value;
    return this;
  }

  public LlmConfigBuilder cadence(DecisionCadence value) {
    cadence = value;
    return this;
  }

  public LlmConfigBuilder mode(LlmMode value) {
    mode = value;
    return this;
  }

  public LlmConfigBuilder recordingsDir(Path value) {
    recordingsDir = value;
    return this;
  }

  public LlmConfigBuilder onMissingRecording(MissingRecording value) {
    onMissingRecording = value;
    return this;
  }

  public LlmConfigBuilder answerFormat(AnswerFormat value) {
    answerFormat = value;
    return this;
  }

  public LlmConfigBuilder trainingCutoff(LocalDate value) {
    trainingCutoff = value;
    return this;
  }

  /**
   * The configuration.
   *
   * @throws IllegalArgumentException naming the first bad value
   */
  public LlmConfig build() {
    return new LlmConfig(
        baseUrl,
        apiKey,
        model,
        timeout,
        maxRetries,
        retryBackoff,
        temperature,
        seed,
        maxOutputTokens,
        priceInputPerMillion,
        priceOutputPerMillion,
        maxCost,
        maxCostPerDay,
        cadence,
        mode,
        recordingsDir,
        onMissingRecording,
        answerFormat,
        trainingCutoff);
  }
}
