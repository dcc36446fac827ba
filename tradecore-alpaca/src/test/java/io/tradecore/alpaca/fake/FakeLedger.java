package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake broker's money side: cash, positions with their cost, and the FILL activities, with the
 * JSON Alpaca writes for the account and its positions. Guarded by the {@link FakeBook}'s lock.
 */
final class FakeLedger {
  private static final DateTimeFormatter ACTIVITY_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneId.of("America/New_York"));

  private final ObjectMapper json;
  private final Map<String, BigDecimal> positionQty = new TreeMap<>();
  private final Map<String, BigDecimal> positionCost = new TreeMap<>();
  private final List<ObjectNode> activities = new ArrayList<>();
  private BigDecimal cash = new BigDecimal("100000");

  FakeLedger(ObjectMapper json) {
    this.json = json;
  }

  /** Books one execution of {@code order} (already updated) and its FILL activity. */
  void execute(
      FakeOrder order,
      BigDecimal qty,
      BigDecimal price,
      boolean complete,
      String executionId,
      Instant now) {
    BigDecimal signed = order.side.equals("buy") ? qty : qty.negate();
    move(order.symbol, signed, price);
    cash = cash.subtract(signed.multiply(price));
    ObjectNode activity = json.createObjectNode();
    activity.put("id", ACTIVITY_TIME.format(now) + "::" + executionId);
    activity.put("activity_type", "FILL").put("transaction_time", now.toString());
    activity.put("type", complete ? "fill" : "partial_fill").put("price", price.toPlainString());
    activity.put("qty", qty.toPlainString()).put("side", order.side).put("symbol", order.symbol);
    activity.put("leaves_qty", order.remaining().toPlainString()).put("order_id", order.id);
    activity.put("cum_qty", order.filledQty.toPlainString()).put("order_status", order.status);
    activities.add(activity);
  }

  BigDecimal cash() {
    return cash;
  }

  BigDecimal position(String symbol) {
    return positionQty.getOrDefault(symbol, BigDecimal.ZERO);
  }

  Map<String, BigDecimal> positions() {
    Map<String, BigDecimal> open = new TreeMap<>(positionQty);
    open.values().removeIf(q -> q.signum() == 0);
    return open;
  }

  List<ObjectNode> activities() {
    return List.copyOf(activities);
  }

  List<ObjectNode> positionsJson(Map<String, BigDecimal> prices) {
    List<ObjectNode> list = new ArrayList<>();
    positions().forEach((symbol, qty) -> list.add(positionJson(symbol, qty, prices)));
    return list;
  }

  ObjectNode accountJson(Map<String, BigDecimal> prices) {
    BigDecimal longValue = BigDecimal.ZERO;
    for (var e : positions().entrySet()) {
      longValue =
          longValue.add(e.getValue().multiply(prices.getOrDefault(e.getKey(), BigDecimal.ZERO)));
    }
    ObjectNode a = json.createObjectNode();
    a.put("id", "904837e3-3b76-47ec-b432-046db621571b").put("account_number", "PA3FAKE00001");
    a.put("status", "ACTIVE").put("currency", "USD").put("cash", cash.toPlainString());
    a.put("buying_power", cash.toPlainString()).put("regt_buying_power", cash.toPlainString());
    a.put("equity", cash.add(longValue).toPlainString());
    a.put("last_equity", "100000").put("portfolio_value", cash.add(longValue).toPlainString());
    a.put("long_market_value", longValue.toPlainString()).put("short_market_value", "0");
    a.put("multiplier", "1").put("trading_blocked", false).put("account_blocked", false);
    a.put("shorting_enabled", true).put("created_at", "2024-01-02T15:04:05.123456Z");
    return a;
  }

  /** Moves a position by {@code signed}; a partial close keeps a pro-rata share of the cost. */
  private void move(String symbol, BigDecimal signed, BigDecimal price) {
    BigDecimal q0 = positionQty.getOrDefault(symbol, BigDecimal.ZERO);
    BigDecimal cost = positionCost.getOrDefault(symbol, BigDecimal.ZERO);
    BigDecimal q1 = q0.add(signed);
    if (q0.signum() == 0 || q0.signum() == signed.signum()) {
      cost = cost.add(signed.multiply(price));
    } else if (q1.signum() == 0 || q1.signum() == q0.signum()) {
      cost = cost.multiply(q1).divide(q0, 8, RoundingMode.HALF_EVEN);
    } else {
      cost = q1.multiply(price);
    }
    positionQty.put(symbol, q1);
    positionCost.put(symbol, cost);
  }

  private ObjectNode positionJson(String symbol, BigDecimal qty, Map<String, BigDecimal> prices) {
    BigDecimal cost = positionCost.get(symbol);
    BigDecimal price = prices.getOrDefault(symbol, BigDecimal.ZERO);
    ObjectNode p = json.createObjectNode();
    p.put("asset_id", "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415").put("symbol", symbol);
    p.put("exchange", "NASDAQ").put("asset_class", "us_equity");
    p.put("avg_entry_price", cost.divide(qty, 4, RoundingMode.HALF_EVEN).toPlainString());
    p.put("qty", qty.toPlainString()).put("qty_available", qty.toPlainString());
    p.put("side", qty.signum() > 0 ? "long" : "short");
    p.put("market_value", qty.multiply(price).toPlainString());
    p.put("cost_basis", cost.toPlainString());
    p.put("unrealized_pl", qty.multiply(price).subtract(cost).toPlainString());
    p.put("current_price", price.toPlainString()).put("lastday_price", price.toPlainString());
    p.put("change_today", "0");
    return p;
  }
}
