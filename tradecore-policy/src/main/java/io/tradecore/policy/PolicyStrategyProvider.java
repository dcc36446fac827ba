package io.tradecore.policy;

import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.strategy.api.Param;
import io.tradecore.strategy.api.Parameters;
import io.tradecore.strategy.api.Params;
import io.tradecore.strategy.api.StrategyProvider;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
  public String description() {
    return "A trained reinforcement-learning policy in ONNX, with its observation spec.";
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(
        Param.text("model", "", "The policy's .onnx file, with PATH.spec.json beside it."));
  }

  @Override
  public Supplier<PortfolioStrategy> portfolio(Params params) {
    Path model = model(params.text("model"));
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
