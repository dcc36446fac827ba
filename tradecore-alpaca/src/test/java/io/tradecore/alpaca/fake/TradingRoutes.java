package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The fake's Trading API v2 routes, each answering from the {@link FakeBook}. */
final class TradingRoutes {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private TradingRoutes() {}

  static void register(Javalin app, FakeBook book, FakeAlpaca.Guard guard, ObjectMapper json) {
    app.get("/v2/account", ctx -> guard.handle(ctx, () -> ok(book.accountJson())));
    app.get("/v2/clock", ctx -> guard.handle(ctx, () -> ok(clock(json, ctx))));
    app.get("/v2/assets", ctx -> guard.handle(ctx, () -> ok(FakeAlpaca.array(json, assets(json)))));
    app.get(
        "/v2/assets/{symbol}",
        ctx ->
            guard.handle(
                ctx,
                () ->
                    assets(json).stream()
                        .filter(a -> a.path("symbol").asText().equals(ctx.pathParam("symbol")))
                        .findFirst()
                        .map(TradingRoutes::ok)
                        .orElse(FakeAnswer.error(404, 40410000, "asset not found"))));
    app.post("/v2/orders", ctx -> guard.handle(ctx, () -> book.submit(body(json, ctx))));
    app.get(
        "/v2/orders:by_client_order_id",
        ctx ->
            guard.handle(
                ctx,
                () ->
                    book.byClientOrderId(ctx.queryParam("client_order_id"))
                        .map(o -> ok(book.orderJson(o)))
                        .orElse(FakeAnswer.error(404, 40410000, "order not found"))));
    app.get(
        "/v2/orders",
        ctx ->
            guard.handle(
                ctx,
                () ->
                    ok(
                        FakeAlpaca.array(
                            json,
                            book.topLevelOrders().stream()
                                .filter(
                                    o ->
                                        o.working() || o.legs.stream().anyMatch(FakeOrder::working))
                                .map(book::orderJson)
                                .toList()))));
    app.get(
        "/v2/orders/{id}",
        ctx ->
            guard.handle(
                ctx,
                () ->
                    book.order(ctx.pathParam("id"))
                        .map(o -> ok(book.orderJson(o)))
                        .orElse(FakeAnswer.error(404, 40410000, "order not found"))));
    app.patch(
        "/v2/orders/{id}",
        ctx -> guard.handle(ctx, () -> book.replace(ctx.pathParam("id"), body(json, ctx))));
    app.delete("/v2/orders/{id}", ctx -> guard.handle(ctx, () -> book.cancel(ctx.pathParam("id"))));
    app.get(
        "/v2/positions",
        ctx -> guard.handle(ctx, () -> ok(FakeAlpaca.array(json, book.positionsJson()))));
    app.get(
        "/v2/account/activities/FILL",
        ctx -> guard.handle(ctx, () -> ok(FakeAlpaca.array(json, activities(book, ctx)))));
  }

  /** Alpaca's paging: page_token is the id the page starts after (asc) or ends before (desc). */
  private static List<ObjectNode> activities(FakeBook book, Context ctx) {
    List<ObjectNode> all = new ArrayList<>(book.activities());
    String after = ctx.queryParam("after");
    if (after != null) {
      Instant from = Instant.parse(after);
      all.removeIf(a -> !Instant.parse(a.path("transaction_time").asText()).isAfter(from));
    }
    if (!"asc".equals(ctx.queryParam("direction"))) {
      java.util.Collections.reverse(all);
    }
    String token = ctx.queryParam("page_token");
    if (token != null) {
      int at = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).path("id").asText().equals(token)) {
          at = i;
        }
      }
      all = all.subList(at + 1, all.size());
    }
    int size =
        ctx.queryParam("page_size") == null ? 100 : Integer.parseInt(ctx.queryParam("page_size"));
    return all.subList(0, Math.min(size, all.size()));
  }

  private static ObjectNode clock(ObjectMapper json, Context ctx) {
    Instant now = Instant.parse("2024-03-05T15:30:00Z");
    ObjectNode c = json.createObjectNode();
    c.put("timestamp", now.atZone(NEW_YORK).toOffsetDateTime().toString());
    c.put("is_open", true);
    c.put("next_open", "2024-03-06T09:30:00-05:00");
    c.put("next_close", "2024-03-05T16:00:00-05:00");
    return c;
  }

  private static List<ObjectNode> assets(ObjectMapper json) {
    return List.of(
        asset(json, "AAPL", "NASDAQ", true, true, "0.01"),
        asset(json, "MSFT", "NASDAQ", true, true, "0.01"),
        asset(json, "BRK.B", "NYSE", true, false, "0.01"),
        asset(json, "ZVZZT", "OTC", false, false, "0.0001"));
  }

  private static ObjectNode asset(
      ObjectMapper json,
      String symbol,
      String exchange,
      boolean tradable,
      boolean fractionable,
      String priceIncrement) {
    ObjectNode a = json.createObjectNode();
    a.put("id", java.util.UUID.nameUUIDFromBytes(symbol.getBytes()).toString());
    a.put("class", "us_equity").put("exchange", exchange).put("symbol", symbol);
    a.put("name", symbol + " Inc. Common Stock").put("status", "active");
    a.put("tradable", tradable).put("marginable", true).put("shortable", true);
    a.put("easy_to_borrow", true).put("fractionable", fractionable);
    a.put("min_order_size", fractionable ? "0.001" : "1");
    a.put("min_trade_increment", fractionable ? "0.001" : "1");
    a.put("price_increment", priceIncrement);
    a.putArray("attributes");
    return a;
  }

  private static JsonNode body(ObjectMapper json, Context ctx) {
    try {
      return json.readTree(ctx.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json.createObjectNode();
    }
  }

  private static FakeAnswer ok(JsonNode body) {
    return new FakeAnswer(200, body);
  }
}
