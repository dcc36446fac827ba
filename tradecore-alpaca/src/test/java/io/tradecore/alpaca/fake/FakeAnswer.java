package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fake's answer to a request: an HTTP status and a JSON body (null for none). */
record FakeAnswer(int status, JsonNode body) {
  /** An error as Alpaca writes one: {@code {"code":40310000,"message":"..."}}. */
  static FakeAnswer error(int status, long code, String message) {
    ObjectNode body = new ObjectMapper().createObjectNode();
    body.put("code", code).put("message", message);
    return new FakeAnswer(status, body);
  }
}
