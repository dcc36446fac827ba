package io.tradecore.insights;

/**
 * A trace query parameter that is invalid or names something the trace does not have; the message
 * lists what exists (the API answers 400).
 */
public final class TraceQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public TraceQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /**
   * A value from the query fit to repeat in the message: control and invisible format characters as
   * '?', cut after 100 characters (a message stays one short line whatever was sent).
   */
  static String shown(String value) {
    String cut =
        value.length() > 100
            ? value.substring(0, 100) + "... (" + value.length() + " characters)"
            : value;
    return cut.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
  }

  /** The query parameter at fault: metrics, env, max_points, from_step, to_step or method. */
  public String parameter() {
    return parameter;
  }
}
