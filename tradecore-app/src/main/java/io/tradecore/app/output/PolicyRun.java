package io.tradecore.app.output;

import io.tradecore.policy.Feature;
import io.tradecore.policy.PolicySpec;
import io.tradecore.policy.PolicyStep;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a policy backtest adds to its run folder: the model and spec in experiment.json, and an
 * action trace of one row per bar of each instrument (an instrument is an environment, {@code env})
 * with the policy's action, its target and its raw observation ({@code obs_0 ..}), the columns
 * {@code tradecore policy replay} reads.
 *
 * @param model the model file as given
 * @param steps every step the strategy recorded, in order
 */
public record PolicyRun(Path model, PolicySpec spec, List<PolicyStep> steps) {
  static final String HEADER =
      "step,env,timestamp,symbol,price,action,target,position,cash,equity,drawdown,reward";

  /** The header of the trace: the common columns, then one per feature. */
  String header() {
    StringBuilder h = new StringBuilder(HEADER);
    for (int i = 0; i < spec.features().size(); i++) {
      h.append(",obs_").append(i);
    }
    return h.toString();
  }

  /** The fields experiment.json gets for a policy. */
  void describe(Map<String, Object> experiment) {
    experiment.put("algorithm", "policy");
    experiment.put("policy", model.getFileName().toString());
    experiment.put("model", model.toString());
    experiment.put("spec", PolicySpec.specFileFor(model).toString());
    List<String> features = new ArrayList<>();
    for (Feature f : spec.features()) {
      features.add(f.name());
    }
    experiment.put("features", features);
    experiment.put(
        "action_type", spec.action().getClass().getSimpleName().toLowerCase(Locale.ROOT));
  }

  /**
   * Writes the trace: steps are moments, environments the instruments in the order they first
   * traded; before an instrument's window is full its action, target and observation are empty.
   * Drawdown and reward follow each environment's rows, as in a rule strategy's trace.
   */
  void writeTrace(Path file, BigDecimal startingCash) throws IOException {
    int features = spec.features().size();
    Map<String, Integer> envs = new LinkedHashMap<>();
    Map<String, BigDecimal> previous = new HashMap<>();
    Map<String, BigDecimal> peaks = new HashMap<>();
    try (Csv csv = new Csv(file, header())) {
      Object[] row = new Object[12 + features];
      for (PolicyStep s : steps) {
        String symbol = s.instrument();
        int env = envs.computeIfAbsent(symbol, k -> envs.size());
        BigDecimal equity = s.equity();
        BigDecimal peak = peaks.merge(symbol, equity, BigDecimal::max);
        BigDecimal drawdown =
            peak.signum() > 0 && equity.compareTo(peak) < 0
                ? peak.subtract(equity).divide(peak, MathContext.DECIMAL64)
                : BigDecimal.ZERO;
        BigDecimal before = previous.getOrDefault(symbol, startingCash);
        previous.put(symbol, equity);
        row[0] = s.moment();
        row[1] = env;
        row[2] = s.time();
        row[3] = symbol;
        row[4] = s.close();
        row[5] = s.decision() == null ? null : s.decision().action();
        row[6] = s.decision() == null ? null : s.decision().targetFraction();
        row[7] = s.position();
        row[8] = s.cash();
        row[9] = equity;
        row[10] = drawdown;
        row[11] = equity.subtract(before);
        for (int i = 0; i < features; i++) {
          row[12 + i] = s.observation() == null ? null : s.observation()[i];
        }
        csv.row(row);
      }
    }
  }
}
