package io.tradecore.runner.notify;

import java.util.Objects;

/**
 * A credential (a bot token, a password, a signing key) read from the environment variable its
 * setting names. It never prints: {@link #toString} names the variable, not the value.
 */
public final class Secret {
  private final String variable;
  private final String value;

  private Secret(String variable, String value) {
    this.variable = Objects.requireNonNull(variable);
    this.value = value;
  }

  /** The secret held by {@code variable} in {@code env}; {@link #isSet} says whether it was. */
  public static Secret fromEnv(String variable, java.util.Map<String, String> env) {
    String v = env.get(variable);
    return new Secret(variable, v == null || v.isBlank() ? null : v.strip());
  }

  public String variable() {
    return variable;
  }

  public boolean isSet() {
    return value != null;
  }

  /** The value, for the one place that sends it. */
  public String reveal() {
    if (value == null) {
      throw new IllegalStateException("the environment variable " + variable + " is not set");
    }
    return value;
  }

  /** {@code text} with every occurrence of the value replaced, for errors that might quote it. */
  public String redact(String text) {
    return value == null || text == null ? text : text.replace(value, "[" + variable + "]");
  }

  @Override
  public String toString() {
    return "[secret from " + variable + "]";
  }
}
