package io.tradecore.policy;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import java.nio.ByteBuffer;

/**
 * One of a model's tensors over a direct buffer that onnxruntime reads or writes in place: the
 * input is written, the output (pinned) read, every run, without new tensors.
 */
record ModelTensor(String name, OnnxJavaType type, int size, ByteBuffer buffer, OnnxTensor tensor) {
  /** Writes the values, rounded to float for a float32 tensor. */
  void write(double[] values) {
    if (type == OnnxJavaType.DOUBLE) {
      for (int i = 0; i < size; i++) {
        buffer.putDouble(i * Double.BYTES, values[i]);
      }
    } else {
      for (int i = 0; i < size; i++) {
        buffer.putFloat(i * Float.BYTES, (float) values[i]);
      }
    }
  }

  /** Reads the values as doubles. */
  void read(double[] out) {
    for (int i = 0; i < size; i++) {
      out[i] =
          switch (type) {
            case DOUBLE -> buffer.getDouble(i * Double.BYTES);
            case INT64 -> buffer.getLong(i * Long.BYTES);
            case INT32 -> buffer.getInt(i * Integer.BYTES);
            default -> buffer.getFloat(i * Float.BYTES);
          };
    }
  }
}
