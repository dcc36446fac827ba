package io.tradecore.policy;

import java.util.Arrays;
import java.util.List;

/**
 * Observation normalisation as stable-baselines3's VecNormalize does it: {@code clip((obs - mean) /
 * sqrt(var + epsilon), -clipObs, clipObs)} per feature, in double maths. Immutable and thread-safe.
 */
public final class Normalization {
  private final double[] mean;
  private final double[] var;
  private final double[] scale;
  private final double clipObs;
  private final double epsilon;

  private Normalization(double[] mean, double[] var, double clipObs, double epsilon) {
    this.mean = mean;
    this.var = var;
    this.clipObs = clipObs;
    this.epsilon = epsilon;
    this.scale = new double[var.length];
    for (int i = 0; i < var.length; i++) {
      scale[i] = Math.sqrt(var[i] + epsilon);
    }
  }

  /**
   * Statistics from VecNormalize's {@code obs_rms} with its {@code clip_obs} and {@code epsilon}.
   */
  public static Normalization of(
      List<Double> mean, List<Double> var, double clipObs, double epsilon) {
    if (mean.size() != var.size()) {
      throw new IllegalArgumentException(
          "mean has " + mean.size() + " values but var has " + var.size());
    }
    return new Normalization(
        mean.stream().mapToDouble(Double::doubleValue).toArray(),
        var.stream().mapToDouble(Double::doubleValue).toArray(),
        clipObs,
        epsilon);
  }

  /**
   * No normalisation: every value passes through unchanged (mean 0, var 1, no epsilon, no clip).
   */
  public static Normalization identity(int size) {
    double[] ones = new double[size];
    Arrays.fill(ones, 1.0);
    return new Normalization(new double[size], ones, Double.POSITIVE_INFINITY, 0);
  }

  /** Writes the normalised {@code raw} into {@code out} (which may be {@code raw}). */
  public void apply(double[] raw, double[] out) {
    for (int i = 0; i < scale.length; i++) {
      double v = (raw[i] - mean[i]) / scale[i];
      out[i] = Math.max(-clipObs, Math.min(clipObs, v));
    }
  }

  public int size() {
    return scale.length;
  }

  public double clipObs() {
    return clipObs;
  }

  public double epsilon() {
    return epsilon;
  }

  public List<Double> mean() {
    return Arrays.stream(mean).boxed().toList();
  }

  public List<Double> var() {
    return Arrays.stream(var).boxed().toList();
  }
}
