package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The fake broker's books: cash, orders with their bracket and OCO legs, positions and FILL
 * activities. Orders fill when a test moves a price or fills one by hand; every change goes out as
 * a trade update. Thread-safe (one lock).
 */
final class FakeBook {
  private static final DateTimeFormatter ACTIVITY_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneId.of("America/New_York"));

  private final Clock clock;
  private final ObjectMapper json;
  private final Consumer<ObjectNode> updates;
  private final Map<String, FakeOrder> orders = new LinkedHashMap<>();
  private final Map<String, FakeOrder> byClientId = new LinkedHashMap<>();
  private final Map<String, BigDecimal> prices = new TreeMap<>();
  private final Map<String, BigDecimal> positionQty = new TreeMap<>();
  private final Map<String, BigDecimal> positionCost = new TreeMap<>();
  private final List<ObjectNode> activities = new ArrayList<>();
  private BigDecimal cash = new BigDecimal("100000");

  FakeBook(Clock clock, ObjectMapper json, Consumer<ObjectNode> updates) {
    this.clock = clock;
    this.json = json;
    this.updates = updates;
  }

  /** The answer to a request: an HTTP status and a JSON body (null for none). */
  record Answer(int status, JsonNode body) {
    static Answer error(int status, long code, String message) {
      ObjectNode body = new ObjectMapper().createObjectNode();
      body.put("code", code).put("message", message);
      return new Answer(status, body);
    }
  }

  synchronized Answer submit(JsonNode body) {
    String clientId = text(body, "client_order_id");
    if (clientId != null && byClientId.containsKey(clientId)) {
      return Answer.error(422, 40010001, "client_order_id must be unique");
    }
    String symbol = text(body, "symbol");
    BigDecimal qty = decimal(body, "qty");
    String side = text(body, "side");
    String type = text(body, "type");
    String orderClass = Optional.ofNullable(text(body, "order_class")).orElse("simple");
    if (symbol == null || qty == null || qty.signum() <= 0 || side == null || type == null) {
      return Answer.error(422, 40010001, "qty, symbol, side and type are required");
    }
    if (clientId != null && clientId.length() > 48) {
      return Answer.error(422, 40010001, "client_order_id must be no more than 48 characters");
    }
    BigDecimal limit = decimal(body, "limit_price");
    BigDecimal stop = decimal(body, "stop_price");
    BigDecimal reference = limit != null ? limit : prices.get(symbol);
    if ("buy".equals(side) && reference != null && qty.multiply(reference).compareTo(cash) > 0) {
      return Answer.error(403, 40310000, "insufficient buying power");
    }
    Instant now = clock.instant();
    String tif = Optional.ofNullable(text(body, "time_in_force")).orElse("day");
    FakeOrder order =
        new FakeOrder(clientId, symbol, side, type, tif, orderClass, qty, limit, stop, "new", now);
    String exitSide = "buy".equals(side) ? "sell" : "buy";
    JsonNode takeProfit = body.path("take_profit");
    JsonNode stopLoss = body.path("stop_loss");
    if ("bracket".equals(orderClass)) {
      leg(order, exitSide, "limit", decimal(takeProfit, "limit_price"), null, "held", now);
      leg(order, exitSide, "stop", null, decimal(stopLoss, "stop_price"), "held", now);
    } else if ("oco".equals(orderClass)) {
      leg(order, side, "stop", null, decimal(stopLoss, "stop_price"), "new", now);
    }
    book(order);
    emit("new", order, null, null);
    order.legs.stream()
        .filter(l -> l.status.equals("new"))
        .forEach(l -> emit("new", l, null, null));
    match();
    return new Answer(200, order.toJson(json));
  }

  synchronized Optional<FakeOrder> byClientOrderId(String clientId) {
    return Optional.ofNullable(byClientId.get(clientId));
  }

  synchronized Optional<FakeOrder> order(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  synchronized List<FakeOrder> topLevelOrders() {
    return orders.values().stream().filter(o -> o.parent == null).toList();
  }

  synchronized List<FakeOrder> allOrders() {
    return List.copyOf(orders.values());
  }

  synchronized JsonNode orderJson(FakeOrder order) {
    return order.toJson(json);
  }

  synchronized Answer replace(String id, JsonNode body) {
    FakeOrder old = orders.get(id);
    if (old == null) {
      return Answer.error(404, 40410000, "order not found");
    }
    if (!old.working()) {
      return Answer.error(422, 42210000, "order is not replaceable (" + old.status + ")");
    }
    String clientId = text(body, "client_order_id");
    if (clientId != null && byClientId.containsKey(clientId)) {
      return Answer.error(422, 40010001, "client_order_id must be unique");
    }
    Instant now = clock.instant();
    BigDecimal qty = Optional.ofNullable(decimal(body, "qty")).orElse(old.qty);
    FakeOrder next =
        new FakeOrder(
            clientId,
            old.symbol,
            old.side,
            old.type,
            Optional.ofNullable(text(body, "time_in_force")).orElse(old.timeInForce),
            old.orderClass,
            qty,
            Optional.ofNullable(decimal(body, "limit_price")).orElse(old.limitPrice),
            Optional.ofNullable(decimal(body, "stop_price")).orElse(old.stopPrice),
            "new",
            now);
    next.replaces = old.id;
    next.parent = old.parent;
    if (old.parent != null) {
      old.parent.legs.set(old.parent.legs.indexOf(old), next);
    }
    old.status = "replaced";
    old.replacedAt = now;
    old.replacedBy = next.id;
    old.updatedAt = now;
    book(next);
    emit("replaced", old, null, null);
    emit("new", next, null, null);
    match();
    return new Answer(200, next.toJson(json));
  }

  synchronized Answer cancel(String id) {
    FakeOrder order = orders.get(id);
    if (order == null) {
      return Answer.error(404, 40410000, "order not found");
    }
    if (!order.working() && !order.status.equals("held")) {
      return Answer.error(422, 42210000, "order is not cancelable (" + order.status + ")");
    }
    cancelled(order);
    order.legs.stream()
        .filter(l -> l.working() || l.status.equals("held"))
        .forEach(this::cancelled);
    return new Answer(204, null);
  }

  synchronized void setPrice(String symbol, BigDecimal price) {
    prices.put(symbol, price);
    match();
  }

  /** Fills {@code qty} of the order under {@code clientId} at {@code price}, by hand. */
  synchronized void fill(String clientId, BigDecimal qty, BigDecimal price) {
    fill(byClientId.get(clientId), qty, price);
  }

  /** The broker turns the order down after accepting it (a {@code rejected} event). */
  synchronized void reject(String clientId) {
    FakeOrder order = byClientId.get(clientId);
    order.status = "rejected";
    order.updatedAt = clock.instant();
    emit("rejected", order, null, null);
  }

  synchronized BigDecimal cash() {
    return cash;
  }

  synchronized Map<String, BigDecimal> positions() {
    Map<String, BigDecimal> open = new TreeMap<>(positionQty);
    open.values().removeIf(q -> q.signum() == 0);
    return open;
  }

  synchronized List<ObjectNode> positionsJson() {
    List<ObjectNode> list = new ArrayList<>();
    positions().forEach((symbol, qty) -> list.add(positionJson(symbol, qty)));
    return list;
  }

  synchronized List<ObjectNode> activities() {
    return List.copyOf(activities);
  }

  synchronized ObjectNode accountJson() {
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

  private void leg(
      FakeOrder parent,
      String side,
      String type,
      BigDecimal limit,
      BigDecimal stop,
      String status,
      Instant now) {
    FakeOrder leg =
        new FakeOrder(
            null,
            parent.symbol,
            side,
            type,
            "gtc",
            parent.orderClass,
            parent.qty,
            limit,
            stop,
            status,
            now);
    leg.parent = parent;
    parent.legs.add(leg);
  }

  private void book(FakeOrder order) {
    orders.put(order.id, order);
    byClientId.put(order.clientOrderId, order);
    order.legs.forEach(this::book);
  }

  private void match() {
    boolean filled = true;
    while (filled) {
      filled = false;
      for (FakeOrder order : List.copyOf(orders.values())) {
        BigDecimal price = prices.get(order.symbol);
        if (order.working() && price != null && triggers(order, price)) {
          fill(order, order.remaining(), price);
          filled = true;
        }
      }
    }
  }

  private static boolean triggers(FakeOrder o, BigDecimal price) {
    boolean buy = o.side.equals("buy");
    return switch (o.type) {
      case "market" -> true;
      case "limit" -> buy ? price.compareTo(o.limitPrice) <= 0 : price.compareTo(o.limitPrice) >= 0;
      case "stop" -> buy ? price.compareTo(o.stopPrice) >= 0 : price.compareTo(o.stopPrice) <= 0;
      default -> false;
    };
  }

  private void fill(FakeOrder order, BigDecimal qty, BigDecimal price) {
    Instant now = clock.instant();
    order.filledQty = order.filledQty.add(qty);
    order.filledValue = order.filledValue.add(qty.multiply(price));
    boolean complete = order.filledQty.compareTo(order.qty) >= 0;
    order.status = complete ? "filled" : "partially_filled";
    order.updatedAt = now;
    if (complete) {
      order.filledAt = now;
    }
    BigDecimal signed = order.side.equals("buy") ? qty : qty.negate();
    move(order.symbol, signed, price);
    cash = cash.subtract(signed.multiply(price));
    String executionId = UUID.randomUUID().toString();
    ObjectNode activity = json.createObjectNode();
    activity.put("id", ACTIVITY_TIME.format(now) + "::" + executionId);
    activity.put("activity_type", "FILL").put("transaction_time", now.toString());
    activity.put("type", complete ? "fill" : "partial_fill").put("price", price.toPlainString());
    activity.put("qty", qty.toPlainString()).put("side", order.side).put("symbol", order.symbol);
    activity.put("leaves_qty", order.remaining().toPlainString()).put("order_id", order.id);
    activity.put("cum_qty", order.filledQty.toPlainString()).put("order_status", order.status);
    activities.add(activity);
    emit(complete ? "fill" : "partial_fill", order, qty, price, executionId);
    if (complete) {
      afterFill(order);
    }
  }

  /** A filled bracket entry releases its legs; a filled exit cancels its other side. */
  private void afterFill(FakeOrder order) {
    if (order.orderClass.equals("bracket") && order.parent == null) {
      for (FakeOrder leg : order.legs) {
        leg.status = "new";
        leg.updatedAt = clock.instant();
        emit("new", leg, null, null);
      }
      return;
    }
    List<FakeOrder> group = new ArrayList<>();
    if (order.orderClass.equals("oco")) {
      FakeOrder top = order.parent == null ? order : order.parent;
      group.add(top);
      group.addAll(top.legs);
    } else if (order.orderClass.equals("bracket")) {
      group.addAll(order.parent.legs);
    }
    group.stream().filter(o -> o != order && o.working()).forEach(this::cancelled);
  }

  private void cancelled(FakeOrder order) {
    order.status = "canceled";
    order.canceledAt = clock.instant();
    order.updatedAt = order.canceledAt;
    emit("canceled", order, null, null);
  }

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

  private ObjectNode positionJson(String symbol, BigDecimal qty) {
    BigDecimal cost = positionCost.get(symbol);
    BigDecimal price = prices.getOrDefault(symbol, BigDecimal.ZERO);
    ObjectNode p = json.createObjectNode();
    p.put("asset_id", "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415").put("symbol", symbol);
    p.put("exchange", "NASDAQ").put("asset_class", "us_equity");
    p.put("avg_entry_price", cost.divide(qty, 4, RoundingMode.HALF_EVEN).toPlainString());
    p.put("qty", qty.toPlainString()).put("qty_available", qty.toPlainString());
    p.put("side", qty.signum() > 0 ? "long" : "short");
    p.put("market_value", qty.multiply(price).toPlainString())
        .put("cost_basis", cost.toPlainString());
    p.put("unrealized_pl", qty.multiply(price).subtract(cost).toPlainString());
    p.put("current_price", price.toPlainString()).put("lastday_price", price.toPlainString());
    p.put("change_today", "0");
    return p;
  }

  private void emit(String event, FakeOrder order, BigDecimal qty, BigDecimal price) {
    emit(event, order, qty, price, UUID.randomUUID().toString());
  }

  private void emit(
      String event, FakeOrder order, BigDecimal qty, BigDecimal price, String executionId) {
    ObjectNode data = json.createObjectNode();
    data.put("event", event);
    data.put("execution_id", executionId);
    data.set("order", order.toJson(json));
    data.put("timestamp", clock.instant().toString());
    if (qty != null) {
      data.put(
          "position_qty", positionQty.getOrDefault(order.symbol, BigDecimal.ZERO).toPlainString());
      data.put("price", price.toPlainString());
      data.put("qty", qty.toPlainString());
    }
    updates.accept(data);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : new BigDecimal(text);
  }
}
