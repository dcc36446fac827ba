package io.tradecore.core.domain;

/** Identifies a plan; deterministic, so a restarted engine issues the same ids. */
public record PlanId(String value) {
  public PlanId {
    Ids.check("PlanId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
