package io.tradecore.policy;

import io.tradecore.policy.Bars.Ohlcv;
import java.util.List;

/**
 * The observation, VecNormalize and network maths written out plainly from docs/rl-policies.md,
 * independently of the code under test, so tests can compare the two.
 */
final class HandMaths {
  private HandMaths() {}

  /** The nine features of {@link Specs#discrete()} at bar {@code t}. */
  static double[] nineFeatures(List<Ohlcv> bars, int t, PortfolioSnapshot p, String instrument) {
    double close = bars.get(t).close();
    Holding h = p.holdings().getOrDefault(instrument, Holding.FLAT);
    return new double[] {
      Math.log(close / bars.get(t - 1).close()),
      Math.log(bars.get(t - 1).close() / bars.get(t - 3).close()),
      close
              / ((bars.get(t).close()
                      + bars.get(t - 1).close()
                      + bars.get(t - 2).close()
                      + bars.get(t - 3).close()
                      + bars.get(t - 4).close())
                  / 5)
          - 1,
      (trueRange(bars, t) + trueRange(bars, t - 1) + trueRange(bars, t - 2)) / 3 / close,
      volumeZ(bars, t, 4),
      h.quantity() * close / p.equity(),
      p.cash() / p.equity(),
      h.quantity() == 0 ? 0 : (close / h.averageCost() - 1) * Math.signum(h.quantity()),
      h.quantity() == 0 ? 0 : h.barsHeld() / 10.0
    };
  }

  static double trueRange(List<Ohlcv> bars, int t) {
    Ohlcv b = bars.get(t);
    double pc = bars.get(t - 1).close();
    return Math.max(b.high() - b.low(), Math.max(Math.abs(b.high() - pc), Math.abs(b.low() - pc)));
  }

  static double volumeZ(List<Ohlcv> bars, int t, int n) {
    double mean = 0;
    for (int i = t - n + 1; i <= t; i++) {
      mean += bars.get(i).volume() / n;
    }
    double var = 0;
    for (int i = t - n + 1; i <= t; i++) {
      var += Math.pow(bars.get(i).volume() - mean, 2) / n;
    }
    return (bars.get(t).volume() - mean) / Math.sqrt(var);
  }

  /** clip((x - mean) / sqrt(var + eps), -clip, clip), as VecNormalize.normalize_obs. */
  static double[] normalize(double[] x, double[] mean, double[] var, double clip, double eps) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double v = (x[i] - mean[i]) / Math.sqrt(var[i] + eps);
      out[i] = v > clip ? clip : v < -clip ? -clip : v;
    }
    return out;
  }

  /** The network in double maths on the input rounded to float, as a float32 model receives it. */
  static double[] forward(double[] input, OnnxModels.Layer... layers) {
    double[] x = new double[input.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) input[i];
    }
    return forwardDouble(x, layers);
  }

  /** The network in double maths on the input as it is, as a float64 model receives it. */
  static double[] forwardDouble(double[] input, OnnxModels.Layer... layers) {
    double[] x = input.clone();
    for (OnnxModels.Layer layer : layers) {
      double[] y = new double[layer.bias().length];
      for (int j = 0; j < y.length; j++) {
        double sum = layer.bias()[j];
        for (int i = 0; i < x.length; i++) {
          sum += x[i] * layer.weights()[i][j];
        }
        y[j] = layer.tanh() ? Math.tanh(sum) : sum;
      }
      x = y;
    }
    return x;
  }

  /** A dense layer with known, varied weights: {@code scale * sin(3i + j + phase)}. */
  static OnnxModels.Layer layer(int in, int out, double scale, double phase, boolean tanh) {
    float[][] w = new float[in][out];
    float[] b = new float[out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        w[i][j] = (float) (scale * Math.sin(3 * i + j + phase));
      }
    }
    for (int j = 0; j < out; j++) {
      b[j] = (float) (0.1 * Math.cos(j + phase));
    }
    return new OnnxModels.Layer(w, b, tanh);
  }

  static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
