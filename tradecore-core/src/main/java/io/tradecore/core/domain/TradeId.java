package io.tradecore.core.domain;

/** The id an exchange gives a fill; unique per portfolio. */
public record TradeId(String value) {
  public TradeId {
    Ids.check("TradeId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
