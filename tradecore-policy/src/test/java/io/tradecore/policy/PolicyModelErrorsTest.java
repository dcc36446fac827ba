package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecore.policy.OnnxModels.Layer;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that is not ONNX, or does not match its spec, is a one-line error naming the file. */
class PolicyModelErrorsTest {
  @TempDir Path dir;

  @Test
  void a_file_that_is_not_an_onnx_model_names_the_model() {
    Path model = Specs.write(dir.resolve("ppo.onnx"), "PK\u0003\u0004 this is a zip, not ONNX");
    Specs.write(dir.resolve("ppo.spec.json"), Specs.discrete());

    loading(model).hasMessageStartingWith(model + ": not a usable ONNX model: ");
  }

  @Test
  void a_missing_model_names_the_model() {
    Path model = dir.resolve("gone.onnx");
    Specs.write(dir.resolve("gone.spec.json"), Specs.discrete());

    loading(model).hasMessage(model + ": no such model file");
  }

  @Test
  void a_model_without_a_spec_beside_it_names_the_spec_it_looked_for() {
    Path model = mlp("alone.onnx", 9, 3);

    loading(model)
        .hasMessage(
            dir.resolve("alone.spec.json") + ": no such spec file (a model's spec lies beside it)");
  }

  @Test
  void an_input_name_the_model_does_not_have_names_the_spec() {
    Path model = mlp("ppo.onnx", 9, 3);
    ObjectNode json = Specs.discrete();
    ((ObjectNode) json.get("input")).put("name", "observation");
    Path spec = Specs.write(dir.resolve("ppo.spec.json"), json);

    loading(model)
        .hasMessage(
            spec + ": input.name 'observation' is not the input of ppo.onnx (its input is 'obs')");
  }

  @Test
  void a_spec_whose_features_do_not_fill_the_models_input_names_the_spec() {
    Path model = mlp("ppo.onnx", 8, 3);
    Path spec = Specs.write(dir.resolve("ppo.spec.json"), Specs.discrete());

    loading(model)
        .hasMessage(
            spec
                + ": input.shape [1, 9] does not match ppo.onnx's input 'obs' of shape [batch, 8]");
  }

  @Test
  void an_output_name_the_model_does_not_have_names_the_spec() {
    Path model = mlp("ppo.onnx", 9, 3);
    ObjectNode json = Specs.discrete();
    ((ObjectNode) json.get("output")).put("name", "actions");
    Path spec = Specs.write(dir.resolve("ppo.spec.json"), json);

    loading(model)
        .hasMessage(
            spec + ": output.name 'actions' is not an output of ppo.onnx (its outputs: [logits])");
  }

  @Test
  void fewer_logits_than_actions_names_the_spec() {
    Path model = mlp("ppo.onnx", 9, 2);
    Path spec = Specs.write(dir.resolve("ppo.spec.json"), Specs.discrete());

    loading(model)
        .hasMessage(
            spec
                + ": the action needs 3 output value(s) but ppo.onnx's output 'logits' has shape [batch, 2]");
  }

  @Test
  void a_continuous_action_from_a_wide_output_names_the_spec() {
    Layer two = HandMaths.layer(9, 2, 0.5, 0, false);
    Path model = OnnxModels.mlp(dir.resolve("c.onnx"), "obs", new long[] {-1, 9}, "action", two);
    Path spec = Specs.write(dir.resolve("c.spec.json"), Specs.continuous());

    loading(model).hasMessageStartingWith(spec + ": the action needs 1 output value(s)");
  }

  private Path mlp(String name, int inputs, int outputs) {
    return OnnxModels.mlp(
        dir.resolve(name),
        "obs",
        new long[] {-1, inputs},
        "logits",
        HandMaths.layer(inputs, 4, 0.5, 0, true),
        HandMaths.layer(4, outputs, 0.5, 1, false));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> loading(Path model) {
    return assertThatThrownBy(() -> Policy.load(model).close())
        .isInstanceOf(InvalidPolicyException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
