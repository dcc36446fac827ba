package io.tradecore.policy;

/**
 * What replaying a trace through a policy found: rows compared and skipped (an observation or
 * recorded action that is NaN or infinite), the largest absolute difference between the model's
 * action and the recorded one, where it happened (data row from 1, line in the file, and the row's
 * step and env when the trace has them), and how many rows differ by more than the tolerance.
 * Immutable and thread-safe.
 */
public record ReplayReport(
    long rows,
    long skipped,
    double maxDifference,
    long worstRow,
    long worstLine,
    String worstStep,
    String worstEnv,
    double modelAction,
    double recordedAction,
    long overTolerance,
    double tolerance) {
  /** True when every compared row is within the tolerance. */
  public boolean withinTolerance() {
    return overTolerance == 0;
  }
}
