package io.tradecore.strategy.api;

/** The type of a strategy parameter's value, as {@code --param NAME=VALUE} gives it. */
public enum ParamType {
  /** A whole number (a Java {@code int}). */
  INTEGER("a whole number"),
  /** A decimal number, read exactly ({@link java.math.BigDecimal}). */
  DECIMAL("a decimal number"),
  /** {@code true} or {@code false}. */
  BOOLEAN("true or false"),
  /** Any text (a file name, a symbol). */
  TEXT("text");

  private final String what;

  ParamType(String what) {
    this.what = what;
  }

  /** How an error message names the values this type takes. */
  public String what() {
    return what;
  }

  /** The lower-case name {@code tradecore strategy list} shows. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
