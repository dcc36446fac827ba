package io.tradecore.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spec files for tests: a valid nine-feature spec to start from, changed field by field. */
final class Specs {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int FEATURES = 9;

  private Specs() {}

  /**
   * Nine features over bars and the portfolio, VecNormalize statistics, and a discrete action
   * {flat, long, short} from logits; the model's tensors are {@code obs} [1, 9] and {@code logits}.
   */
  static ObjectNode discrete() {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("format", "tradecore-policy").put("version", 1);
    spec.putObject("input")
        .put("name", "obs")
        .set("shape", JSON.createArrayNode().add(1).add(FEATURES));
    spec.putObject("output").put("name", "logits");
    ArrayNode f = spec.putArray("features");
    f.addObject().put("name", "log_return").put("k", 1);
    f.addObject().put("name", "log_return").put("k", 2).put("lag", 1);
    f.addObject().put("name", "sma_ratio").put("n", 5);
    f.addObject().put("name", "atr_ratio").put("n", 3);
    f.addObject().put("name", "volume_zscore").put("n", 4);
    f.addObject().put("name", "position_fraction");
    f.addObject().put("name", "cash_fraction");
    f.addObject().put("name", "unrealized_pnl_ratio");
    f.addObject().put("name", "bars_held").put("scale", 10);
    ObjectNode n = spec.putObject("normalization");
    ArrayNode mean = n.putArray("mean");
    ArrayNode var = n.putArray("var");
    double[] means = {0.001, 0.002, 0.01, 0.012, 0.1, 0.3, 0.7, 0.0, 0.5};
    double[] vars = {0.00001, 0.0004, 0.0009, 0.00002, 1.2, 0.2, 0.2, 0.01, 0.3};
    for (int i = 0; i < FEATURES; i++) {
      mean.add(means[i]);
      var.add(vars[i]);
    }
    n.put("clip_obs", 5.0).put("epsilon", 1e-8);
    ObjectNode a = spec.putObject("action");
    a.put("type", "discrete").put("output", "logits");
    a.putArray("positions").add("flat").add("long").add("short");
    return spec;
  }

  /** The same features with a continuous target fraction in [-1, 1] from output {@code action}. */
  static ObjectNode continuous() {
    ObjectNode spec = discrete();
    ((ObjectNode) spec.get("output")).put("name", "action");
    ObjectNode a = spec.putObject("action");
    a.put("type", "continuous").put("low", -1.0).put("high", 1.0);
    return spec;
  }

  static Path write(Path file, JsonNode spec) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
