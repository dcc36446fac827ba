package io.tradecore.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Inference cost per bar of a policy with SB3's default network (two hidden layers of 64, tanh),
 * run by {@code bench/run policy}: the whole {@link Policy#decide} (observation, VecNormalize,
 * onnxruntime, action mapping) and the model's run alone, per bar of a seeded random walk. The last
 * line printed is {@code policy bars=N decide_us_per_bar=X decide_cpu_us_per_bar=C
 * infer_us_per_bar=Y observe_ns_per_bar=Z alloc_bytes_per_bar=B}.
 */
public final class PolicyBench {
  private PolicyBench() {}

  public static void main(String[] args) throws Exception {
    int bars = intArg(args, "--bars", 50_000);
    int warmup = intArg(args, "--warmup", 5);
    int runs = intArg(args, "--runs", 9);
    long seed = intArg(args, "--seed", 20261207);
    log(
        "java %s on %d cores, max heap %d MiB",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    Path dir = Files.createTempDirectory("policy-bench");
    Random random = new Random(seed);
    OnnxModels.Layer[] layers = {
      OnnxModels.randomLayer(random, Specs.FEATURES, 64, 0.3, true),
      OnnxModels.randomLayer(random, 64, 64, 0.2, true),
      OnnxModels.randomLayer(random, 64, 3, 0.2, false)
    };
    Path model =
        OnnxModels.mlp(
            dir.resolve("mlp.onnx"), "obs", new long[] {-1, Specs.FEATURES}, "logits", layers);
    ObjectNode spec = Specs.discrete();
    ((ObjectNode) spec.get("action")).put("rebalance_threshold", 0.1).put("stop_atr", 2.0);
    Specs.write(dir.resolve("mlp.spec.json"), spec);
    double[][] series = randomWalk(bars, seed);
    log("model: %d -> 64 tanh -> 64 tanh -> 3 logits (float32); %d bars", Specs.FEATURES, bars);

    try (Policy policy = Policy.load(model)) {
      Account account = new Account();
      double[] decide = new double[runs];
      double[] decideCpu = new double[runs];
      double[] infer = new double[runs];
      double[] inferCpu = new double[runs];
      double[] observe = new double[runs];
      long allocated = 0;
      int[] actions = new int[3];
      for (int r = -warmup; r < runs; r++) {
        BarWindow window = policy.newWindow();
        account.reset();
        long before = allocatedBytes();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (double[] b : series) {
          window.add(b[0], b[1], b[2], b[3], b[4]);
          if (policy.ready(window)) {
            Decision d = policy.decide("BENCH", window, account);
            account.apply(d, b[3]);
            actions[(int) d.action()]++;
          }
        }
        long nanos = System.nanoTime() - start;
        long cpu = cpuNanos() - cpuStart;
        if (r >= 0) {
          decide[r] = nanos;
          decideCpu[r] = cpu;
          allocated += allocatedBytes() - before;
          long inferStart = cpuNanos();
          infer[r] = timeInference(policy, bars);
          inferCpu[r] = cpuNanos() - inferStart;
          observe[r] = timeObservation(policy, series, account);
        }
      }
      double decideUs = median(decide) / bars / 1e3;
      double decideCpuUs = median(decideCpu) / bars / 1e3;
      double inferUs = median(infer) / bars / 1e3;
      double observeNs = median(observe) / bars;
      long allocPerBar = allocated / ((long) runs * bars);
      log(
          "decide: %d warm-up + %d timed runs, median %.3f s, best %.3f s, median CPU time of"
              + " this thread %.3f s (runs: %s)",
          warmup,
          runs,
          median(decide) / 1e9,
          min(decide) / 1e9,
          median(decideCpu) / 1e9,
          seconds(decide));
      log(
          "inference alone: median %.3f s (CPU %.3f s); observation alone: median %.3f s",
          median(infer) / 1e9, median(inferCpu) / 1e9, median(observe) / 1e9);
      log("actions over all runs: flat %d, long %d, short %d", actions[0], actions[1], actions[2]);
      System.out.printf(
          Locale.ROOT,
          "policy bars=%d decide_us_per_bar=%.2f decide_cpu_us_per_bar=%.2f"
              + " infer_us_per_bar=%.2f observe_ns_per_bar=%.0f alloc_bytes_per_bar=%d%n",
          bars,
          decideUs,
          decideCpuUs,
          inferUs,
          observeNs,
          allocPerBar);
    }
  }

  /** The model alone on a fixed normalised observation, {@code bars} times. */
  private static double timeInference(Policy policy, int bars) {
    double[] obs = new double[policy.observationSize()];
    Arrays.fill(obs, 0.25);
    double sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < bars; i++) {
      obs[0] = (i % 17) * 0.01;
      sink += policy.actNormalized(obs);
    }
    long nanos = System.nanoTime() - start;
    if (sink < 0) {
      throw new AssertionError();
    }
    return nanos;
  }

