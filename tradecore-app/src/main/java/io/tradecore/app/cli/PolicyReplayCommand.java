package io.tradecore.app.cli;

import io.tradecore.policy.Policy;
import io.tradecore.policy.PolicyReplay;
import io.tradecore.policy.PolicySpec;
import io.tradecore.policy.ReplayReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore policy replay}: feeds a trace's recorded observations to a policy and reports
 * the largest difference between its actions and the recorded ones; exits 1 when a row differs by
 * more than the tolerance.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay an action trace through a policy: each row's observation columns",
      "(obs_0..obs_n) go through the model, and the largest difference to the",
      "recorded action is reported. Exits 1 when a row differs by more than",
      "--tolerance."
    })
public final class PolicyReplayCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "The .onnx model.")
  private Path model;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "The spec (default: NAME.spec.json beside NAME.onnx).")
  private Path specFile;

  @Option(names = "--trace", required = true, paramLabel = "FILE", description = "The trace CSV.")
  private Path trace;

  @Option(
      names = "--action-column",
      defaultValue = "action",
      paramLabel = "NAME",
      description = "The recorded action's column (default ${DEFAULT-VALUE}).")
  private String actionColumn;

  @Option(
      names = "--obs-prefix",
      defaultValue = "obs_",
      paramLabel = "PREFIX",
      description = "Observation columns are PREFIX0, PREFIX1, ... (default ${DEFAULT-VALUE}).")
  private String observationPrefix;

  @Option(
      names = "--normalized-obs",
      description = "The trace records normalised observations: do not normalise them again.")
  private boolean normalized;

  @Option(
      names = "--tolerance",
      defaultValue = "1e-5",
      paramLabel = "T",
      description = "Largest difference that still counts as equal (default ${DEFAULT-VALUE}).")
  private double tolerance;

  @Override
  public Integer call() {
    if (!(tolerance >= 0)) {
      throw new ParameterException(
          spec.commandLine(), "--tolerance must be >= 0 but was " + tolerance);
    }
    Path specPath = specFile != null ? specFile : PolicySpec.specFileFor(model);
    ReplayReport report;
    try (Policy policy = Policy.load(model, specPath)) {
      report =
          PolicyReplay.replay(
              policy,
              trace,
              new PolicyReplay.Options(observationPrefix, actionColumn, normalized, tolerance));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "replayed %s through %s: %,d rows compared, %,d skipped (nan or inf)%n",
        trace.getFileName(),
        model.getFileName(),
        report.rows(),
        report.skipped());
    if (report.rows() > 0) {
      out.printf(
          Locale.ROOT,
          "largest difference %s at row %,d (line %,d%s): model %s, recorded %s%n",
          number(report.maxDifference()),
          report.worstRow(),
          report.worstLine(),
          where(report),
          number(report.modelAction()),
          number(report.recordedAction()));
      out.printf(
          Locale.ROOT,
          "rows differing by more than %s: %,d%n",
          number(tolerance),
          report.overTolerance());
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    if (report.rows() == 0) {
      err.println("error: no row of " + trace + " could be compared");
    } else if (!report.withinTolerance()) {
      err.printf(
          Locale.ROOT,
          "error: %,d of %,d rows differ by more than %s (largest %s at row %,d)%n",
          report.overTolerance(),
          report.rows(),
          number(tolerance),
          number(report.maxDifference()),
          report.worstRow());
    } else {
      return 0;
    }
    err.flush();
    return ErrorReporter.RUNTIME_ERROR;
  }

  private static String where(ReplayReport r) {
    StringBuilder s = new StringBuilder();
    if (!r.worstStep().isEmpty()) {
      s.append(", step ").append(r.worstStep());
    }
    if (!r.worstEnv().isEmpty()) {
      s.append(", env ").append(r.worstEnv());
    }
    return s.toString();
  }

  /** Six significant digits without trailing zeros: 0.25, 1e-5, 3.14159e-7. */
  static String number(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(s.substring(e + 1));
  }
}
