package io.tradecore.llm;

import java.util.Locale;

/**
 * How the answer's shape is asked of the server: OpenAI's {@code response_format} with a strict
 * JSON schema, plain JSON mode, or only the prompt. The answer is validated the same way in every
 * case.
 */
public enum AnswerFormat {
  /** {@code response_format: {type: json_schema, strict: true}} (OpenAI, recent Ollama). */
  JSON_SCHEMA,
  /** {@code response_format: {type: json_object}}, for servers without schema support. */
  JSON_OBJECT,
  /** No {@code response_format}; the prompt alone asks for JSON. */
  PROMPT_ONLY;

  /** The format named {@code json_schema}, {@code json_object} or {@code prompt_only}. */
  public static AnswerFormat parse(String text) {
    for (AnswerFormat format : values()) {
      if (format.name().equalsIgnoreCase(text.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not an answer format (allowed: json_schema, json_object, prompt_only)");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
