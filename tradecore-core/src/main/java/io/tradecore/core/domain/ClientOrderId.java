package io.tradecore.core.domain;

import java.util.Optional;

/**
 * The id we give an order; deterministic, so a restart never submits the same order twice. Ids of
 * plan orders are built and parsed here only: {@code <plan>-entry} for a plan's entry and {@code
 * <plan>-exit-<n>} for its n-th exit. Immutable and thread-safe.
 */
public record ClientOrderId(String value) {
  private static final String ENTRY = "-entry";
  private static final String EXIT = "-exit-";

  public ClientOrderId {
    Ids.check("ClientOrderId", value);
  }

  /** The id of a plan's entry order. */
  public static ClientOrderId entry(PlanId plan) {
    return new ClientOrderId(plan.value() + ENTRY);
  }

  /** The id of a plan's {@code n}-th exit order, from 1. */
  public static ClientOrderId exit(PlanId plan, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("exit numbers start at 1 but was " + n);
    }
    return new ClientOrderId(plan.value() + EXIT + n);
  }

  /**
   * What a plan order's id says: its plan, its role, and for an exit its number (0 for entries).
   */
  public record Parts(PlanId plan, OrderRole role, int exitNumber) {}

  /** The plan, role and exit number this id was built from, or empty for an id of another kind. */
  public Optional<Parts> parse() {
    if (value.endsWith(ENTRY) && value.length() > ENTRY.length()) {
      return Optional.of(
          new Parts(
              new PlanId(value.substring(0, value.length() - ENTRY.length())), OrderRole.ENTRY, 0));
    }
    int at = value.lastIndexOf(EXIT);
    if (at > 0) {
      String n = value.substring(at + EXIT.length());
      if (!n.isEmpty() && n.length() < 10 && n.chars().allMatch(c -> c >= '0' && c <= '9')) {
        int number = Integer.parseInt(n);
        if (number > 0) {
          return Optional.of(new Parts(new PlanId(value.substring(0, at)), OrderRole.EXIT, number));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
