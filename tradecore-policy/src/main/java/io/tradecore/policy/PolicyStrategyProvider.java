package io.tradecore.policy;

import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.StrategyProvider;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --strategy policy --param model=PATH.onnx}: a trained policy with its spec beside the
 * model ({@code PATH.spec.json}). Checking the parameters loads the model once, so a missing or
 * malformed model or spec is a one-line error naming the file before anything trades.
 */
public final class PolicyStrategyProvider implements StrategyProvider {
  @Override
  public String name() {
    return PolicyStrategy.NAME;
  }

  @Override
  public Map<String, String> defaults() {
    return Map.of("model", "");
  }

  @Override
  public Supplier<PortfolioStrategy> portfolio(Map<String, String> params) {
    Path model = model(params.getOrDefault("model", ""));
    try (Policy checked = Policy.load(model)) {
      checked.barsNeeded();
    } catch (InvalidPolicyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return () -> new PolicyStrategy(Policy.load(model));
  }

  private static Path model(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "strategy policy needs --param model=PATH.onnx (with PATH.spec.json beside it)");
    }
    Path model;
    try {
      model = Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("parameter model is not a path: '" + value + "'", e);
    }
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException(model + ": no such model file");
    }
    return model;
  }
}
