package io.tradecore.policy;

import java.nio.file.Path;
import java.util.List;

/**
 * A policy's observation spec, read from the JSON file beside its model (format {@value #FORMAT},
 * version {@value #VERSION}; see docs/rl-policies.md): the model's input tensor and its shape, the
 * output tensor, the features in order, the VecNormalize statistics and how the action maps to a
 * target position. Immutable and thread-safe.
 */
public record PolicySpec(
    String inputName,
    List<Long> inputShape,
    String outputName,
    List<Feature> features,
    Normalization normalization,
    ActionSpec action) {
  public static final String FORMAT = "tradecore-policy";
  public static final int VERSION = 1;

  public PolicySpec {
    inputShape = List.copyOf(inputShape);
    features = List.copyOf(features);
  }

  /** The spec file beside a model: {@code model.onnx} has {@code model.spec.json}. */
  public static Path specFileFor(Path model) {
    String name = model.getFileName().toString();
    String base = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    return model.resolveSibling(base + ".spec.json");
  }

  /** Bars a window must hold before the policy can decide: its features' and its ATR's. */
  public int barsNeeded() {
    int bars = Math.max(1, action.rules().barsNeeded());
    for (Feature f : features) {
      bars = Math.max(bars, f.barsNeeded());
    }
    return bars;
  }
}
