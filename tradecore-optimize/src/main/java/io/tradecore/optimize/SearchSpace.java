package io.tradecore.optimize;

import io.tradecore.strategies.StrategyCatalog;
import io.tradecore.strategy.api.Param;
import io.tradecore.strategy.api.ParamType;
import io.tradecore.strategy.api.Parameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a search tries for each parameter of a strategy, from {@code --param NAME=SPEC}: a
 * range {@code 2..100} (whole numbers, step 1), a range with a step {@code 0.5..2:0.25}, a list
 * {@code 1,2,5} or a single value. Every name is checked against the strategy's parameter
 * descriptions and every value against its type and range, so a mistake names the parameter at
 * fault. Parameters not given keep their defaults. Immutable.
 */
public final class SearchSpace {
  /** The most values one parameter may take (a range with a tiny step is a mistake). */
  public static final int MAX_VALUES = 100_000;

  /** One parameter and the values tried for it, in order. */
  public record Axis(String name, ParamType type, List<String> values) {
    public Axis {
      values = List.copyOf(values);
    }

    public int size() {
      return values.size();
    }

    /** Whether the values are numbers (a heat map can lay them out in order). */
    public boolean numeric() {
      return type == ParamType.INTEGER || type == ParamType.DECIMAL;
    }
  }

  private final String strategy;
  private final List<Axis> axes;

  private SearchSpace(String strategy, List<Axis> axes) {
    this.strategy = strategy;
    this.axes = List.copyOf(axes);
  }

  /**
   * The space of {@code strategy} given by {@code specs} (name to spec, in the order given).
   *
   * @throws IllegalArgumentException one line naming the strategy or the parameter at fault
   */
  public static SearchSpace parse(String strategy, Map<String, String> specs) {
    Parameters declared = StrategyCatalog.provider(strategy).parameters();
    declared.checkNames(strategy, specs.keySet());
    List<Axis> axes = new ArrayList<>();
    for (Map.Entry<String, String> e : specs.entrySet()) {
      Param p = declared.get(e.getKey());
      axes.add(new Axis(p.name(), p.type(), values(strategy, p, e.getValue())));
    }
    return new SearchSpace(strategy, axes);
  }

  private static List<String> values(String strategy, Param p, String spec) {
    String s = spec == null ? "" : spec.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException(
          "--param "
              + p.name()
              + " needs values, e.g. "
              + p.name()
              + "=2..50 or "
              + p.name()
              + "=1,2,5");
    }
    List<String> raw = s.contains("..") ? range(strategy, p, s) : List.of(s.split(",", -1));
    Set<String> out = new LinkedHashSet<>();
    for (String v : raw) {
      out.add(p.check(strategy, v));
    }
    return List.copyOf(out);
  }

  private static List<String> range(String strategy, Param p, String spec) {
    if (!p.type().equals(ParamType.INTEGER) && !p.type().equals(ParamType.DECIMAL)) {
      throw new IllegalArgumentException(
          "parameter "
              + p.name()
              + " of strategy "
              + strategy
              + " is "
              + p.type().label()
              + ": list its values (e.g. "
              + p.name()
              + "=a,b), a range is for numbers");
    }
    String bounds = spec;
    String stepText = null;
    int colon = spec.indexOf(':');
    if (colon >= 0) {
      bounds = spec.substring(0, colon);
      stepText = spec.substring(colon + 1).strip();
    }
    int dots = bounds.indexOf("..");
    String fromText = bounds.substring(0, dots).strip();
    String toText = bounds.substring(dots + 2).strip();
    p.check(strategy, fromText);
    p.check(strategy, toText);
    BigDecimal from = new BigDecimal(fromText);
    BigDecimal to = new BigDecimal(toText);
    BigDecimal step;
    if (stepText == null) {
      if (p.type() == ParamType.DECIMAL) {
        throw new IllegalArgumentException(
            "parameter "
                + p.name()
                + " is a decimal number: give the range a step, e.g. "
                + p.name()
                + "="
                + fromText
                + ".."
                + toText
                + ":0.5");
      }
      step = BigDecimal.ONE;
    } else {
      try {
        step = new BigDecimal(stepText);
      } catch (NumberFormatException e) {
        throw badRange(p, spec, "the step '" + stepText + "' is not a number");
      }
      if (step.signum() <= 0) {
        throw badRange(p, spec, "the step must be greater than 0");
      }
      if (p.type() == ParamType.INTEGER && step.stripTrailingZeros().scale() > 0) {
        throw badRange(p, spec, "a whole-number parameter takes a whole-number step");
      }
    }
    if (from.compareTo(to) > 0) {
      throw badRange(p, spec, "it starts above its end");
    }
    BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
    if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
      throw badRange(
          p, spec, "it has " + count.toPlainString() + " values, more than " + MAX_VALUES);
    }
    List<String> out = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      out.add(
          p.type() == ParamType.INTEGER
              ? v.toBigInteger().toString()
              : v.stripTrailingZeros().toPlainString());
    }
    return out;
  }

  private static IllegalArgumentException badRange(Param p, String spec, String why) {
    return new IllegalArgumentException(
        "--param " + p.name() + "=" + spec + " is not a range of values: " + why);
  }

  public String strategy() {
    return strategy;
  }

  /** The parameters searched, in the order given. */
  public List<Axis> axes() {
    return axes;
  }

  /** The axes with more than one value: what is really searched. */
  public List<Axis> swept() {
    return axes.stream().filter(a -> a.size() > 1).toList();
  }

  /** How many points the grid has (valid or not), or {@link Long#MAX_VALUE} when beyond that. */
  public long gridSize() {
    long n = 1;
    for (Axis a : axes) {
      try {
        n = Math.multiplyExact(n, a.size());
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return n;
  }

  /** The point at {@code indices} (one index into each axis' values), name to value. */
  public Map<String, String> point(int[] indices) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < axes.size(); i++) {
      out.put(axes.get(i).name(), axes.get(i).values().get(indices[i]));
    }
    return out;
  }

  /** The grid point number {@code n} (the last axis varies fastest). */
  public int[] indices(long n) {
    int[] out = new int[axes.size()];
    for (int i = axes.size() - 1; i >= 0; i--) {
      int size = axes.get(i).size();
      out[i] = (int) (n % size);
      n /= size;
    }
    return out;
  }

  /**
   * Whether the strategy takes {@code point}: every value is of its type and range already, but a
   * strategy may also refuse a combination (sma-cross: fast must be shorter than slow).
   */
  public boolean valid(Map<String, String> point) {
    try {
      StrategyCatalog.portfolio(strategy, point);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
