package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

  private final Clock clock;
  private final ObjectMapper json;
  private final Consumer<ObjectNode> updates;
  private final Map<String, FakeOrder> orders = new LinkedHashMap<>();
  private final Map<String, FakeOrder> byClientId = new LinkedHashMap<>();
  private final Map<String, BigDecimal> prices = new TreeMap<>();
  private final FakeLedger ledger;

  FakeBook(Clock clock, ObjectMapper json, Consumer<ObjectNode> updates) {
    this.clock = clock;
    this.json = json;
    this.updates = updates;
    this.ledger = new FakeLedger(json);
  }

  synchronized FakeAnswer submit(JsonNode body) {
    String clientId = FakeJson.text(body, "client_order_id");
    if (clientId != null && byClientId.containsKey(clientId)) {
      return FakeAnswer.error(422, 40010001, "client_order_id must be unique");
    }
    String symbol = FakeJson.text(body, "symbol");
    BigDecimal qty = FakeJson.decimal(body, "qty");
    String side = FakeJson.text(body, "side");
    String type = FakeJson.text(body, "type");
    String orderClass = Optional.ofNullable(FakeJson.text(body, "order_class")).orElse("simple");
    if (symbol == null || qty == null || qty.signum() <= 0 || side == null || type == null) {
      return FakeAnswer.error(422, 40010001, "qty, symbol, side and type are required");
    }
    if (clientId != null && clientId.length() > 48) {
      return FakeAnswer.error(422, 40010001, "client_order_id must be no more than 48 characters");
    }
    BigDecimal limit = FakeJson.decimal(body, "limit_price");
    BigDecimal stop = FakeJson.decimal(body, "stop_price");
    BigDecimal reference = limit != null ? limit : prices.get(symbol);
    if ("buy".equals(side)
        && reference != null
        && qty.multiply(reference).compareTo(ledger.cash()) > 0) {
      return FakeAnswer.error(403, 40310000, "insufficient buying power");
    }
    Instant now = clock.instant();
    String tif = Optional.ofNullable(FakeJson.text(body, "time_in_force")).orElse("day");
    FakeOrder order =
        new FakeOrder(clientId, symbol, side, type, tif, orderClass, qty, limit, stop, "new", now);
    String exitSide = "buy".equals(side) ? "sell" : "buy";
    JsonNode takeProfit = body.path("take_profit");
    JsonNode stopLoss = body.path("stop_loss");
    if ("bracket".equals(orderClass)) {
      leg(order, exitSide, "limit", FakeJson.decimal(takeProfit, "limit_price"), null, "held", now);
      leg(order, exitSide, "stop", null, FakeJson.decimal(stopLoss, "stop_price"), "held", now);
    } else if ("oco".equals(orderClass)) {
      leg(order, side, "stop", null, FakeJson.decimal(stopLoss, "stop_price"), "new", now);
    }
    book(order);
    emit("new", order, null, null);
    order.legs.stream()
        .filter(l -> l.status.equals("new"))
        .forEach(l -> emit("new", l, null, null));
    match();
    return new FakeAnswer(200, order.toJson(json));
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

  synchronized FakeAnswer replace(String id, JsonNode body) {
    FakeOrder old = orders.get(id);
    if (old == null) {
      return FakeAnswer.error(404, 40410000, "order not found");
    }
    if (!old.working()) {
      return FakeAnswer.error(422, 42210000, "order is not replaceable (" + old.status + ")");
    }
    String clientId = FakeJson.text(body, "client_order_id");
    if (clientId != null && byClientId.containsKey(clientId)) {
      return FakeAnswer.error(422, 40010001, "client_order_id must be unique");
    }
    Instant now = clock.instant();
    BigDecimal qty = Optional.ofNullable(FakeJson.decimal(body, "qty")).orElse(old.qty);
    FakeOrder next =
        new FakeOrder(
            clientId,
            old.symbol,
            old.side,
            old.type,
            Optional.ofNullable(FakeJson.text(body, "time_in_force")).orElse(old.timeInForce),
            old.orderClass,
            qty,
            Optional.ofNullable(FakeJson.decimal(body, "limit_price")).orElse(old.limitPrice),
            Optional.ofNullable(FakeJson.decimal(body, "stop_price")).orElse(old.stopPrice),
            "new",
            now);
    next.replaces = old.id;
    next.parent = old.parent;
    if (old.parent != null) {
      old.parent.legs.set(old.parent.legs.indexOf(old), next);
    }
    // The replacing order of an OCO pair's first order keeps the pair: its leg moves over.
    for (FakeOrder leg : old.legs) {
      leg.parent = next;
      next.legs.add(leg);
    }
    old.legs.clear();
    old.status = "replaced";
    old.replacedAt = now;
    old.replacedBy = next.id;
    old.updatedAt = now;
    book(next);
    emit("replaced", old, null, null);
    emit("new", next, null, null);
    match();
    return new FakeAnswer(200, next.toJson(json));
  }

  synchronized FakeAnswer cancel(String id) {
    FakeOrder order = orders.get(id);
    if (order == null) {
      return FakeAnswer.error(404, 40410000, "order not found");
    }
    if (!order.working() && !order.status.equals("held")) {
      return FakeAnswer.error(422, 42210000, "order is not cancelable (" + order.status + ")");
    }
    cancelled(order);
    order.legs.stream()
        .filter(l -> l.working() || l.status.equals("held"))
        .forEach(this::cancelled);
    return new FakeAnswer(204, null);
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
    return ledger.cash();
  }

  synchronized Map<String, BigDecimal> positions() {
    return ledger.positions();
  }

  synchronized List<ObjectNode> positionsJson() {
    return ledger.positionsJson(prices);
  }

  synchronized List<ObjectNode> activities() {
    return ledger.activities();
  }

  synchronized ObjectNode accountJson() {
    return ledger.accountJson(prices);
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
    String executionId = UUID.randomUUID().toString();
    ledger.execute(order, qty, price, complete, executionId, now);
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
      data.put("position_qty", ledger.position(order.symbol).toPlainString());
      data.put("price", price.toPlainString());
      data.put("qty", qty.toPlainString());
    }
    updates.accept(data);
  }
}
