package io.tradecore.insights;

import java.util.Arrays;

/** A growable list of (step, value) points in primitive arrays. */
final class Points {
  private long[] steps;
  private double[] values;
  private int size;

  Points(int capacity) {
    steps = new long[Math.max(4, capacity)];
    values = new double[steps.length];
  }

  void add(long step, double value) {
    if (size == steps.length) {
      steps = Arrays.copyOf(steps, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    steps[size] = step;
    values[size] = value;
    size++;
  }

  int size() {
    return size;
  }

  long step(int i) {
    return steps[i];
  }

  double value(int i) {
    return values[i];
  }

  long[] steps() {
    return Arrays.copyOf(steps, size);
  }

  double[] values() {
    return Arrays.copyOf(values, size);
  }
}