  /** The observation alone (features, no model) over the series. */
  private static double timeObservation(Policy policy, double[][] series, Account account) {
    BarWindow window = policy.newWindow();
    double[] out = new double[policy.observationSize()];
    double sink = 0;
    long start = System.nanoTime();
    for (double[] b : series) {
      window.add(b[0], b[1], b[2], b[3], b[4]);
      if (policy.ready(window)) {
        policy.observe("BENCH", window, account, out);
        sink += out[0];
      }
    }
    long nanos = System.nanoTime() - start;
    if (Double.isNaN(sink)) {
      throw new AssertionError();
    }
    return nanos;
  }

  /**
   * A one-instrument account the policy trades at the close, mutable so a bar allocates nothing.
   */
  private static final class Account implements PortfolioInput {
    private double cash;
    private double quantity;
    private double cost;
    private int held;
    private double lastClose;

    void reset() {
      cash = 100_000;
      quantity = 0;
      cost = 0;
      held = 0;
      lastClose = 0;
    }

    void apply(Decision d, double close) {
      lastClose = close;
      double equity = equity();
      switch (d.intent()) {
        case Intent.Hold h -> {}
        case Intent.Exit e -> {
          cash += quantity * close;
          quantity = 0;
        }
        case Intent.Enter e -> {
          cash += quantity * close;
          quantity = e.direction().sign() * e.fraction() * equity / close;
          cash -= quantity * close;
          cost = close;
          held = 0;
        }
        case Intent.Rebalance r -> {
          double target = r.targetFraction() * equity / close;
          cash -= (target - quantity) * close;
          quantity = target;
        }
      }
      held++;
    }

    @Override
    public double equity() {
      return cash + quantity * lastClose;
    }

    @Override
    public double cash() {
      return cash;
    }

    @Override
    public double quantity(String instrument) {
      return quantity;
    }

    @Override
    public double averageCost(String instrument) {
      return cost;
    }

    @Override
    public int barsHeld(String instrument) {
      return held;
    }
  }

  private static double[][] randomWalk(int bars, long seed) {
    Random random = new Random(seed);
    double[][] series = new double[bars][];
    double close = 100;
    for (int i = 0; i < bars; i++) {
      double open = close;
      close = open * Math.exp(random.nextGaussian() * 0.01);
      double high = Math.max(open, close) * (1 + random.nextDouble() * 0.005);
      double low = Math.min(open, close) * (1 - random.nextDouble() * 0.005);
      series[i] = new double[] {open, high, low, close, 1000 + random.nextInt(500)};
    }
    return series;
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static String seconds(double[] nanos) {
    StringBuilder s = new StringBuilder();
    for (double n : nanos) {
      s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f", n / 1e9));
    }
    return s.toString();
  }

  private static int intArg(String[] args, String name, int otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return otherwise;
  }

  private static void log(String format, Object... values) {
    System.out.println("policy: " + String.format(Locale.ROOT, format, values));
  }
}
