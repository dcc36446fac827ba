package io.tradecore.llm;

import java.util.Objects;

/**
 * An API key for a chat-completions server. It never prints: {@link #toString()} is {@code ***} and
 * {@link #redact} scrubs it from text such as an error body that echoes it. Immutable and
 * thread-safe.
 */
public final class ApiKey {
  /** No key: local servers such as Ollama accept any request. */
  public static final ApiKey NONE = new ApiKey("");

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /** The key {@code value}; blank or null is {@link #NONE}. */
  public static ApiKey of(String value) {
    return value == null || value.isBlank() ? NONE : new ApiKey(value.strip());
  }

  public boolean isPresent() {
    return !value.isEmpty();
  }

  /** The key itself, for the HTTP client's Authorization header and nothing else. */
  public String reveal() {
    return value;
  }

  /**
   * {@code text} with the key, and any run of 8 or more of its leading characters (servers echo a
   * key's start, e.g. "Incorrect API key provided: sk-abc123***"), replaced by {@code ***}.
   */
  public String redact(String text) {
    if (text == null || value.isEmpty()) {
      return text;
    }
    String result = text.replace(value, "***");
    for (int length = value.length() - 1; length >= 8; length--) {
      result = result.replace(value.substring(0, length), "***");
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key && key.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "(none)" : "***";
  }
}
