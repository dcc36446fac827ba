package io.tradecore.core.engine;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.risk.RiskRefusal;
import java.util.Locale;

/**
 * What the engine made of a trader's request to open, adjust or close a plan: accepted, with the
 * plan it opened or changed, or refused, with the reason (a refusal by risk names the cap).
 */
public record ManualOutcome(PlanId plan, String refusal) {
  public ManualOutcome {
    if ((plan == null) == (refusal == null)) {
      throw new IllegalArgumentException("an outcome has a plan or a refusal, not both");
    }
  }

  public static ManualOutcome accepted(PlanId plan) {
    return new ManualOutcome(plan, null);
  }

  public static ManualOutcome refused(String reason) {
    return new ManualOutcome(null, reason);
  }

  /** A refusal by the risk check, naming the cap it would break. */
  static ManualOutcome refused(RiskRefusal r) {
    return refused(
        "refused by risk, cap " + r.cap().name().toLowerCase(Locale.ROOT) + ": " + r.message());
  }

  public boolean accepted() {
    return plan != null;
  }
}
