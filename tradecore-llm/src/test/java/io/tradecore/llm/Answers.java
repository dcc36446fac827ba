package io.tradecore.llm;

import java.util.List;

/** Model answers as JSON text, written the way a model following the schema writes them. */
public final class Answers {
  private Answers() {}

  /** {@code {"decisions": [...]}} of the given decision objects. */
  public static String of(String... decisions) {
    return "{\"decisions\":[" + String.join(",", List.of(decisions)) + "]}";
  }

  /** An open_plan; numbers are written as given (null for none). */
  public static String open(
      String instrument,
      String side,
      String quantity,
      String entry,
      String limitPrice,
      String stop,
      String target,
      String reason) {
    return decision(
        "open_plan",
        str(instrument),
        str(side),
        quantity,
        str(entry),
        limitPrice,
        stop,
        target,
        "null",
        str(reason));
  }

  public static String adjust(String planId, String stop, String target, String reason) {
    return decision(
        "adjust_plan",
        "null",
        "null",
        "null",
        "null",
        "null",
        stop,
        target,
        str(planId),
        str(reason));
  }

  public static String close(String planId, String reason) {
    return decision(
        "close_plan",
        "null",
        "null",
        "null",
        "null",
        "null",
        "null",
        "null",
        str(planId),
        str(reason));
  }

  public static String hold(String reason) {
    return decision(
        "hold", "null", "null", "null", "null", "null", "null", "null", "null", str(reason));
  }

  private static String decision(
      String action,
      String instrument,
      String side,
      String quantity,
      String entry,
      String limitPrice,
      String stop,
      String target,
      String planId,
      String reason) {
    return "{\"action\":\""
        + action
        + "\",\"instrument\":"
        + instrument
        + ",\"side\":"
        + side
        + ",\"quantity\":"
        + orNull(quantity)
        + ",\"entry\":"
        + entry
        + ",\"limit_price\":"
        + orNull(limitPrice)
        + ",\"stop\":"
        + orNull(stop)
        + ",\"target\":"
        + orNull(target)
        + ",\"plan_id\":"
        + planId
        + ",\"reason\":"
        + reason
        + "}";
  }

  private static String orNull(String number) {
    return number == null ? "null" : number;
  }

  private static String str(String text) {
    return text == null ? "null" : "\"" + text.replace("\"", "\\\"") + "\"";
  }
}
