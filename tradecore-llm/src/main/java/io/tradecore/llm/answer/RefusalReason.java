package io.tradecore.llm.answer;

import java.util.Locale;

/** Why an answer, or one decision of it, was refused. */
public enum RefusalReason {
  /** The answer is not JSON. */
  MALFORMED_JSON,
  /** The answer is JSON but not of the schema's shape (whole answer or one decision). */
  SCHEMA_VIOLATION,
  /** A decision lacks a reason. */
  MISSING_REASON,
  /** A decision lacks a field its action needs. */
  MISSING_FIELD,
  /** An open_plan names an instrument new plans are not allowed on. */
  UNKNOWN_INSTRUMENT,
  /** An adjust_plan or close_plan names a plan that is not open. */
  UNKNOWN_PLAN,
  /** An adjust_plan or close_plan names an open plan the allowed actions exclude. */
  PLAN_NOT_ALLOWED,
  /** A second decision about a plan already decided on in the same answer. */
  DUPLICATE_PLAN_DECISION,
  /** A sell plan where shorting is not allowed. */
  SHORTING_NOT_ALLOWED,
  /** A quantity or price that is zero or negative. */
  NOT_POSITIVE,
  /** A quantity or price with more decimals than the instrument takes. */
  TOO_PRECISE,
  /** A quantity above the instrument's maximum, or new plans beyond the buying power. */
  OVERSIZED_ORDER,
  /** A stop on the profit side of the entry (or of the last price, when adjusting). */
  STOP_WRONG_SIDE,
  /** A target on the loss side of the entry (or of the last price, when adjusting). */
  TARGET_WRONG_SIDE;

  /** The reason as stored and shown, e.g. {@code oversized_order}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
