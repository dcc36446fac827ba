package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One order in the fake broker's books, written out the way Alpaca writes orders. */
final class FakeOrder {
  private static final Set<String> WORKING = Set.of("new", "accepted", "partially_filled");

  final String id = UUID.randomUUID().toString();
  final String clientOrderId;
  final String symbol;
  final String side;
  final String type;
  final String timeInForce;
  final String orderClass;
  final BigDecimal qty;
  final BigDecimal limitPrice;
  final BigDecimal stopPrice;
  final List<FakeOrder> legs = new ArrayList<>();
  FakeOrder parent;
  BigDecimal filledQty = BigDecimal.ZERO;
  BigDecimal filledValue = BigDecimal.ZERO;
  String status;
  Instant createdAt;
  Instant updatedAt;
  Instant filledAt;
  Instant canceledAt;
  Instant replacedAt;
  String replacedBy;
  String replaces;

  FakeOrder(
      String clientOrderId,
      String symbol,
      String side,
      String type,
      String timeInForce,
      String orderClass,
      BigDecimal qty,
      BigDecimal limitPrice,
      BigDecimal stopPrice,
      String status,
      Instant now) {
    this.clientOrderId = clientOrderId == null ? UUID.randomUUID().toString() : clientOrderId;
    this.symbol = symbol;
    this.side = side;
    this.type = type;
    this.timeInForce = timeInForce;
    this.orderClass = orderClass;
    this.qty = qty;
    this.limitPrice = limitPrice;
    this.stopPrice = stopPrice;
    this.status = status;
    this.createdAt = now;
    this.updatedAt = now;
  }

  boolean working() {
    return WORKING.contains(status);
  }

  BigDecimal remaining() {
    return qty.subtract(filledQty);
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("id", id);
    o.put("client_order_id", clientOrderId);
    o.put("created_at", createdAt.toString());
    o.put("updated_at", updatedAt.toString());
    o.put("submitted_at", createdAt.toString());
    o.put("filled_at", filledAt == null ? null : filledAt.toString());
    o.putNull("expired_at");
    o.put("canceled_at", canceledAt == null ? null : canceledAt.toString());
    o.putNull("failed_at");
    o.put("replaced_at", replacedAt == null ? null : replacedAt.toString());
    o.put("replaced_by", replacedBy);
    o.put("replaces", replaces);
    o.put("asset_id", "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415");
    o.put("symbol", symbol);
    o.put("asset_class", "us_equity");
    o.putNull("notional");
    o.put("qty", qty.toPlainString());
    o.put("filled_qty", filledQty.toPlainString());
    o.put(
        "filled_avg_price",
        filledQty.signum() == 0
            ? null
            : filledValue.divide(filledQty, 4, java.math.RoundingMode.HALF_EVEN).toPlainString());
    o.put("order_class", orderClass);
    o.put("order_type", type);
    o.put("type", type);
    o.put("side", side);
    o.put("time_in_force", timeInForce);
    o.put("limit_price", limitPrice == null ? null : limitPrice.toPlainString());
    o.put("stop_price", stopPrice == null ? null : stopPrice.toPlainString());
    o.put("status", status);
    o.put("extended_hours", false);
    if (legs.isEmpty()) {
      o.putNull("legs");
    } else {
      ArrayNode array = o.putArray("legs");
      legs.forEach(leg -> array.add(leg.toJson(json)));
    }
    o.putNull("trail_percent");
    o.putNull("trail_price");
    o.putNull("hwm");
    o.put("an_unknown_field_alpaca_may_add", "ignored");
    return o;
  }
}
