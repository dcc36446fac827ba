package io.tradecore.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the headline fields out of experiment.json and eval_summary.json, looking at top-level keys
 * first and then one level down (e.g. {"config": {"algo": "PPO"}}).
 */
final class ExperimentFields {
  static final List<String> ALGORITHM = List.of("algorithm", "algo", "agent", "algorithm_name");
  static final List<String> POLICY =
      List.of("policy", "policy_type", "policy_class", "policy_name");
  static final List<String> ENVS =
      List.of("n_envs", "num_envs", "envs", "n_environments", "num_environments");
  private static final List<String> NAME_KEYS = List.of("name", "type", "class", "id");

  private ExperimentFields() {}

  /** The first of {@code keys} with a text value (or an object naming one), or null. */
  static String text(JsonNode root, List<String> keys) {
    if (root == null || !root.isObject()) {
      return null;
    }
    String direct = textAt(root, keys);
    if (direct != null) {
      return direct;
    }
    for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
      JsonNode child = it.next();
      if (child.isObject()) {
        String nested = textAt(child, keys);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static String textAt(JsonNode obj, List<String> keys) {
    for (String key : keys) {
      JsonNode v = obj.get(key);
      if (v == null) {
        continue;
      }
      if (v.isTextual() && !v.asText().isBlank()) {
        return v.asText();
      }
      if (v.isObject()) {
        for (String nameKey : NAME_KEYS) {
          JsonNode n = v.get(nameKey);
          if (n != null && n.isTextual() && !n.asText().isBlank()) {
            return n.asText();
          }
        }
      }
    }
    return null;
  }

  /** The number of environments stated (a number, or the length of a list), or null. */
  static Integer environments(JsonNode root) {
    if (root == null || !root.isObject()) {
      return null;
    }
    Integer direct = envsAt(root);
    if (direct != null) {
      return direct;
    }
    for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
      JsonNode child = it.next();
      if (child.isObject()) {
        Integer nested = envsAt(child);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static Integer envsAt(JsonNode obj) {
    for (String key : ENVS) {
      JsonNode v = obj.get(key);
      if (v != null && v.canConvertToInt() && v.isIntegralNumber()) {
        return v.intValue();
      }
      if (v != null && v.isArray()) {
        return v.size();
      }
    }
    return null;
  }

  /** The finite numeric top-level fields of an eval summary, as stored, in file order. */
  static Map<String, Double> headline(JsonNode eval) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (eval == null || !eval.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> f : eval.properties()) {
      JsonNode v = f.getValue();
      if (v.isNumber() && Double.isFinite(v.doubleValue())) {
        out.put(f.getKey(), v.doubleValue());
      }
    }
    return out;
  }
}
