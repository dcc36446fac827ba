package io.tradecore.llm.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * Reads an answer's text as JSON: exact decimals, no duplicate keys, nothing after the object. One
 * surrounding Markdown code fence is tolerated, as models without structured output add one.
 */
final class AnswerReader {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private AnswerReader() {}

  /** The JSON tree of {@code text}, or the parser's complaint. */
  static Result read(String text) {
    if (text == null || text.isBlank()) {
      return new Result(null, "the answer is empty");
    }
    try {
      return new Result(JSON.readTree(unfenced(text.strip())), null);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
      return new Result(null, message.lines().findFirst().orElse(message));
    }
  }

  private static String unfenced(String text) {
    if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
      return text;
    }
    String inner = text.substring(3, text.length() - 3);
    int newline = inner.indexOf('\n');
    // The opening fence may name a language: ```json
    return newline < 0 ? inner : inner.substring(newline + 1);
  }

  /** A parsed tree or a problem. */
  record Result(JsonNode tree, String problem) {
    Optional<JsonNode> json() {
      return Optional.ofNullable(tree);
    }
  }
}
