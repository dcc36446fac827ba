package io.tradecore.web.insights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.tradecore.web.Json;
import java.io.IOException;

/**
 * The API's JSON mapper for Run Insights, with one extra guarantee: a non-finite double (NaN,
 * infinity) is written as null, so an answer is always valid JSON.
 */
final class InsightsJson {
  private InsightsJson() {}

  static ObjectMapper mapper() {
    SimpleModule finite = new SimpleModule("tradecore-insights-finite");
    finite.addSerializer(Double.class, new FiniteDouble());
    finite.addSerializer(double.class, new FiniteDouble());
    finite.addSerializer(double[].class, new FiniteDoubles());
    return Json.mapper().registerModule(finite);
  }

  private static void value(double v, JsonGenerator gen) throws IOException {
    if (Double.isFinite(v)) {
      gen.writeNumber(v);
    } else {
      gen.writeNull();
    }
  }

  /** A double, or null when it is not finite. */
  private static final class FiniteDouble extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    FiniteDouble() {
      super(Double.class);
    }

    @Override
    public void serialize(Double v, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      value(v, gen);
    }
  }

  /** An array of doubles, each null when it is not finite. */
  private static final class FiniteDoubles extends StdSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    FiniteDoubles() {
      super(double[].class);
    }

    @Override
    public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartArray(values, values.length);
      for (double v : values) {
        value(v, gen);
      }
      gen.writeEndArray();
    }
  }
}
