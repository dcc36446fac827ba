package io.tradecore.strategy.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One parameter of a strategy: its name ({@code --param NAME=VALUE}), type, default, the range its
 * number must lie in, and a line of documentation. An empty default is a parameter that must be
 * given. Build one with {@link #integer}, {@link #decimal}, {@link #bool} or {@link #text} and
 * narrow the range with {@link #min}, {@link #above}, {@link #max} and {@link #below}.
 *
 * @param min the lowest value, or null for none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max the highest value, or null for none
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Param(
    String name,
    ParamType type,
    String defaultValue,
    BigDecimal min,
    boolean minInclusive,
    BigDecimal max,
    boolean maxInclusive,
    String doc) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(doc, "doc");
    if (name.isBlank() || !name.equals(name.strip()) || name.contains("=")) {
      throw new IllegalArgumentException("a parameter name must be a word, not '" + name + "'");
    }
    if ((min != null || max != null) && type != ParamType.INTEGER && type != ParamType.DECIMAL) {
      throw new IllegalArgumentException("parameter " + name + ": only numbers have a range");
    }
  }

  /** A whole-number parameter. */
  public static Param integer(String name, int defaultValue, String doc) {
    return new Param(
        name, ParamType.INTEGER, Integer.toString(defaultValue), null, true, null, true, doc);
  }

  /** A decimal parameter; {@code defaultValue} is its text, e.g. {@code "0.5"}. */
  public static Param decimal(String name, String defaultValue, String doc) {
    return new Param(name, ParamType.DECIMAL, defaultValue, null, true, null, true, doc);
  }

  /** A true/false parameter. */
  public static Param bool(String name, boolean defaultValue, String doc) {
    return new Param(
        name, ParamType.BOOLEAN, Boolean.toString(defaultValue), null, true, null, true, doc);
  }

  /** A text parameter; an empty default makes it required. */
  public static Param text(String name, String defaultValue, String doc) {
    return new Param(name, ParamType.TEXT, defaultValue, null, true, null, true, doc);
  }

  /** This parameter with values of at least {@code min}. */
  public Param min(String min) {
    return new Param(name, type, defaultValue, new BigDecimal(min), true, max, maxInclusive, doc);
  }

  /** This parameter with values greater than {@code min}. */
  public Param above(String min) {
    return new Param(name, type, defaultValue, new BigDecimal(min), false, max, maxInclusive, doc);
  }

  /** This parameter with values of at most {@code max}. */
  public Param max(String max) {
    return new Param(name, type, defaultValue, min, minInclusive, new BigDecimal(max), true, doc);
  }

  /** This parameter with values less than {@code max}. */
  public Param below(String max) {
    return new Param(name, type, defaultValue, min, minInclusive, new BigDecimal(max), false, doc);
  }

  /** Whether the parameter has no default and must be given. */
  public boolean required() {
    return defaultValue.isEmpty();
  }

  /** The range as text: {@code [1, ∞)}, {@code (0, 1]}; empty when the parameter has none. */
  public String range() {
    if (min == null && max == null) {
      return "";
    }
    return (min == null ? "(-∞" : (minInclusive ? "[" : "(") + min.toPlainString())
        + ", "
        + (max == null ? "∞)" : max.toPlainString() + (maxInclusive ? "]" : ")"));
  }

  /**
   * Checks {@code value} for this parameter of {@code strategy}.
   *
   * @return the value, stripped
   * @throws IllegalArgumentException naming the parameter, what it takes and what it was
   */
  public String check(String strategy, String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      if (required()) {
        throw new IllegalArgumentException(
            "strategy " + strategy + " needs --param " + name + "=VALUE: " + doc);
      }
      throw invalid(strategy, value, "must be " + type.what());
    }
    switch (type) {
      case INTEGER -> {
        try {
          Integer.parseInt(v);
        } catch (NumberFormatException e) {
          throw invalid(strategy, value, "must be a whole number");
        }
        inRange(strategy, new BigDecimal(v), value);
      }
      case DECIMAL -> {
        BigDecimal d;
        try {
          d = new BigDecimal(v);
        } catch (NumberFormatException e) {
          throw invalid(strategy, value, "must be a decimal number");
        }
        inRange(strategy, d, value);
      }
      case BOOLEAN -> {
        if (!v.equals("true") && !v.equals("false")) {
          throw invalid(strategy, value, "must be true or false");
        }
      }
      case TEXT -> {}
    }
    return v;
  }

  private void inRange(String strategy, BigDecimal v, String value) {
    boolean low = min != null && (minInclusive ? v.compareTo(min) < 0 : v.compareTo(min) <= 0);
    boolean high = max != null && (maxInclusive ? v.compareTo(max) > 0 : v.compareTo(max) >= 0);
    if (low || high) {
      throw invalid(strategy, value, "must be in " + range());
    }
  }

  private IllegalArgumentException invalid(String strategy, String value, String must) {
    return new IllegalArgumentException(
        "parameter " + name + " of strategy " + strategy + " " + must + " but was '" + value + "'");
  }
}
