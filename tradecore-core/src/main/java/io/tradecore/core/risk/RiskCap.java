package io.tradecore.core.risk;

/** The cap a refused order would have broken. */
public enum RiskCap {
  MAX_ORDER_VALUE,
  MAX_GROSS_EXPOSURE,
  MAX_OPEN_POSITIONS,
  MAX_POSITION_VALUE,
  /** An entry sized by cash found no cash to spend. */
  AVAILABLE_CASH
}
