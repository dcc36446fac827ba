package io.tradecore.llm.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradecore.llm.AnswerFormat;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.answer.AnswerSchema;
import io.tradecore.llm.request.Prompt;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chat-completions request as TradeCore defines it: model, messages and sampling parameters.
 * Its canonical JSON (keys sorted, decimals as plain text) is hashed with SHA-256 to key recorded
 * responses, so the same request always finds the same recording. Immutable and thread-safe.
 */
public record ChatCall(
    String model,
    Prompt prompt,
    BigDecimal temperature,
    Integer seed,
    int maxOutputTokens,
    AnswerFormat format) {
  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  public ChatCall {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(format, "format");
  }

  /** The call {@code config} makes for {@code prompt}. */
  public static ChatCall of(LlmConfig config, Prompt prompt) {
    return new ChatCall(
        Objects.requireNonNull(config.model(), "llm.model"),
        prompt,
        config.temperature(),
        config.seed(),
        config.maxOutputTokens(),
        config.answerFormat());
  }

  /** The request as canonical JSON: what the hash covers. */
  public String canonicalJson() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("model", model);
    request.put(
        "messages",
        List.of(
            Map.of("role", "system", "content", prompt.system()),
            Map.of("role", "user", "content", prompt.user())));
    request.put(
        "temperature",
        temperature == null ? null : temperature.stripTrailingZeros().toPlainString());
    request.put("seed", seed);
    request.put("max_tokens", maxOutputTokens);
    request.put("response_format", format.label());
    request.put("schema", format == AnswerFormat.JSON_SCHEMA ? AnswerSchema.JSON : null);
    try {
      return CANONICAL.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request as JSON", e);
    }
  }

  /** The lower-case hex SHA-256 of {@link #canonicalJson()}. */
  public String sha256() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonicalJson().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Characters sent that count as prompt tokens: both messages and the schema, when sent. */
  public long charsSent() {
    return prompt.chars() + (format == AnswerFormat.JSON_SCHEMA ? AnswerSchema.JSON.length() : 0);
  }
}
