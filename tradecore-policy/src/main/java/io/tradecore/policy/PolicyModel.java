package io.tradecore.policy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An ONNX policy network loaded with onnxruntime and checked against its spec, run on one thread
 * with deterministic settings. Its input and output tensors are allocated once over direct buffers
 * and reused, so a run allocates almost nothing on the Java heap. Not thread-safe: one engine
 * thread runs it.
 */
public final class PolicyModel implements AutoCloseable {
  private static final OrtEnvironment ENV =
      OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "tradecore-policy");

  private final Path file;
  private final OrtSession session;
  private final ModelTensor input;
  private final ModelTensor output;
  private final Map<String, OnnxTensor> inputs;
  private final Map<String, OnnxTensor> outputs;

  private PolicyModel(Path file, OrtSession session, ModelTensor input, ModelTensor output) {
    this.file = file;
    this.session = session;
    this.input = input;
    this.output = output;
    this.inputs = Map.of(input.name(), input.tensor());
    this.outputs = Map.of(output.name(), output.tensor());
  }

  /**
   * Loads {@code model} and checks that its input and output match the spec read from {@code
   * specFile}.
   *
   * @throws InvalidPolicyException naming the model (not ONNX, unusable tensors) or the spec file
   *     (names or shapes that do not match the model)
   */
  public static PolicyModel load(Path model, PolicySpec spec, Path specFile) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(model);
    } catch (NoSuchFileException e) {
      throw new InvalidPolicyException(model, "no such model file");
    } catch (IOException e) {
      throw new InvalidPolicyException(model, "cannot read the model: " + e, e);
    }
    OrtSession session;
    try (SessionOptions options = deterministicOptions()) {
      session = ENV.createSession(bytes, options);
    } catch (OrtException e) {
      throw new InvalidPolicyException(model, "not a usable ONNX model: " + e.getMessage(), e);
    }
    ModelTensor in = null;
    try {
      ModelTensors tensors = new ModelTensors(model, specFile, session);
      in = tensors.input(spec.inputName(), spec.inputShape());
      ModelTensor out = tensors.output(spec.outputName(), spec.action().outputSize());
      return new PolicyModel(model, session, in, out);
    } catch (RuntimeException | OrtException e) {
      if (in != null) {
        in.tensor().close();
      }
      closeQuietly(session);
      if (e instanceof InvalidPolicyException invalid) {
        throw invalid;
      }
      throw new InvalidPolicyException(model, "cannot inspect the model: " + e.getMessage(), e);
    }
  }

  /** One intra-op and one inter-op thread, sequential execution, deterministic kernels. */
  static SessionOptions deterministicOptions() throws OrtException {
    SessionOptions options = new SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setDeterministicCompute(true);
    options.setOptimizationLevel(SessionOptions.OptLevel.BASIC_OPT);
    // A single thread has nothing to wait for; spinning would only burn the engine's core.
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    options.addConfigEntry("session.inter_op.allow_spinning", "0");
    return options;
  }

  /** Values the model takes per run. */
  public int inputSize() {
    return input.size();
  }

  /** Values the model gives per run. */
  public int outputSize() {
    return output.size();
  }

  /** Whether the model computes in float64 (otherwise float32: the input is rounded to float). */
  public boolean isDouble() {
    return input.type() == OnnxJavaType.DOUBLE;
  }

  public Path file() {
    return file;
  }

  /**
   * Runs the model on one observation (already normalised) and writes its output values into {@code
   * out}.
   */
  public void run(double[] observation, double[] out) {
    input.write(observation);
    try (OrtSession.Result result = session.run(inputs, outputs)) {
      if (result.size() != 1) {
        throw new IllegalStateException(
            file + ": inference returned " + result.size() + " outputs");
      }
    } catch (OrtException e) {
      throw new IllegalStateException(file + ": inference failed: " + e.getMessage(), e);
    }
    output.read(out);
  }

  @Override
  public void close() {
    input.tensor().close();
    output.tensor().close();
    closeQuietly(session);
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // Nothing to do: the session's native memory is gone either way.
    }
  }

  /** Allocates a direct native-order buffer of {@code values} elements of {@code type}. */
  static ByteBuffer direct(OnnxJavaType type, int values) {
    return ByteBuffer.allocateDirect(values * type.size).order(ByteOrder.nativeOrder());
  }

  /** The model's tensor info for one of its inputs or outputs, as a readable shape. */
  static String shapeOf(NodeInfo info) {
    if (!(info.getInfo() instanceof TensorInfo t)) {
      return info.getInfo().toString();
    }
    long[] shape = t.getShape();
    String[] names = t.getDimensionNames();
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(shape[i] >= 0 ? Long.toString(shape[i]) : names[i].isEmpty() ? "?" : names[i]);
    }
    return s.append(']').toString();
  }

  static List<String> names(Map<String, NodeInfo> infos) {
    return List.copyOf(infos.keySet());
  }
}
