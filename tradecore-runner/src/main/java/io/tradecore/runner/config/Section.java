package io.tradecore.runner.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Typed, validating access to one mapping of a configuration document at a known key path. */
final class Section {
  private final Node.Mapping mapping;
  private final String path;

  private Section(Node.Mapping mapping, String path) {
    this.mapping = mapping;
    this.path = path;
  }

  static Section root(Node.Mapping mapping) {
    return new Section(mapping, "");
  }

  /** Fails on the first key that is not in {@code known}, naming it and the keys allowed. */
  Section requireOnly(List<String> known) {
    for (Map.Entry<String, Origin> key : mapping.keys().entrySet()) {
      if (!known.contains(key.getKey())) {
        throw key.getValue()
            .error(
                "",
                "unknown key '"
                    + pathOf(key.getKey())
                    + "' (known: "
                    + String.join(", ", known)
                    + ")");
      }
    }
    return this;
  }

  List<String> keys() {
    return List.copyOf(mapping.entries().keySet());
  }

  boolean has(String key) {
    return mapping.entries().containsKey(key);
  }

  /** The nested mapping at {@code key}; absent or null reads as an empty one. */
  Section section(String key) {
    Node node = mapping.entries().get(key);
    return switch (node) {
      case null -> new Section(Node.Mapping.empty(mapping.origin()), pathOf(key));
      case Node.Mapping nested -> new Section(nested, pathOf(key));
      case Node.Scalar scalar when scalar.isNull() ->
          new Section(Node.Mapping.empty(scalar.origin()), pathOf(key));
      default -> throw error(key, "expected a mapping of settings, found " + node.describe());
    };
  }

  /** The value at {@code key} parsed, or {@code current} when absent; null is an error. */
  <T> T get(String key, T current, Function<String, T> parser) {
    T value = getNullable(key, current, parser);
    if (value == null) {
      throw error(key, "a value is required, found null");
    }
    return value;
  }

  /** The value at {@code key} parsed, {@code current} when absent, or null when set to null. */
  <T> T getNullable(String key, T current, Function<String, T> parser) {
    Node node = mapping.entries().get(key);
    return switch (node) {
      case null -> current;
      case Node.Scalar scalar when scalar.isNull() -> null;
      case Node.Scalar scalar -> parse(key, scalar.text(), parser);
      default -> throw error(key, "expected a single value, found " + node.describe());
    };
  }

  /**
   * The values of the list at {@code key} parsed, a single value read as a list of one, or {@code
   * current} when absent; null reads as an empty list.
   */
  <T> List<T> list(String key, List<T> current, Function<String, T> parser) {
    Node node = mapping.entries().get(key);
    return switch (node) {
      case null -> current;
      case Node.Scalar scalar when scalar.isNull() -> List.of();
      case Node.Scalar scalar -> List.of(parse(key, scalar.text(), parser));
      case Node.Sequence sequence -> {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
          Node item = sequence.items().get(i);
          String itemPath = pathOf(key) + "[" + i + "]";
          if (!(item instanceof Node.Scalar scalar) || scalar.isNull()) {
            throw item.origin()
                .error(itemPath, "expected a single value, found " + item.describe());
          }
          try {
            values.add(parser.apply(scalar.text()));
          } catch (IllegalArgumentException e) {
            throw item.origin().error(itemPath, e.getMessage());
          }
        }
        yield List.copyOf(values);
      }
      default -> throw error(key, "expected a list of values, found " + node.describe());
    };
  }

  /** Free-form values at {@code key} laid key by key over {@code current}; null clears them all. */
  Map<String, Object> tree(String key, Map<String, Object> current) {
    Node node = mapping.entries().get(key);
    return switch (node) {
      case null -> current;
      case Node.Scalar scalar when scalar.isNull() -> Map.of();
      case Node.Mapping nested -> {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(nested.toPlain());
        yield merged;
      }
      default -> throw error(key, "expected a mapping, found " + node.describe());
    };
  }

  /** Where the value at {@code key} came from, or where this section did when it is absent. */
  Origin originOf(String key) {
    Node node = mapping.entries().get(key);
    return node == null ? mapping.origin() : node.origin();
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException error(String key, String problem) {
    return originOf(key).error(pathOf(key), problem);
  }

  private <T> T parse(String key, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }
}
