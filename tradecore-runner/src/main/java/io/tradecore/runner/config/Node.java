package io.tradecore.runner.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed configuration document: mappings, sequences and scalars, each knowing its origin. */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

  Origin origin();

  /** A short description of the node for error messages. */
  String describe();

  /** Converts the node to plain Java values: maps, lists, strings, numbers, booleans and null. */
  Object toPlain();

  /** A leaf value with its text as written (numbers canonicalised) and what kind of value it is. */
  record Scalar(String text, Kind kind, Origin origin) implements Node {

    /** What a scalar holds, as the parser saw it. */
    enum Kind {
      STRING,
      INTEGER,
      DECIMAL,
      TRUE,
      FALSE,
      NULL
    }

    boolean isNull() {
      return kind == Kind.NULL;
    }

    @Override
    public String describe() {
      return isNull() ? "null" : "'" + text + "'";
    }

    @Override
    public Object toPlain() {
      try {
        return switch (kind) {
          case STRING -> text;
          case INTEGER -> narrow(new BigInteger(text));
          case DECIMAL -> new BigDecimal(text);
          case TRUE -> Boolean.TRUE;
          case FALSE -> Boolean.FALSE;
          case NULL -> null;
        };
      } catch (NumberFormatException e) {
        return text; // e.g. .inf or 0x1g: keep what was written
      }
    }

    // Same narrowing Jackson applies when it reads JSON numbers, so a JSON round trip is exact.
    private static Object narrow(BigInteger value) {
      if (value.bitLength() < Integer.SIZE) {
        return value.intValue();
      }
      return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }
  }

  /** Keys in document order, with the origin of each key for messages about the key itself. */
  record Mapping(Map<String, Node> entries, Map<String, Origin> keys, Origin origin)
      implements Node {

    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    static Mapping empty(Origin origin) {
      return new Mapping(Map.of(), Map.of(), origin);
    }

    Mapping with(String key, Node value, Origin keyOrigin) {
      Map<String, Node> newEntries = new LinkedHashMap<>(entries);
      newEntries.put(key, value);
      Map<String, Origin> newKeys = new LinkedHashMap<>(keys);
      newKeys.put(key, keyOrigin);
      return new Mapping(newEntries, newKeys, origin);
    }

    @Override
    public String describe() {
      return "a mapping";
    }

    @Override
    public Map<String, Object> toPlain() {
      Map<String, Object> plain = new LinkedHashMap<>();
      entries.forEach((key, value) -> plain.put(key, value.toPlain()));
      return Collections.unmodifiableMap(plain);
    }
  }

  /** A list of nodes. */
  record Sequence(List<Node> items, Origin origin) implements Node {

    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }

    @Override
    public List<Object> toPlain() {
      List<Object> plain = new ArrayList<>();
      items.forEach(item -> plain.add(item.toPlain()));
      return Collections.unmodifiableList(plain);
    }
  }
}
