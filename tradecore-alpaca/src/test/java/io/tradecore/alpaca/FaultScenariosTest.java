package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault ends with the client's view equal to the fake's books and no order doubled. */
class FaultScenariosTest extends AgainstFakeAlpaca {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private MirrorConsumer consumer;

  @BeforeEach
  void startConsumer() {
    fake.setPrice("AAPL", "180.00");
  }

  @AfterEach
  void stopConsumer() {
    if (consumer != null) {
      consumer.close();
    }
  }

  private void connect() {
    consumer = new MirrorConsumer(client, QUICK_STREAMS);
    consumer.settle("connected", () -> consumer.stream.state() == StreamState.CONNECTED);
  }

  private int executions() {
    return consumer.mirror.executions().size();
  }

  @Test
  void post_accepted_but_its_answer_lost() {
    connect();
    fake.faults().loseResponse("POST", "/v2/orders", true);

    client.submitOrder(OrderRequest.market(id("plan-1-entry"), "AAPL", OrderSide.BUY, HUNDRED));

    consumer.settle("the fill", () -> executions() == 1);
    consumer.assertMatches(fake);
    assertThat(fake.ordersWithClientId("plan-1-entry")).isEqualTo(1);
  }

  @Test
  void stream_dropped_right_after_a_fill_whose_event_was_lost() {
    connect();
    fake.tradeStream().dropOnNextFill(false);

    client.submitOrder(OrderRequest.market(id("plan-2-entry"), "AAPL", OrderSide.BUY, HUNDRED));

    // The poll of FILL activities may find the fill before the stream has reconnected.
    consumer.settle(
        "the fill, from the activities, and the stream back",
        () -> executions() == 1 && fake.tradeStream().authorizations() == 2);
    consumer.assertMatches(fake);
  }

  @Test
  void stream_dropped_right_after_delivering_a_fill_is_not_counted_twice() {
    connect();
    fake.tradeStream().dropOnNextFill(true);

    client.submitOrder(OrderRequest.market(id("plan-3-entry"), "AAPL", OrderSide.BUY, HUNDRED));

    consumer.settle(
        "reconnected", () -> fake.tradeStream().authorizations() == 2 && executions() == 1);
    consumer.assertMatches(fake);
  }

  @Test
  void duplicate_and_out_of_order_events() {
    connect();
    fake.tradeStream().duplicateEvents(true);
    fake.tradeStream().reverseNext(3); // new, partial_fill, fill arrive as fill, partial_fill, new

    Order order =
        client.submitOrder(
            OrderRequest.limit(
                id("plan-4-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("170")));
    fake.fill("plan-4-entry", "40", "170.00");
    fake.fill("plan-4-entry", "60", "169.90");

    consumer.settle("both executions", () -> executions() == 2);
    consumer.assertMatches(fake);
    assertThat(consumer.mirror.order(order.id()))
        .get()
        .extracting(Order::status)
        .isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void rate_limited_with_a_reset_header() {
    connect();
    fake.faults().rateLimit(2, Duration.ofSeconds(20));

    client.submitOrder(OrderRequest.market(id("plan-5-entry"), "AAPL", OrderSide.BUY, HUNDRED));

    consumer.settle("the fill", () -> executions() == 1);
    consumer.assertMatches(fake);
    assertThat(fake.ordersWithClientId("plan-5-entry")).isEqualTo(1);
  }

  @Test
  void server_errors_on_the_order_and_on_the_catch_up() {
    connect();
    fake.faults().fail("POST", "/v2/orders", 500, 1, true);
    fake.tradeStream().dropOnNextFill(false);
    fake.faults().fail("GET", "/v2/account/activities/FILL", 503, 1, false);

    client.submitOrder(OrderRequest.market(id("plan-6-entry"), "AAPL", OrderSide.BUY, HUNDRED));

    consumer.settle("the fill", () -> executions() == 1);
    consumer.assertMatches(fake);
    assertThat(fake.ordersWithClientId("plan-6-entry")).isEqualTo(1);
  }

  @Test
  void partial_fill_then_cancel() {
    connect();
    Order order =
        client.submitOrder(
            OrderRequest.limit(
                id("plan-7-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("170")));
    fake.fill("plan-7-entry", "40", "170.00");

    client.cancelOrder(order.id());

    consumer.settle(
        "the cancel",
        () ->
            consumer
                .mirror
                .order(order.id())
                .map(o -> o.status() == OrderStatus.CANCELED)
                .orElse(false));
    consumer.assertMatches(fake);
    assertThat(consumer.mirror.positions()).containsEntry("AAPL", new BigDecimal("40"));
    assertThat(consumer.mirror.order(order.id()).orElseThrow().filledQty())
        .isEqualByComparingTo("40");
  }

  @Test
  void rejected_orders_leave_no_execution() {
    connect();
    assertThatThrownBy(
            () ->
                client.submitOrder(
                    OrderRequest.market(
                        id("plan-8-entry"), "AAPL", OrderSide.BUY, new BigDecimal("5000"))))
        .isInstanceOf(BrokerRejection.class)
        .hasMessageContaining("403 insufficient buying power");
    Order accepted =
        client.submitOrder(
            OrderRequest.limit(
                id("plan-9-entry"), "AAPL", OrderSide.BUY, HUNDRED, new BigDecimal("170")));

    fake.reject("plan-9-entry");

    consumer.settle(
        "the rejection",
        () ->
            consumer
                .mirror
                .order(accepted.id())
                .map(o -> o.status() == OrderStatus.REJECTED)
                .orElse(false));
    consumer.assertMatches(fake);
    assertThat(executions()).isZero();
  }

  @Test
  void stream_never_connecting_so_fills_come_from_polling_only() {
    fake.tradeStream().refuseConnections(true);
    consumer = new MirrorConsumer(client, QUICK_STREAMS);

    client.submitOrder(OrderRequest.market(id("plan-10-entry"), "AAPL", OrderSide.BUY, HUNDRED));
    client.submitOrder(
        OrderRequest.market(id("plan-10-exit"), "AAPL", OrderSide.SELL, new BigDecimal("30")));

    consumer.settle("both fills by polling", () -> executions() == 2);
    consumer.assertMatches(fake);
    assertThat(consumer.stream.state()).isNotEqualTo(StreamState.CONNECTED);
  }

  @Test
  void a_bracket_target_filled_at_the_broker_while_the_stream_was_down() {
    connect();
    client.submitOrder(
        OrderRequest.market(id("plan-11-entry"), "AAPL", OrderSide.BUY, HUNDRED)
            .withBracket(new BigDecimal("190"), new BigDecimal("175")));
    consumer.settle("the entry", () -> executions() == 1);
    fake.tradeStream().dropOnNextFill(false);

    fake.setPrice("AAPL", "191.00");

    consumer.settle("the target, after reconnecting", () -> executions() == 2);
    consumer.assertMatches(fake);
    assertThat(consumer.mirror.positions()).isEmpty();
    assertThat(fake.statuses()).containsValues("filled", "canceled");
  }
}
