package io.tradecore.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a realistic reinforcement-learning run folder (experiment.json, eval_summary.json, a
 * {@code <name>_actions.csv} trace with nan/inf/empty values and spikes, model files) so Run
 * Insights can be tried without a GPU.
 */
public final class SampleRun {
  private static final Logger LOG = LoggerFactory.getLogger(SampleRun.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] SYMBOLS = {
    "BTC-USD", "ETH-USD", "SOL-USD", "SPY", "QQQ", "AAPL", "MSFT", "EUR-USD"
  };

  private SampleRun() {}

  /**
   * Writes the run folder {@code out} (created if missing) with a trace of {@code rows} rows over
   * {@code envs} environments, all drawn from {@code seed}; returns the trace file.
   */
  public static Path write(Path out, long rows, int envs, long seed) throws IOException {
    if (rows < 0 || envs < 1) {
      throw new IllegalArgumentException("rows must be >= 0 and envs >= 1");
    }
    Files.createDirectories(out);
    String name = runName(out);
    Path trace = out.resolve(name + "_actions.csv");
    Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JSON.writeValue(
        out.resolve("experiment.json").toFile(), experiment(name, rows, envs, seed, created));
    long start = System.nanoTime();
    LOG.info("insights sample: writing {} rows x {} envs to {}", rows, envs, trace);
    Path tmp = out.resolve(trace.getFileName() + ".tmp");
    SampleTrace sim = new SampleTrace(envs, seed);
    long bytes;
    try (AsciiOut csv =
        new AsciiOut(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      sim.write(csv, rows);
      bytes = csv.written();
    }
    Files.move(tmp, trace, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    LOG.info(
        "insights sample: {} rows, {} MB in {} ms",
        rows,
        bytes / 1_000_000,
        (System.nanoTime() - start) / 1_000_000);
    JSON.writeValue(out.resolve("eval_summary.json").toFile(), evalSummary(sim, envs));
    writeModels(out, seed);
    return trace;
  }

  private static String runName(Path out) {
    Path file = out.toAbsolutePath().normalize().getFileName();
    String name = file == null ? "sample" : file.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() ? "sample" : name;
  }

  private static Map<String, Object> experiment(
      String name, long rows, int envs, long seed, Instant created) {
    boolean transformer = (seed & 1) == 1;
    Map<String, Object> policyKwargs = new LinkedHashMap<>();
    if (transformer) {
      policyKwargs.put("d_model", 128);
      policyKwargs.put("n_layers", 4);
      policyKwargs.put("n_heads", 4);
      policyKwargs.put("context", 256);
    } else {
      policyKwargs.put("net_arch", List.of(256, 256));
      policyKwargs.put("activation_fn", "tanh");
    }
    List<String> symbols = new ArrayList<>();
    for (int e = 0; e < envs; e++) {
      symbols.add(SYMBOLS[e % SYMBOLS.length]);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", name);
    m.put("algorithm", "PPO");
    m.put("policy", transformer ? "transformer" : "MlpPolicy");
    m.put("policy_kwargs", policyKwargs);
    m.put("env_id", "TradingEnv-v3");
    m.put("n_envs", envs);
    m.put("symbols", symbols);
    m.put("bar", "1m");
    m.put("learning_rate", 3.0e-4);
    m.put("gamma", 0.99);
    m.put("gae_lambda", 0.95);
    m.put("clip_range", 0.2);
    m.put("ent_coef", 0.01);
    m.put("n_steps", 2048);
    m.put("batch_size", 256);
    m.put("total_timesteps", 20_000_000L);
    m.put("eval_rows", rows);
    m.put("initial_cash", SampleTrace.START_CASH);
    m.put("fee_rate", 0.0005);
    m.put("seed", seed);
    m.put("device", "cuda:0");
    m.put("created", created.toString());
    return m;
  }

  private static Map<String, Object> evalSummary(SampleTrace sim, int envs) {
    double sumReturn = 0;
    double sumReturn2 = 0;
    double sumEquity = 0;
    double sumRatio = 0;
    double maxDrawdown = 0;
    for (int e = 0; e < envs; e++) {
      double ret = sim.finalEquity(e) / SampleTrace.START_CASH - 1;
      sumReturn += ret;
      sumReturn2 += ret * ret;
      sumEquity += sim.finalEquity(e);
      sumRatio += sim.rewardRatio(e);
      maxDrawdown = Math.max(maxDrawdown, sim.maxDrawdown(e));
    }
    double mean = sumReturn / envs;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean_return_pct", round(mean, 6));
    m.put("std_return_pct", round(Math.sqrt(Math.max(0, sumReturn2 / envs - mean * mean)), 6));
    // One-minute steps, around the clock: sqrt(525,600) steps a year.
    m.put("sharpe", round(sumRatio / envs * Math.sqrt(525_600), 4));
    m.put("max_drawdown", round(maxDrawdown, 6));
    m.put("win_rate", round(sim.winRate(), 6));
    m.put("episodes", envs);
    m.put("steps", sim.steps());
    m.put("final_equity", round(sumEquity / envs, 2));
    return m;
  }

  private static double round(double v, int places) {
    double scale = Math.pow(10, places);
    return Math.round(v * scale) / scale;
  }

  private static void writeModels(Path out, long seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] weights = new byte[256];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) rng.nextInt(256);
    }
    try (OutputStream file = Files.newOutputStream(out.resolve("policy.zip"));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("policy.pth"));
      zip.write(weights);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("_stable_baselines3_version"));
      zip.write("2.7.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, '.'};
    Files.write(out.resolve("vecnormalize.pkl"), pickle);
  }
}
