package io.tradecore.runner.config;

import static io.tradecore.runner.config.Node.Scalar.Kind.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment variables that override keys of {@code tradecore.yaml}, applied after the file.
 */
final class EnvOverrides {
  /** Names the config file when no {@code --config} is given. */
  static final String CONFIG_FILE = "TRADECORE_CONFIG";

  /** A variable and the key it sets; a list variable holds comma-separated values. */
  private record Variable(String variable, List<String> keys, boolean list) {
    Variable(String variable, List<String> keys) {
      this(variable, keys, false);
    }
  }

  private static final List<Variable> OVERRIDES =
      List.of(
          new Variable("TRADECORE_DATA_DIR", List.of("data_dir")),
          new Variable("TRADECORE_DB_URL", List.of("database", "url")),
          new Variable("TRADECORE_DB_USER", List.of("database", "user")),
          new Variable("TRADECORE_DB_PASSWORD", List.of("database", "password")),
          new Variable("TRADECORE_DB_POOL_SIZE", List.of("database", "pool_size")),
          new Variable("TRADECORE_LEASE_SECONDS", List.of("runner", "lease_seconds")),
          new Variable("TRADECORE_RETENTION_DAYS", List.of("market_data", "retention_days")),
          new Variable("OPENAI_BASE_URL", List.of("llm", "base_url")),
          new Variable("APCA_API_BASE_URL", List.of("alpaca", "base_url")),
          new Variable("APCA_API_DATA_URL", List.of("alpaca", "data_url")),
          new Variable("APCA_API_DATA_FEED", List.of("alpaca", "data_feed")),
          new Variable("TRADECORE_ALLOWED_HOSTS", List.of("web", "allowed_hosts"), true));

  private EnvOverrides() {}

  /** Lays every set (non-empty) variable over the file's document. */
  static Node.Mapping apply(Node.Mapping document, Map<String, String> env) {
    Node.Mapping result = document;
    for (Variable override : OVERRIDES) {
      String value = env.get(override.variable());
      if (value != null && !value.isEmpty()) {
        Origin origin = Origin.env(override.variable());
        Node node = override.list() ? items(value, origin) : new Node.Scalar(value, STRING, origin);
        result = put(result, override.keys(), node, origin);
      }
    }
    return result;
  }

  /** The comma-separated values of a list variable; empty items are left out. */
  private static Node.Sequence items(String value, Origin origin) {
    List<Node> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(new Node.Scalar(item.strip(), STRING, origin));
      }
    }
    return new Node.Sequence(items, origin);
  }

  private static Node.Mapping put(
      Node.Mapping mapping, List<String> keys, Node value, Origin origin) {
    String key = keys.get(0);
    Origin keyOrigin = mapping.keys().getOrDefault(key, origin);
    if (keys.size() == 1) {
      return mapping.with(key, value, keyOrigin);
    }
    Node.Mapping child =
        switch (mapping.entries().get(key)) {
          case null -> Node.Mapping.empty(origin);
          case Node.Mapping nested -> nested;
          case Node.Scalar scalar when scalar.isNull() -> Node.Mapping.empty(origin);
          default -> null;
        };
    if (child == null) {
      return mapping; // the file has a bad value here; reading it reports that
    }
    return mapping.with(key, put(child, keys.subList(1, keys.size()), value, origin), keyOrigin);
  }
}
