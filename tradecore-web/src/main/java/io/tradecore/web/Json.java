package io.tradecore.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The API's JSON: record components in snake_case, and every decimal (money, prices, quantities,
 * ratios) as an exact string in plain notation without trailing zeros, so no client reads it
 * through a binary floating-point number.
 */
public final class Json {
  private Json() {}

  /** A mapper configured as the API writes. */
  public static ObjectMapper mapper() {
    SimpleModule decimals = new SimpleModule("tradecore-decimals");
    decimals.addSerializer(BigDecimal.class, new DecimalSerializer());
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(decimals)
        .build();
  }

  /** The text the API writes for a decimal: plain notation, no trailing zeros. */
  public static String decimal(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /** Writes a BigDecimal as its exact plain string. */
  private static final class DecimalSerializer extends StdSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    DecimalSerializer() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(decimal(value));
    }
  }
}
