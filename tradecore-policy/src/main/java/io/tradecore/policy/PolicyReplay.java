package io.tradecore.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parity check of a policy against a recorded run: streams an action trace ({@code *_actions.csv}
 * with observation columns {@code obs_0..obs_n} and an action column), feeds each row's observation
 * to the policy and compares its action with the recorded one. Memory stays bounded by one row.
 */
public final class PolicyReplay {
  /** Where the observations and the recorded action are, and what counts as a difference. */
  public record Options(
      String observationPrefix, String actionColumn, boolean normalized, double tolerance) {
    public static final Options DEFAULTS = new Options("obs_", "action", false, 1e-5);
  }

  private PolicyReplay() {}

  /**
   * Replays {@code trace} through {@code policy}: raw observations are normalised with the spec's
   * statistics first, unless {@code options.normalized()} says the trace holds normalised ones.
   *
   * @throws InvalidPolicyException naming the trace when it lacks a column or has a malformed row
   */
  public static ReplayReport replay(Policy policy, Path trace, Options options) {
    int features = policy.observationSize();
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < features; i++) {
      wanted.add(options.observationPrefix() + i);
    }
    wanted.add(options.actionColumn());
    try (TraceReader reader = new TraceReader(trace)) {
      checkColumns(reader.header(), options, features, trace);
      reader.select(wanted);
      return compare(policy, reader, options, features);
    } catch (NoSuchFileException e) {
      throw new InvalidPolicyException(trace, "no such trace file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trace " + trace + ": " + e.getMessage(), e);
    }
  }

  private static ReplayReport compare(
      Policy policy, TraceReader reader, Options options, int features) throws IOException {
    double[] values = new double[features + 1];
    double[] observation = new double[features];
    long rows = 0;
    long skipped = 0;
    long over = 0;
    double max = 0;
    long worstRow = -1;
    long worstLine = -1;
    String worstStep = "";
    String worstEnv = "";
    double worstModel = Double.NaN;
    double worstRecorded = Double.NaN;
    long row = 0;
    while (reader.next(values)) {
      row++;
      if (!allFinite(values)) {
        skipped++;
        continue;
      }
      System.arraycopy(values, 0, observation, 0, features);
      double action =
          options.normalized() ? policy.actNormalized(observation) : policy.act(observation);
      double recorded = values[features];
      double diff = Math.abs(action - recorded);
      rows++;
      over += diff > options.tolerance() ? 1 : 0;
      if (diff > max || worstRow < 0) {
        max = diff;
        worstRow = row;
        worstLine = reader.line();
        worstStep = reader.field("step");
        worstEnv = reader.field("env");
        worstModel = action;
        worstRecorded = recorded;
      }
    }
    return new ReplayReport(
        rows,
        skipped,
        max,
        worstRow,
        worstLine,
        worstStep,
        worstEnv,
        worstModel,
        worstRecorded,
        over,
        options.tolerance());
  }

  /**
   * The trace must record exactly the spec's observation columns (more means another spec recorded
   * it) and the action column.
   */
  private static void checkColumns(List<String> header, Options options, int features, Path trace) {
    String prefix = options.observationPrefix();
    String range = prefix + "0.." + prefix + (features - 1);
    Pattern observation = Pattern.compile(Pattern.quote(prefix) + "\\d+");
    long count = header.stream().filter(c -> observation.matcher(c).matches()).count();
    if (count == 0) {
      throw new InvalidPolicyException(
          trace, "no observation columns " + range + ": replay needs a trace that records them");
    }
    for (int i = 0; i < features; i++) {
      if (!header.contains(prefix + i)) {
        throw new InvalidPolicyException(
            trace,
            "no column '"
                + prefix
                + i
                + "': the spec has "
                + features
                + " features, so the"
                + " trace needs "
                + range);
      }
    }
    if (count > features) {
      throw new InvalidPolicyException(
          trace,
          "the trace has "
              + count
              + " observation columns but the spec has "
              + features
              + " features");
    }
    if (!header.contains(options.actionColumn())) {
      throw new InvalidPolicyException(
          trace,
          "no action column '"
              + options.actionColumn()
              + "' (columns: "
              + String.join(", ", header.subList(0, Math.min(header.size(), 20)))
              + (header.size() > 20 ? ", ..." : "")
              + ")");
    }
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
