package io.tradecore.policy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a loaded model's input and output against the spec and allocates their tensors; a mismatch
 * is an {@link InvalidPolicyException} naming the spec file, a model no policy can use one naming
 * the model.
 */
final class ModelTensors {
  private static final Set<OnnxJavaType> INPUT_TYPES =
      Set.of(OnnxJavaType.FLOAT, OnnxJavaType.DOUBLE);
  private static final Set<OnnxJavaType> OUTPUT_TYPES =
      Set.of(OnnxJavaType.FLOAT, OnnxJavaType.DOUBLE, OnnxJavaType.INT64, OnnxJavaType.INT32);

  private final Path model;
  private final Path specFile;
  private final Map<String, NodeInfo> inputs;
  private final Map<String, NodeInfo> outputs;

  ModelTensors(Path model, Path specFile, OrtSession session) throws OrtException {
    this.model = model;
    this.specFile = specFile;
    this.inputs = session.getInputInfo();
    this.outputs = session.getOutputInfo();
  }

  ModelTensor input(String name, List<Long> shape) throws OrtException {
    if (inputs.size() != 1) {
      throw new InvalidPolicyException(
          model,
          "has "
              + inputs.size()
              + " inputs "
              + PolicyModel.names(inputs)
              + "; a policy model takes one observation tensor");
    }
    NodeInfo info = inputs.get(name);
    if (info == null) {
      throw new InvalidPolicyException(
          specFile,
          "input.name '"
              + name
              + "' is not the input of "
              + model.getFileName()
              + " (its input is '"
              + inputs.keySet().iterator().next()
              + "')");
    }
    TensorInfo tensor = tensorInfo(info, "input");
    if (!INPUT_TYPES.contains(tensor.type)) {
      throw new InvalidPolicyException(
          model, "input '" + name + "' is " + tensor.type + "; a policy takes FLOAT or DOUBLE");
    }
    long[] modelShape = tensor.getShape();
    boolean matches = modelShape.length == shape.size();
    for (int i = 0; matches && i < modelShape.length; i++) {
      matches = modelShape[i] < 0 || modelShape[i] == shape.get(i);
    }
    if (!matches) {
      throw new InvalidPolicyException(
          specFile,
          "input.shape "
              + shape
              + " does not match "
              + model.getFileName()
              + "'s input '"
              + name
              + "' of shape "
              + PolicyModel.shapeOf(info));
    }
    long[] dims = shape.stream().mapToLong(Long::longValue).toArray();
    int size = Math.toIntExact(Arrays.stream(dims).reduce(1, Math::multiplyExact));
    return allocate(name, tensor.type, size, dims);
  }

  ModelTensor output(String name, int expected) throws OrtException {
    NodeInfo info = outputs.get(name);
    if (info == null) {
      throw new InvalidPolicyException(
          specFile,
          "output.name '"
              + name
              + "' is not an output of "
              + model.getFileName()
              + " (its outputs: "
              + PolicyModel.names(outputs)
              + ")");
    }
    TensorInfo tensor = tensorInfo(info, "output");
    if (!OUTPUT_TYPES.contains(tensor.type)) {
      throw new InvalidPolicyException(
          model, "output '" + name + "' is " + tensor.type + "; a policy gives numbers");
    }
    long[] dims = concreteShape(tensor.getShape(), expected);
    if (dims == null) {
      throw new InvalidPolicyException(
          specFile,
          "the action needs "
              + expected
              + " output value(s) but "
              + model.getFileName()
              + "'s output '"
              + name
              + "' has shape "
              + PolicyModel.shapeOf(info));
    }
    return allocate(name, tensor.type, expected, dims);
  }

  private TensorInfo tensorInfo(NodeInfo info, String role) {
    if (!(info.getInfo() instanceof TensorInfo tensor)) {
      throw new InvalidPolicyException(
          model, role + " '" + info.getName() + "' is not a tensor but " + info.getInfo());
    }
    return tensor;
  }

  /**
   * The output's shape for one observation: free dimensions are 1 (the batch), except the last free
   * one, which takes what the fixed ones leave of {@code expected}; null when they cannot hold
   * exactly {@code expected} values.
   */
  static long[] concreteShape(long[] shape, int expected) {
    long[] dims = shape.clone();
    long fixed = 1;
    int lastFree = -1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        dims[i] = 1;
        lastFree = i;
      } else {
        fixed *= dims[i];
      }
    }
    if (lastFree >= 0 && fixed > 0 && expected % fixed == 0) {
      dims[lastFree] = expected / fixed;
      fixed = expected;
    }
    return fixed == expected ? dims : null;
  }

  private static ModelTensor allocate(String name, OnnxJavaType type, int size, long[] dims)
      throws OrtException {
    ByteBuffer buffer = PolicyModel.direct(type, size);
    OnnxTensor tensor =
        OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buffer, dims, type);
    return new ModelTensor(name, type, size, buffer, tensor);
  }
}
