package io.tradecore.strategy.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checked values of a strategy's parameters: every parameter it declares, the given values over
 * the defaults, each of its declared type and in its range. Made by {@link Parameters#check}; read
 * with the typed getters.
 */
public final class Params {
  private final String strategy;
  private final Parameters declared;
  private final Map<String, String> values;

  Params(String strategy, Parameters declared, Map<String, String> values) {
    this.strategy = strategy;
    this.declared = declared;
    this.values = Map.copyOf(values);
  }

  /** The strategy these values are for. */
  public String strategy() {
    return strategy;
  }

  /** Every value by name, as text. */
  public Map<String, String> asMap() {
    return new TreeMap<>(values);
  }

  public int integer(String name) {
    return Integer.parseInt(value(name, ParamType.INTEGER));
  }

  public BigDecimal decimal(String name) {
    return new BigDecimal(value(name, ParamType.DECIMAL));
  }

  /** A decimal parameter as a {@code double}, for market maths such as ATR multiples. */
  public double number(String name) {
    return decimal(name).doubleValue();
  }

  public boolean bool(String name) {
    return Boolean.parseBoolean(value(name, ParamType.BOOLEAN));
  }

  public String text(String name) {
    return value(name, ParamType.TEXT);
  }

  private String value(String name, ParamType type) {
    Param p = declared.get(name);
    if (p == null) {
      throw new IllegalArgumentException("strategy " + strategy + " declares no parameter " + name);
    }
    if (p.type() != type) {
      throw new IllegalArgumentException(
          "parameter " + name + " of strategy " + strategy + " is " + p.type().label());
    }
    return values.get(name);
  }

  @Override
  public String toString() {
    return strategy + new TreeMap<>(values);
  }
}
