package io.tradecore.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the {@code action} object of a spec file. */
final class ActionSpecReader {
  private static final Set<String> RULES =
      Set.of("rebalance_threshold", "stop_atr", "target_atr", "atr_period");

  private ActionSpecReader() {}

  static ActionSpec read(SpecNode action, Map<String, Double> positionWords) {
    String type = action.text("type");
    return switch (type) {
      case "discrete" -> {
        action.allowOnly(with(Set.of("type", "output", "positions")));
        String output = action.text("output", "logits");
        if (!output.equals("logits") && !output.equals("index")) {
          throw action.fail("action.output must be 'logits' or 'index' but was '" + output + "'");
        }
        yield new ActionSpec.Discrete(
            output.equals("logits"), positions(action, positionWords), rules(action));
      }
      case "continuous" -> {
        action.allowOnly(with(Set.of("type", "low", "high")));
        double low = action.number("low", -1);
        double high = action.number("high", 1);
        if (!(low < high)) {
          throw action.fail("action.low (" + low + ") must be below action.high (" + high + ")");
        }
        yield new ActionSpec.Continuous(low, high, rules(action));
      }
      default ->
          throw action.fail(
              "action.type must be 'discrete' or 'continuous' but was '" + type + "'");
    };
  }

  private static Set<String> with(Set<String> keys) {
    Set<String> all = new HashSet<>(keys);
    all.addAll(RULES);
    return all;
  }

  private static List<Double> positions(SpecNode action, Map<String, Double> words) {
    List<JsonNode> items = action.array("positions");
    if (items.size() < 2) {
      throw action.fail("action.positions must list at least 2 actions but has " + items.size());
    }
    List<Double> positions = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode p = items.get(i);
      Double value = p.isTextual() ? words.get(p.asText()) : p.isNumber() ? p.asDouble() : null;
      if (value == null || !Double.isFinite(value)) {
        throw action.fail(
            "action.positions["
                + i
                + "] must be a fraction of equity or one of flat, long, short but was "
                + p);
      }
      positions.add(value);
    }
    return positions;
  }

  private static TradeRules rules(SpecNode action) {
    double threshold = action.number("rebalance_threshold", 0);
    if (!(threshold >= 0)) {
      throw action.fail("action.rebalance_threshold must be >= 0 but was " + threshold);
    }
    double stop = positiveOrNaN(action, "stop_atr");
    double target = positiveOrNaN(action, "target_atr");
    int period = action.integer("atr_period", 1, TradeRules.DEFAULT_ATR_PERIOD);
    return new TradeRules(threshold, stop, target, period);
  }

  private static double positiveOrNaN(SpecNode action, String key) {
    if (!action.has(key)) {
      return Double.NaN;
    }
    double v = action.number(key);
    if (!(v > 0)) {
      throw action.fail(action.at(key) + " must be > 0 but was " + v);
    }
    return v;
  }
}
