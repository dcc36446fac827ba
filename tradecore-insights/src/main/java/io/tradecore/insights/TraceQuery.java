package io.tradecore.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request for an action trace's series, stats and sample rows; the constructor checks what can be
 * checked without the trace (metrics and env are checked against the trace when it runs).
 *
 * @param metrics the numeric columns to chart; empty means equity (or the first numeric column)
 * @param env "all" or one environment id
 * @param maxPoints the most points per series, 10..5000
 * @param fromStep the first step of the range, or null for the trace's first step
 * @param toStep the last step of the range, or null for the trace's last step
 * @param method how series longer than maxPoints are reduced
 */
public record TraceQuery(
    List<String> metrics,
    String env,
    int maxPoints,
    Long fromStep,
    Long toStep,
    DownsampleMethod method) {
  public static final int MIN_POINTS = 10;
  public static final int MAX_POINTS = 5000;
  public static final int DEFAULT_POINTS = 1500;
  public static final int MAX_METRICS = 16;
  public static final String ALL_ENVS = "all";
  private static final Pattern ASCII_WHOLE = Pattern.compile("-?[0-9]+");

  public TraceQuery {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    if (metrics.size() > MAX_METRICS) {
      throw new TraceQueryException(
          "metrics", "at most " + MAX_METRICS + " metrics, got " + metrics.size());
    }
    env = env == null || env.isBlank() ? ALL_ENVS : env.strip();
    if (!env.equalsIgnoreCase(ALL_ENVS)) {
      parseLong("env", env);
    } else {
      env = ALL_ENVS;
    }
    if (maxPoints < MIN_POINTS || maxPoints > MAX_POINTS) {
      throw new TraceQueryException(
          "max_points",
          "max_points must be between " + MIN_POINTS + " and " + MAX_POINTS + ", got " + maxPoints);
    }
    if (fromStep != null && toStep != null && fromStep > toStep) {
      throw new TraceQueryException(
          "from_step", "from_step " + fromStep + " is after to_step " + toStep);
    }
    method = method == null ? DownsampleMethod.MINMAX : method;
  }

  /** The defaults for {@code metrics}: all envs, 1500 points, the whole trace, minmax. */
  public static TraceQuery of(String... metrics) {
    return new TraceQuery(List.of(metrics), ALL_ENVS, DEFAULT_POINTS, null, null, null);
  }

  /**
   * Builds a query from request parameters as text, null or blank meaning absent; metrics may also
   * be comma-separated ("equity,cash").
   */
  public static TraceQuery parse(
      List<String> metrics,
      String env,
      String maxPoints,
      String fromStep,
      String toStep,
      String method) {
    List<String> names = new ArrayList<>();
    if (metrics != null) {
      for (String m : metrics) {
        if (m == null) {
          continue;
        }
        for (String part : m.split(",")) {
          if (!part.isBlank()) {
            names.add(part.strip());
          }
        }
      }
    }
    int points = blank(maxPoints) ? DEFAULT_POINTS : points(maxPoints.strip());
    return new TraceQuery(
        names,
        env,
        points,
        blank(fromStep) ? null : parseLong("from_step", fromStep.strip()),
        blank(toStep) ? null : parseLong("to_step", toStep.strip()),
        DownsampleMethod.parse(method));
  }

  public TraceQuery withEnv(String newEnv) {
    return new TraceQuery(metrics, newEnv, maxPoints, fromStep, toStep, method);
  }

  public TraceQuery withMaxPoints(int points) {
    return new TraceQuery(metrics, env, points, fromStep, toStep, method);
  }

  public TraceQuery withRange(Long from, Long to) {
    return new TraceQuery(metrics, env, maxPoints, from, to, method);
  }

  public TraceQuery withMethod(DownsampleMethod newMethod) {
    return new TraceQuery(metrics, env, maxPoints, fromStep, toStep, newMethod);
  }

  /** The selected environment id, or null for all environments. */
  public Long envId() {
    return env.equals(ALL_ENVS) ? null : Long.parseLong(env);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static int points(String text) {
    long v = parseLong("max_points", text);
    if (v < MIN_POINTS || v > MAX_POINTS) {
      throw new TraceQueryException(
          "max_points",
          "max_points must be between "
              + MIN_POINTS
              + " and "
              + MAX_POINTS
              + ", got "
              + TraceQueryException.shown(text));
    }
    return (int) v;
  }

  private static long parseLong(String parameter, String text) {
    try {
      if (!ASCII_WHOLE.matcher(text).matches()) {
        throw new NumberFormatException(); // Long.parseLong takes any script's digits
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      String expected = parameter.equals("env") ? "'all' or an environment id" : "a whole number";
      throw new TraceQueryException(
          parameter,
          parameter + " must be " + expected + ", got '" + TraceQueryException.shown(text) + "'");
    }
  }
}
