package io.tradecore.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON object of a spec file with its path in the file, giving one-line errors for its fields.
 */
final class SpecNode {
  private final Path file;
  private final String path;
  private final JsonNode node;

  SpecNode(Path file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
    if (!node.isObject()) {
      throw fail(where() + " must be a JSON object");
    }
  }

  InvalidPolicyException fail(String problem) {
    return new InvalidPolicyException(file, problem);
  }

  /** The field's path for messages: {@code action.stop_atr}. */
  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String where() {
    return path.isEmpty() ? "the spec" : path;
  }

  void allowOnly(Set<String> keys) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw fail(
            "unknown field '" + at(name) + "' (" + where() + " takes " + new TreeSet<>(keys) + ")");
      }
    }
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  JsonNode required(String key) {
    if (!has(key)) {
      throw fail("missing field '" + at(key) + "'");
    }
    return node.get(key);
  }

  SpecNode object(String key) {
    return new SpecNode(file, at(key), required(key));
  }

  String text(String key) {
    JsonNode v = required(key);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw fail(at(key) + " must be a non-empty string but was " + v);
    }
    return v.asText();
  }

  String text(String key, String otherwise) {
    return has(key) ? text(key) : otherwise;
  }

  double number(String key) {
    JsonNode v = required(key);
    if (!v.isNumber()) {
      throw fail(at(key) + " must be a number but was " + v);
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw fail(at(key) + " is " + d);
    }
    return d;
  }

  double number(String key, double otherwise) {
    return has(key) ? number(key) : otherwise;
  }

  int integer(String key, int min) {
    JsonNode v = required(key);
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min) {
      throw fail(at(key) + " must be an integer >= " + min + " but was " + v);
    }
    return v.asInt();
  }

  int integer(String key, int min, int otherwise) {
    return has(key) ? integer(key, min) : otherwise;
  }

  /** The elements of an array field, each with its index in messages. */
  List<JsonNode> array(String key) {
    JsonNode v = required(key);
    if (!v.isArray()) {
      throw fail(at(key) + " must be an array but was " + v);
    }
    List<JsonNode> items = new ArrayList<>();
    v.forEach(items::add);
    return items;
  }

  /** A finite number array field. */
  List<Double> numbers(String key) {
    List<Double> out = new ArrayList<>();
    List<JsonNode> items = array(key);
    for (int i = 0; i < items.size(); i++) {
      JsonNode v = items.get(i);
      if (!v.isNumber()) {
        throw fail(at(key) + "[" + i + "] must be a number but was " + v);
      }
      double d = v.asDouble();
      if (!Double.isFinite(d)) {
        throw fail(at(key) + "[" + i + "] is " + d);
      }
      out.add(d);
    }
    return out;
  }

  SpecNode element(String key, int index, JsonNode item) {
    return new SpecNode(file, at(key) + "[" + index + "]", item);
  }
}
