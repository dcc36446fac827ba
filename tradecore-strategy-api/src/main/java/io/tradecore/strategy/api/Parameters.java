package io.tradecore.strategy.api;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The parameters a strategy takes, in the order it documents them. */
public record Parameters(List<Param> list) {
  public Parameters {
    list = List.copyOf(list);
    Set<String> names = new HashSet<>();
    for (Param p : list) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("parameter " + p.name() + " is declared twice");
      }
    }
  }

  public static Parameters of(Param... params) {
    return new Parameters(List.of(params));
  }

  /** No parameters. */
  public static Parameters none() {
    return new Parameters(List.of());
  }

  /** The parameter called {@code name}, or null. */
  public Param get(String name) {
    for (Param p : list) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The defaults by name; an empty default is a parameter that must be given. */
  public Map<String, String> defaults() {
    Map<String, String> out = new TreeMap<>();
    list.forEach(p -> out.put(p.name(), p.defaultValue()));
    return out;
  }

  /**
   * Checks that every one of {@code names} is a parameter {@code strategy} declares.
   *
   * @throws IllegalArgumentException naming the unknown ones and those it takes
   */
  public void checkNames(String strategy, Set<String> names) {
    Set<String> unknown = new TreeSet<>(names);
    list.forEach(p -> unknown.remove(p.name()));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown parameter"
              + (unknown.size() == 1 ? " " : "s ")
              + String.join(", ", unknown)
              + " for strategy "
              + strategy
              + "; it takes "
              + (list.isEmpty() ? "none" : String.join(", ", defaults().keySet())));
    }
  }

  /**
   * Checks {@code given} (names and values as {@code --param} gives them) for {@code strategy}:
   * every name must be declared, every value (given or default) of its type and in its range.
   *
   * @throws IllegalArgumentException a one-line message naming the parameter at fault
   */
  public Params check(String strategy, Map<String, String> given) {
    checkNames(strategy, given.keySet());
    Map<String, String> values = new LinkedHashMap<>();
    for (Param p : list) {
      String v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
      values.put(p.name(), p.check(strategy, v));
    }
    return new Params(strategy, this, values);
  }
}
