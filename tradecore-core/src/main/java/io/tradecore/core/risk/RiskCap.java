package io.tradecore.core.risk;

/** The cap or rule a refused order would have broken. */
public enum RiskCap {
  MAX_ORDER_VALUE,
  MAX_GROSS_EXPOSURE,
  MAX_OPEN_POSITIONS,
  MAX_POSITION_VALUE,
  /**
   * A buy would spend, or a short sale set aside as margin, more cash than is left once working
   * entries and open shorts are counted.
   */
  AVAILABLE_CASH,
  /** The quantity rounds down to less than one lot of the instrument. */
  LOT_SIZE,
  /** The instrument has no price yet to value the order at. */
  NO_PRICE,
  /** The venue cannot sell short, so a plan may not sell first. */
  SHORT_SELLING,
  /** The quantity rounds down to less than one whole share, and the venue takes no fractions. */
  WHOLE_SHARES,
  /**
   * The ledger and the venue disagree on what the portfolio holds: no new entry until they agree.
   */
  VENUE_DRIFT
}
