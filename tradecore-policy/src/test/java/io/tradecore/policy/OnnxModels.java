package io.tradecore.policy;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes small ONNX models with known weights (the ONNX protobuf classes), so tests can check
 * inference against the same maths done by hand. A {@link Layer} is {@code y = act(x W + b)}.
 */
public final class OnnxModels {
  /** One dense layer: weights {@code [in][out]}, bias {@code [out]}, tanh or none after it. */
  public record Layer(float[][] weights, float[] bias, boolean tanh) {
    int inputs() {
      return weights.length;
    }

    int outputs() {
      return bias.length;
    }
  }

  private OnnxModels() {}

  /**
   * A float32 feed-forward network: {@code input} of shape {@code inputShape} (a negative dimension
   * is a named free dimension; the last one must be the first layer's inputs) through the layers to
   * {@code output} of shape {@code [batch, outputs]}.
   */
  public static Path mlp(
      Path file, String input, long[] inputShape, String output, Layer... layers) {
    return write(file, graph(DataType.FLOAT, input, inputShape, output, false, layers));
  }

  /** The same network in float64. */
  public static Path mlpDouble(
      Path file, String input, long[] inputShape, String output, Layer... layers) {
    return write(file, graph(DataType.DOUBLE, input, inputShape, output, false, layers));
  }

  /** The network followed by ArgMax over the last axis: {@code output} is int64 {@code [batch]}. */
  public static Path argmax(
      Path file, String input, long[] inputShape, String output, Layer... layers) {
    return write(file, graph(DataType.FLOAT, input, inputShape, output, true, layers));
  }

  /** Random weights in [-scale, scale], seeded: for the benchmark and larger networks. */
  public static Layer randomLayer(Random random, int in, int out, double scale, boolean tanh) {
    float[][] w = new float[in][out];
    float[] b = new float[out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        w[i][j] = (float) ((random.nextDouble() * 2 - 1) * scale);
      }
    }
    for (int j = 0; j < out; j++) {
      b[j] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return new Layer(w, b, tanh);
  }

  private static ModelProto graph(
      DataType type,
      String input,
      long[] inputShape,
      String output,
      boolean argmax,
      Layer... layers) {
    GraphProto.Builder g = GraphProto.newBuilder().setName("policy");
    g.addInput(valueInfo(input, type, inputShape));
    String x = input;
    List<NodeProto> nodes = new ArrayList<>();
    for (int i = 0; i < layers.length; i++) {
      Layer layer = layers[i];
      String w = "W" + i;
      String b = "b" + i;
      g.addInitializer(tensor(w, type, layer.weights()));
      g.addInitializer(tensor(b, type, new float[][] {layer.bias()}, layer.outputs()));
      boolean last = i == layers.length - 1;
      String gemm = last && !layer.tanh() && !argmax ? output : "gemm" + i;
      nodes.add(node("Gemm", List.of(x, w, b), gemm));
      x = gemm;
      if (layer.tanh()) {
        String t = last && !argmax ? output : "tanh" + i;
        nodes.add(node("Tanh", List.of(x), t));
        x = t;
      }
    }
    long outputs = layers[layers.length - 1].outputs();
    if (argmax) {
      nodes.add(
          node("ArgMax", List.of(x), output).toBuilder()
              .addAttribute(intAttribute("axis", 1))
              .addAttribute(intAttribute("keepdims", 0))
              .build());
      g.addOutput(valueInfo(output, DataType.INT64, new long[] {-1}));
    } else {
      g.addOutput(valueInfo(output, type, new long[] {-1, outputs}));
    }
    g.addAllNode(nodes);
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("tradecore-policy-tests")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .setGraph(g)
        .build();
  }

  private static NodeProto node(String op, List<String> inputs, String output) {
    return NodeProto.newBuilder()
        .setOpType(op)
        .setName(op + "_" + output)
        .addAllInput(inputs)
        .addOutput(output)
        .build();
  }

  private static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
  }

  private static ValueInfoProto valueInfo(String name, DataType type, long[] shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (int i = 0; i < shape.length; i++) {
      TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
      if (shape[i] < 0) {
        d.setDimParam(i == 0 ? "batch" : "d" + i);
      } else {
        d.setDimValue(shape[i]);
      }
      s.addDim(d);
    }
    TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(type.getNumber());
    t.setShape(s);
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder().setTensorType(t))
        .build();
  }

  private static TensorProto tensor(String name, DataType type, float[][] rows) {
    return tensor(name, type, rows, -1);
  }

  /** A 2-D tensor, or a 1-D one of {@code vectorLength} when that is not negative. */
  private static TensorProto tensor(String name, DataType type, float[][] rows, int vectorLength) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    if (vectorLength >= 0) {
      t.addDims(vectorLength);
    } else {
      t.addDims(rows.length).addDims(rows[0].length);
    }
    for (float[] row : rows) {
      for (float v : row) {
        if (type == DataType.DOUBLE) {
          t.addDoubleData(v);
        } else {
          t.addFloatData(v);
        }
      }
    }
    return t.build();
  }

  private static Path write(Path file, ModelProto model) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, model.toByteArray());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
