package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrdersTest extends AgainstFakeAlpaca {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  @Test
  void market_order_returns_the_order_and_fills_at_the_price() {
    fake.setPrice("AAPL", "180.25");

    Order order =
        client.submitOrder(OrderRequest.market(id("plan-1-entry"), "AAPL", OrderSide.BUY, HUNDRED));

    assertThat(order.clientOrderId()).isEqualTo(id("plan-1-entry"));
    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(order.filledQty()).isEqualByComparingTo("100");
    assertThat(order.filledAvgPrice()).isEqualByComparingTo("180.25");
    assertThat(order.orderClass()).isEqualTo(OrderClass.SIMPLE);
  }

  @Test
  void limit_order_rests_and_is_found_by_its_client_order_id() {
    fake.setPrice("AAPL", "180.25");
    Order placed =
        client.submitOrder(
            OrderRequest.limit(
                id("plan-2-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("175.00")));

    assertThat(client.orderByClientOrderId(id("plan-2-entry")))
        .get()
        .extracting(Order::id)
        .isEqualTo(placed.id());
    assertThat(client.orderByClientOrderId(id("never-sent"))).isEmpty();
    assertThat(client.openOrders()).extracting(Order::id).containsExactly(placed.id());
    assertThat(client.order(placed.id()).limitPrice()).isEqualByComparingTo("175.00");
  }

  @Test
  void bracket_legs_wait_for_the_entry_and_the_target_cancels_the_stop() {
    fake.setPrice("AAPL", "180.00");
    Order entry =
        client.submitOrder(
            OrderRequest.limit(
                    id("plan-3-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("179.00"))
                .withBracket(new BigDecimal("190.00"), new BigDecimal("175.00")));
    assertThat(entry.orderClass()).isEqualTo(OrderClass.BRACKET);
    assertThat(entry.legs()).extracting(Order::status).containsOnly(OrderStatus.HELD);

    fake.setPrice("AAPL", "179.00");
    Order filled = client.order(entry.id());
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.legs())
        .extracting(Order::type, Order::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(OrderType.LIMIT, OrderStatus.NEW),
            org.assertj.core.groups.Tuple.tuple(OrderType.STOP, OrderStatus.NEW));

    fake.setPrice("AAPL", "190.50");
    assertThat(client.order(entry.id()).legs())
        .extracting(Order::type, Order::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(OrderType.LIMIT, OrderStatus.FILLED),
            org.assertj.core.groups.Tuple.tuple(OrderType.STOP, OrderStatus.CANCELED));
    assertThat(client.positions()).isEmpty();
  }

  @Test
  void oco_exit_rests_both_sides_and_the_stop_cancels_the_target() {
    fake.setPrice("MSFT", "410.00");
    client.submitOrder(
        OrderRequest.market(id("plan-4-entry"), "MSFT", OrderSide.BUY, new BigDecimal("5")));
    Order oco =
        client.submitOrder(
            OrderRequest.oco(
                id("plan-4-exit"),
                "MSFT",
                OrderSide.SELL,
                new BigDecimal("5"),
                new BigDecimal("430.00"),
                new BigDecimal("400.00")));
    assertThat(oco.orderClass()).isEqualTo(OrderClass.OCO);
    assertThat(oco.legs())
        .singleElement()
        .extracting(Order::stopPrice)
        .isEqualTo(new BigDecimal("400.00"));
    assertThat(client.openOrders()).hasSize(1);

    fake.setPrice("MSFT", "399.00");

    Order after = client.orderByClientOrderId(id("plan-4-exit")).orElseThrow();
    assertThat(after.status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(after.legs().getFirst().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(client.openOrders()).isEmpty();
    assertThat(client.positions()).isEmpty();
  }

  @Test
  void replace_moves_a_resting_stop_under_a_new_client_order_id() {
    fake.setPrice("AAPL", "180.00");
    Order stop =
        client.submitOrder(
            OrderRequest.stop(
                id("plan-5-stop-1"), "AAPL", OrderSide.SELL, HUNDRED, new BigDecimal("170.00")));

    Order moved =
        client.replaceOrder(
            stop.id(), ReplaceRequest.stopPrice(id("plan-5-stop-2"), new BigDecimal("174.00")));

    assertThat(moved.replaces()).isEqualTo(stop.id());
    assertThat(moved.stopPrice()).isEqualByComparingTo("174.00");
    assertThat(client.order(stop.id()).status()).isEqualTo(OrderStatus.REPLACED);
    assertThat(client.openOrders())
        .extracting(Order::clientOrderId)
        .containsExactly(id("plan-5-stop-2"));
  }

  @Test
  void cancel_is_safe_to_repeat_but_a_filled_order_cannot_be_cancelled() {
    fake.setPrice("AAPL", "180.00");
    Order resting =
        client.submitOrder(
            OrderRequest.limit(
                id("plan-6-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("150")));
    client.cancelOrder(resting.id());
    client.cancelOrder(resting.id());
    assertThat(client.order(resting.id()).status()).isEqualTo(OrderStatus.CANCELED);

    Order filled =
        client.submitOrder(OrderRequest.market(id("plan-7-entry"), "AAPL", OrderSide.BUY, HUNDRED));
    assertThatThrownBy(() -> client.cancelOrder(filled.id()))
        .isInstanceOf(BrokerRejection.class)
        .hasMessageContaining(
            "cancel of order "
                + filled.id()
                + " refused by Alpaca: 422 order is not cancelable (filled)");
  }

  @Test
  void insufficient_buying_power_names_the_order_and_alpacas_message() {
    fake.setPrice("AAPL", "180.00");

    assertThatThrownBy(
            () ->
                client.submitOrder(
                    OrderRequest.market(
                        id("plan-8-entry"), "AAPL", OrderSide.BUY, new BigDecimal("1000"))))
        .isInstanceOf(BrokerRejection.class)
        .hasMessage(
            "order plan-8-entry (buy 1000 AAPL market) refused by Alpaca: 403 insufficient buying power (code 40310000)")
        .satisfies(e -> assertThat(((BrokerRejection) e).status()).isEqualTo(403));
    assertThat(fake.ordersWithClientId("plan-8-entry")).isZero();
  }

  @Test
  void submitting_the_same_client_order_id_again_returns_the_order_alpaca_has() {
    fake.setPrice("AAPL", "180.00");
    Order first =
        client.submitOrder(
            OrderRequest.limit(
                id("plan-9-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("170")));

    Order again =
        client.submitOrder(
            OrderRequest.limit(
                id("plan-9-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("170")));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(fake.ordersWithClientId("plan-9-entry")).isEqualTo(1);
  }

  @Test
  void client_order_ids_longer_than_48_characters_are_refused_before_sending() {
    assertThatThrownBy(
            () -> OrderRequest.market(id("p".repeat(49)), "AAPL", OrderSide.BUY, HUNDRED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is 49 characters; Alpaca takes at most 48");
    assertThatThrownBy(
            () ->
                OrderRequest.oco(
                    id("x"), "AAPL", OrderSide.SELL, HUNDRED, new BigDecimal("1"), null))
        .hasMessageContaining("stop-loss stop price must be positive");
  }

  @Test
  void order_requests_go_out_with_alpacas_field_names_and_string_decimals() {
    OrderRequest bracket =
        OrderRequest.market(id("plan-10-entry"), "AAPL", OrderSide.BUY, new BigDecimal("1E+2"))
            .withBracket(new BigDecimal("190.5"), new BigDecimal("170"));

    assertThat(Json.write(bracket))
        .isEqualTo(
            "{\"client_order_id\":\"plan-10-entry\",\"symbol\":\"AAPL\",\"qty\":\"100\",\"side\":\"buy\","
                + "\"type\":\"market\",\"time_in_force\":\"day\",\"order_class\":\"bracket\","
                + "\"take_profit\":{\"limit_price\":\"190.5\"},\"stop_loss\":{\"stop_price\":\"170\"}}");
  }
}
