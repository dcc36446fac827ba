package io.tradecore.core.domain;

/** Identifies a portfolio, the unit of state that fills, plans and runs belong to. */
public record PortfolioId(String value) {
  public PortfolioId {
    Ids.check("PortfolioId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
