package io.tradecore.llm.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * Typed access to one decision object of an answer; a missing field reads as null (models without
 * strict output leave unused fields out), a field of the wrong type is a {@link Refused}.
 */
final class DecisionFields {
  private final JsonNode node;

  private DecisionFields(JsonNode node) {
    this.node = node;
  }

  /** The decision at {@code node}, refused when it is not an object or has unknown fields. */
  static DecisionFields of(JsonNode node) {
    if (!node.isObject()) {
      throw new Refused(RefusalReason.SCHEMA_VIOLATION, "a decision must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!AnswerSchema.FIELDS.contains(name)) {
        throw new Refused(RefusalReason.SCHEMA_VIOLATION, "unknown field '" + name + "'");
      }
    }
    return new DecisionFields(node);
  }

  /** The text at {@code field}, or null. */
  String text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new Refused(
          RefusalReason.SCHEMA_VIOLATION, "field '" + field + "' must be a string or null");
    }
    return value.textValue();
  }

  /** The text at {@code field}; refused as missing when null or blank. */
  String requiredText(String field, String action) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      throw new Refused(RefusalReason.MISSING_FIELD, action + " needs " + field);
    }
    return value.strip();
  }

  /** The exact number at {@code field}, or null. */
  BigDecimal number(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new Refused(
          RefusalReason.SCHEMA_VIOLATION, "field '" + field + "' must be a number or null");
    }
    return value.decimalValue();
  }

  /** The number at {@code field}; refused as missing when null. */
  BigDecimal requiredNumber(String field, String action) {
    BigDecimal value = number(field);
    if (value == null) {
      throw new Refused(RefusalReason.MISSING_FIELD, action + " needs " + field);
    }
    return value;
  }

  /** A decision the validator refuses, with why; caught per decision. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RefusalReason reason;

    Refused(RefusalReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    RefusalReason reason() {
      return reason;
    }
  }
}
