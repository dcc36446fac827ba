package io.tradecore.core.domain;

/** The id we give an order; deterministic, so a restart never submits the same order twice. */
public record ClientOrderId(String value) {
  public ClientOrderId {
    Ids.check("ClientOrderId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
