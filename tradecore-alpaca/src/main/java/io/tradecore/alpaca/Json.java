package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tradecore.core.domain.ClientOrderId;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The JSON mapping of Alpaca's wire format: snake_case names, decimals as strings, RFC-3339 times,
 * unknown fields ignored.
 */
final class Json {
  static final ObjectMapper MAPPER = create();

  private Json() {}

  static ObjectMapper create() {
    SimpleModule module = new SimpleModule("alpaca");
    module.addDeserializer(Instant.class, new InstantReader());
    module.addSerializer(Instant.class, new ToText<>());
    module.addDeserializer(ClientOrderId.class, new ClientOrderIdReader());
    module.addSerializer(ClientOrderId.class, new ToText<>());
    module.addSerializer(BigDecimal.class, new PlainDecimal());
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .addModule(module)
        .build();
  }

  /** Parses {@code body} as {@code type}, or fails naming {@code what} and the parse problem. */
  static <T> T read(String body, Class<T> type, String what) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new AlpacaException(
          what + ": cannot read Alpaca's answer as " + type.getSimpleName() + ": " + brief(e));
    }
  }

  static JsonNode tree(String body, String what) {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AlpacaException(what + ": Alpaca's answer is not JSON: " + brief(e));
    }
  }

  static <T> T convert(JsonNode node, Class<T> type, String what) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new AlpacaException(what + ": cannot read " + type.getSimpleName() + ": " + brief(e));
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static String brief(Exception e) {
    String message =
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  private static final class InstantReader extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeException e) {
        return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not an RFC-3339 time");
      }
    }
  }

  private static final class ClientOrderIdReader extends JsonDeserializer<ClientOrderId> {
    @Override
    public ClientOrderId deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      return text == null || text.isBlank() ? null : new ClientOrderId(text);
    }
  }

  private static final class ToText<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** Alpaca takes quantities and prices as strings, written without an exponent. */
  private static final class PlainDecimal extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toPlainString());
    }
  }
}
