package io.tradecore.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks a policy spec file (format {@value PolicySpec#FORMAT}, version {@value
 * PolicySpec#VERSION}). Every problem is an {@link InvalidPolicyException} whose one-line message
 * names the file and the field.
 */
public final class PolicySpecReader {
  /** Python's json module writes NaN and Infinity: they are read, then refused by name. */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> BAR_FEATURES =
      Set.of(
          Feature.LogReturn.NAME,
          Feature.SmaRatio.NAME,
          Feature.AtrRatio.NAME,
          Feature.VolumeZScore.NAME);
  private static final Set<String> FEATURES =
      new TreeSet<>(
          Set.of(
              Feature.LogReturn.NAME,
              Feature.SmaRatio.NAME,
              Feature.AtrRatio.NAME,
              Feature.VolumeZScore.NAME,
              Feature.PositionFraction.NAME,
              Feature.CashFraction.NAME,
              Feature.UnrealizedPnlRatio.NAME,
              Feature.BarsHeld.NAME));
  private static final Map<String, Double> POSITION_WORDS =
      Map.of("flat", 0.0, "long", 1.0, "short", -1.0);

  private PolicySpecReader() {}

  /** Reads the spec file; see docs/rl-policies.md for its format. */
  public static PolicySpec read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InvalidPolicyException(file, "no such spec file (a model's spec lies beside it)");
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyException(
          file,
          "not valid JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + " column "
              + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new InvalidPolicyException(file, "cannot read the spec: " + e, e);
    }
    if (root == null) {
      throw new InvalidPolicyException(file, "empty spec file");
    }
    return parse(new SpecNode(file, "", root));
  }

  private static PolicySpec parse(SpecNode spec) {
    spec.allowOnly(
        Set.of("format", "version", "input", "output", "features", "normalization", "action"));
    String format = spec.text("format");
    if (!format.equals(PolicySpec.FORMAT)) {
      throw spec.fail("format must be '" + PolicySpec.FORMAT + "' but was '" + format + "'");
    }
    int version = spec.integer("version", 1);
    if (version != PolicySpec.VERSION) {
      throw spec.fail(
          "version "
              + version
              + " is not supported (this TradeCore reads version "
              + PolicySpec.VERSION
              + ")");
    }
    SpecNode input = spec.object("input");
    input.allowOnly(Set.of("name", "shape"));
    String inputName = input.text("name");
    List<Long> shape = shape(input);
    SpecNode output = spec.object("output");
    output.allowOnly(Set.of("name"));
    String outputName = output.text("name");

    List<Feature> features = features(spec);
    long values = shape.stream().mapToLong(Long::longValue).reduce(1, Math::multiplyExact);
    if (values != features.size()) {
      throw spec.fail(
          "input.shape "
              + shape
              + " holds "
              + values
              + " values but there are "
              + features.size()
              + " features");
    }
    Normalization normalization =
        spec.has("normalization")
            ? normalization(spec.object("normalization"), features.size())
            : Normalization.identity(features.size());
    ActionSpec action = ActionSpecReader.read(spec.object("action"), POSITION_WORDS);
    return new PolicySpec(inputName, shape, outputName, features, normalization, action);
  }

  private static List<Long> shape(SpecNode input) {
    List<JsonNode> dims = input.array("shape");
    if (dims.isEmpty()) {
      throw input.fail("input.shape must have at least one dimension");
    }
    List<Long> shape = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      JsonNode d = dims.get(i);
      if (!d.isIntegralNumber() || d.asLong() < 1) {
        throw input.fail("input.shape[" + i + "] must be an integer >= 1 but was " + d);
      }
      shape.add(d.asLong());
    }
    return shape;
  }

  private static List<Feature> features(SpecNode spec) {
    List<JsonNode> items = spec.array("features");
    if (items.isEmpty()) {
      throw spec.fail("features is empty: a policy observes at least one feature");
    }
    List<Feature> features = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      SpecNode f = spec.element("features", i, items.get(i));
      String name = f.text("name");
      if (!FEATURES.contains(name)) {
        throw f.fail(
            "features["
                + i
                + "]: unknown feature '"
                + name
                + "' (known: "
                + String.join(", ", FEATURES)
                + ")");
      }
      int lag = 0;
      if (BAR_FEATURES.contains(name)) {
        lag = f.integer("lag", 0, 0);
      }
      features.add(
          switch (name) {
            case Feature.LogReturn.NAME -> {
              f.allowOnly(Set.of("name", "k", "lag"));
              yield new Feature.LogReturn(f.integer("k", 1, 1), lag);
            }
            case Feature.SmaRatio.NAME -> {
              f.allowOnly(Set.of("name", "n", "lag"));
              yield new Feature.SmaRatio(f.integer("n", 1), lag);
            }
            case Feature.AtrRatio.NAME -> {
              f.allowOnly(Set.of("name", "n", "lag"));
              yield new Feature.AtrRatio(f.integer("n", 1), lag);
            }
            case Feature.VolumeZScore.NAME -> {
              f.allowOnly(Set.of("name", "n", "lag"));
              yield new Feature.VolumeZScore(f.integer("n", 2), lag);
            }
            case Feature.BarsHeld.NAME -> {
              f.allowOnly(Set.of("name", "scale"));
              double scale = f.number("scale", 1);
              if (!(scale > 0)) {
                throw f.fail(f.at("scale") + " must be > 0 but was " + scale);
              }
              yield new Feature.BarsHeld(scale);
            }
            default -> {
              f.allowOnly(Set.of("name"));
              yield switch (name) {
                case Feature.PositionFraction.NAME -> new Feature.PositionFraction();
                case Feature.CashFraction.NAME -> new Feature.CashFraction();
                default -> new Feature.UnrealizedPnlRatio();
              };
            }
          });
    }
    return features;
  }

  private static Normalization normalization(SpecNode n, int features) {
    n.allowOnly(Set.of("mean", "var", "clip_obs", "epsilon"));
    List<Double> mean = n.numbers("mean");
    List<Double> var = n.numbers("var");
    if (mean.size() != features) {
      throw n.fail(
          "normalization.mean has "
              + mean.size()
              + " values but there are "
              + features
              + " features");
    }
    if (var.size() != features) {
      throw n.fail(
          "normalization.var has "
              + var.size()
              + " values but there are "
              + features
              + " features");
    }
    for (int i = 0; i < var.size(); i++) {
      if (var.get(i) < 0) {
        throw n.fail("normalization.var[" + i + "] is negative (" + var.get(i) + ")");
      }
    }
    double clip = n.number("clip_obs");
    if (!(clip > 0)) {
      throw n.fail("normalization.clip_obs must be > 0 but was " + clip);
    }
    double epsilon = n.number("epsilon");
    if (!(epsilon >= 0)) {
      throw n.fail("normalization.epsilon must be >= 0 but was " + epsilon);
    }
    for (int i = 0; i < var.size(); i++) {
      if (!(var.get(i) + epsilon > 0)) {
        throw n.fail(
            "normalization.var[" + i + "] + epsilon is 0: the feature cannot be normalised");
      }
    }
    return Normalization.of(mean, var, clip, epsilon);
  }
}
