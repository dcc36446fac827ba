package io.tradecore.llm.answer;

import java.util.List;

/**
 * The JSON schema of an answer, in the form OpenAI's strict structured outputs accept: every field
 * required, unused ones null, no other fields. One flat decision shape (rather than one per action)
 * because more servers and models handle it well. The validator checks the same rules itself.
 */
public final class AnswerSchema {
  /** The schema's name in {@code response_format.json_schema.name}. */
  public static final String NAME = "trading_decisions";

  /** Every field of a decision, in the order the schema lists them. */
  public static final List<String> FIELDS =
      List.of(
          "action",
          "instrument",
          "side",
          "quantity",
          "entry",
          "limit_price",
          "stop",
          "target",
          "plan_id",
          "reason");

  /** The schema, compact (it is sent with every request and counted in the prompt's cost). */
  public static final String JSON =
      "{\"type\":\"object\",\"properties\":{\"decisions\":{\"type\":\"array\",\"items\":{"
          + "\"type\":\"object\",\"properties\":{"
          + "\"action\":{\"type\":\"string\","
          + "\"enum\":[\"open_plan\",\"adjust_plan\",\"close_plan\",\"hold\"]},"
          + "\"instrument\":{\"type\":[\"string\",\"null\"]},"
          + "\"side\":{\"type\":[\"string\",\"null\"],\"enum\":[\"buy\",\"sell\",null]},"
          + "\"quantity\":{\"type\":[\"number\",\"null\"]},"
          + "\"entry\":{\"type\":[\"string\",\"null\"],\"enum\":[\"market\",\"limit\",null]},"
          + "\"limit_price\":{\"type\":[\"number\",\"null\"]},"
          + "\"stop\":{\"type\":[\"number\",\"null\"]},"
          + "\"target\":{\"type\":[\"number\",\"null\"]},"
          + "\"plan_id\":{\"type\":[\"string\",\"null\"]},"
          + "\"reason\":{\"type\":\"string\"}},"
          + "\"required\":[\"action\",\"instrument\",\"side\",\"quantity\",\"entry\","
          + "\"limit_price\",\"stop\",\"target\",\"plan_id\",\"reason\"],"
          + "\"additionalProperties\":false}}},"
          + "\"required\":[\"decisions\"],\"additionalProperties\":false}";

  private AnswerSchema() {}
}
