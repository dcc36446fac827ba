package io.tradecore.core.engine;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.risk.RiskCap;
import io.tradecore.core.risk.RiskRefusal;
import java.util.Locale;

/**
 * What the engine made of a trader's request to open, adjust or close a plan: accepted, with the
 * plan it opened or changed, or refused, with the reason (a refusal by risk names the cap, and
 * {@code cap} is set).
 */
public record ManualOutcome(PlanId plan, String refusal, RiskCap cap) {
  public ManualOutcome {
    if ((plan == null) == (refusal == null)) {
      throw new IllegalArgumentException("an outcome has a plan or a refusal, not both");
    }
  }

  public static ManualOutcome accepted(PlanId plan) {
    return new ManualOutcome(plan, null, null);
  }

  public static ManualOutcome refused(String reason) {
    return new ManualOutcome(null, reason, null);
  }

  /**
   * A refusal by the risk check, naming the cap it would break (the engine has reported it as a
   * refused order too).
   */
  static ManualOutcome refused(RiskRefusal r) {
    return new ManualOutcome(
        null,
        "refused by risk, cap " + r.cap().name().toLowerCase(Locale.ROOT) + ": " + r.message(),
        r.cap());
  }

  public boolean accepted() {
    return plan != null;
  }
}
