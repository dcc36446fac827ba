package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Reads the fields of a request body the way Alpaca does: absent and null are the same. */
final class FakeJson {
  private FakeJson() {}

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  static BigDecimal decimal(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : new BigDecimal(text);
  }
}
