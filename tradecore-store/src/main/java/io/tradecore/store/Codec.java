package io.tradecore.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.domain.TradeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns orders and fills into JSON text and back, exactly (decimals as strings). */
public final class Codec {
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private Codec() {}

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMap(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON array as a list; an error names the problem. */
  public static java.util.List<Object> readList(String json) {
    try {
      return JSON.readValue(
          json, new com.fasterxml.jackson.core.type.TypeReference<java.util.List<Object>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * How many elements the JSON array {@code json} has, without building them (as {@code
   * readList(json).size()}, for text this class or Jackson wrote); an error names the problem.
   */
  public static int listSize(String json) {
    int i = skipSpace(json, 0);
    if (i >= json.length() || json.charAt(i) != '[') {
      throw new StoreException("stored JSON is malformed: not an array: " + shorten(json));
    }
    int depth = 0;
    int count = 0;
    boolean inString = false;
    boolean empty = true;
    for (; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          empty = false;
        }
        case '[', '{' -> {
          if (depth == 1) {
            empty = false;
          }
          depth++;
        }
        case ']', '}' -> {
          depth--;
          if (depth == 0) {
            if (skipSpace(json, i + 1) != json.length()) {
              throw new StoreException(
                  "stored JSON is malformed: text after the array: " + shorten(json));
            }
            return empty ? 0 : count + 1;
          }
        }
        case ',' -> {
          if (depth == 1) {
            count++;
          }
        }
        default -> {
          if (depth == 1 && !Character.isWhitespace(c)) {
            empty = false;
          }
        }
      }
    }
    throw new StoreException("stored JSON is malformed: an unfinished array: " + shorten(json));
  }

  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  public static String orderJson(Order o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id().value());
    m.put("plan", o.planId() == null ? null : o.planId().value());
    m.put("symbol", o.instrument().symbol());
    m.put("side", o.side().name());
    m.put("type", o.type().name());
    m.put("quantity", o.quantity() == null ? null : o.quantity().toString());
    m.put("quote", o.quoteAmount() == null ? null : o.quoteAmount().toPlainString());
    m.put("limit", o.limitPrice() == null ? null : o.limitPrice().toString());
    m.put("stop", o.stopPrice() == null ? null : o.stopPrice().toString());
    m.put("tif", o.timeInForce().name());
    m.put("created", o.createdAt().toEpochMilli());
    m.put("version", o.botVersion());
    return write(m);
  }

  public static Order order(String json, Map<String, Instrument> instruments) {
    Map<String, Object> m = readMap(json);
    Instrument i = instrument(instruments, (String) m.get("symbol"));
    return new Order(
        new ClientOrderId((String) m.get("id")),
        m.get("plan") == null ? null : new PlanId((String) m.get("plan")),
        i,
        Side.valueOf((String) m.get("side")),
        OrderType.valueOf((String) m.get("type")),
        m.get("quantity") == null ? null : quantity(i, (String) m.get("quantity")),
        m.get("quote") == null ? null : new BigDecimal((String) m.get("quote")),
        m.get("limit") == null ? null : price(i, (String) m.get("limit")),
        m.get("stop") == null ? null : price(i, (String) m.get("stop")),
        TimeInForce.valueOf((String) m.get("tif")),
        Instant.ofEpochMilli(((Number) m.get("created")).longValue()),
        (String) m.get("version"));
  }

  public static String fillJson(Fill f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trade", f.tradeId().value());
    m.put("order", f.orderId().value());
    m.put("plan", f.planId() == null ? null : f.planId().value());
    m.put("symbol", f.instrument().symbol());
    m.put("side", f.side().name());
    m.put("quantity", f.quantity().toString());
    m.put("price", f.price().toString());
    m.put("fee", f.fee().toPlainString());
    m.put("time", f.time().toEpochMilli());
    m.put("version", f.botVersion());
    return write(m);
  }

  public static Fill fill(String json, Map<String, Instrument> instruments) {
    Map<String, Object> m = readMap(json);
    Instrument i = instrument(instruments, (String) m.get("symbol"));
    return new Fill(
        new TradeId((String) m.get("trade")),
        new ClientOrderId((String) m.get("order")),
        m.get("plan") == null ? null : new PlanId((String) m.get("plan")),
        i,
        Side.valueOf((String) m.get("side")),
        quantity(i, (String) m.get("quantity")),
        price(i, (String) m.get("price")),
        new BigDecimal((String) m.get("fee")),
        Instant.ofEpochMilli(((Number) m.get("time")).longValue()),
        (String) m.get("version"));
  }

  static Instrument instrument(Map<String, Instrument> instruments, String symbol) {
    Instrument i = instruments.get(symbol);
    if (i == null) {
      throw new StoreException("stored row names unknown instrument " + symbol);
    }
    return i;
  }

  static Price price(Instrument i, String text) {
    return Price.of(new BigDecimal(text), i.priceScale());
  }

  static Quantity quantity(Instrument i, String text) {
    return Quantity.of(new BigDecimal(text), i.quantityScale());
  }
}
