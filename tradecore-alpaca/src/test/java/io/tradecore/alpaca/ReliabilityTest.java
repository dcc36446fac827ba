package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.alpaca.fake.FakeAlpaca;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest extends AgainstFakeAlpaca {
  private static final BigDecimal TEN = BigDecimal.TEN;

  @Test
  void a_429_waits_until_the_reset_header_before_retrying() {
    fake.faults().rateLimit(1, Duration.ofSeconds(30));
    Instant before = clock.instant();

    client.account();

    List<FakeAlpaca.Request> calls = fake.requests();
    assertThat(calls)
        .extracting(FakeAlpaca.Request::path)
        .containsExactly("/v2/account", "/v2/account");
    assertThat(Duration.between(before, calls.get(1).time()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void a_429_without_a_reset_backs_off_exponentially_within_bounds() {
    fake.faults().rateLimit(3, Duration.ZERO);

    client.clock();

    // Retries 1, 2, 3 wait between half and all of 250, 500 and 1000 ms (jitter from the seed),
    // plus one token of the emptied bucket (300 ms at 200 a minute).
    Duration token = Duration.ofMillis(300);
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0))
        .isBetween(Duration.ofMillis(125).plus(token), Duration.ofMillis(250).plus(token));
    assertThat(sleeps.get(1))
        .isBetween(Duration.ofMillis(250).plus(token), Duration.ofMillis(500).plus(token));
    assertThat(sleeps.get(2))
        .isBetween(Duration.ofMillis(500).plus(token), Duration.ofMillis(1000).plus(token));
  }

  @Test
  void a_get_is_retried_through_5xx_and_gives_up_with_one_line_after_the_policy() {
    fake.faults().fail("GET", "/v2/positions", 503, 2, false);
    assertThat(client.positions()).isEmpty();
    assertThat(fake.count("GET", "/v2/positions")).isEqualTo(3);

    fake.faults().fail("GET", "/v2/account", 502, 4, false);
    assertThatThrownBy(() -> client.account())
        .isInstanceOf(BrokerUnavailable.class)
        .hasMessage(
            "Alpaca GET /v2/account failed after 4 attempts; last: 502"
                + " {\"code\":50010000,\"message\":\"internal server error\"}");
  }

  @Test
  void a_post_whose_answer_is_lost_after_acceptance_is_looked_up_not_resent() {
    fake.setPrice("AAPL", "180.00");
    fake.faults().loseResponse("POST", "/v2/orders", true);

    Order order =
        client.submitOrder(OrderRequest.market(id("plan-1-entry"), "AAPL", OrderSide.BUY, TEN));

    assertThat(order.clientOrderId()).isEqualTo(id("plan-1-entry"));
    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(fake.count("POST", "/v2/orders")).isEqualTo(1);
    assertThat(fake.count("GET", "/v2/orders:by_client_order_id")).isEqualTo(1);
    assertThat(fake.ordersWithClientId("plan-1-entry")).isEqualTo(1);
    assertThat(fake.positions()).containsEntry("AAPL", TEN);
  }

  @Test
  void a_post_lost_before_acceptance_is_resent_once_the_lookup_finds_nothing() {
    fake.setPrice("AAPL", "180.00");
    fake.faults().loseResponse("POST", "/v2/orders", false);

    client.submitOrder(OrderRequest.market(id("plan-2-entry"), "AAPL", OrderSide.BUY, TEN));

    assertThat(fake.count("POST", "/v2/orders")).isEqualTo(2);
    assertThat(fake.ordersWithClientId("plan-2-entry")).isEqualTo(1);
    assertThat(fake.positions()).containsEntry("AAPL", TEN);
  }

  @Test
  void a_post_answered_with_5xx_after_acceptance_is_not_doubled() {
    fake.setPrice("AAPL", "180.00");
    fake.faults().fail("POST", "/v2/orders", 500, 1, true);

    client.submitOrder(OrderRequest.market(id("plan-3-entry"), "AAPL", OrderSide.BUY, TEN));

    assertThat(fake.count("POST", "/v2/orders")).isEqualTo(1);
    assertThat(fake.ordersWithClientId("plan-3-entry")).isEqualTo(1);
    assertThat(fake.positions()).containsEntry("AAPL", TEN);
  }

  @Test
  void a_post_answered_with_5xx_before_acceptance_is_resent_after_the_lookup() {
    fake.setPrice("AAPL", "180.00");
    fake.faults().fail("POST", "/v2/orders", 503, 1, false);

    client.submitOrder(OrderRequest.market(id("plan-4-entry"), "AAPL", OrderSide.BUY, TEN));

    assertThat(fake.count("POST", "/v2/orders")).isEqualTo(2);
    assertThat(fake.ordersWithClientId("plan-4-entry")).isEqualTo(1);
  }

  @Test
  void a_lost_replace_is_resolved_by_the_replacements_client_order_id() {
    fake.setPrice("AAPL", "180.00");
    Order stop =
        client.submitOrder(
            OrderRequest.stop(
                id("plan-5-stop-1"), "AAPL", OrderSide.SELL, TEN, new BigDecimal("170")));
    fake.faults().loseResponse("PATCH", "/v2/orders/", true);

    Order moved =
        client.replaceOrder(
            stop.id(), ReplaceRequest.stopPrice(id("plan-5-stop-2"), new BigDecimal("175")));

    assertThat(moved.clientOrderId()).isEqualTo(id("plan-5-stop-2"));
    assertThat(fake.count("PATCH", "/v2/orders/")).isEqualTo(1);
    assertThat(fake.status("plan-5-stop-1")).isEqualTo("replaced");
  }

  @Test
  void an_order_whose_outcome_cannot_be_looked_up_says_so() {
    fake.faults().loseResponse("POST", "/v2/orders", true);
    fake.faults().fail("GET", "/v2/orders:by_client_order_id", 503, 4, false);

    assertThatThrownBy(
            () ->
                client.submitOrder(
                    OrderRequest.market(id("plan-6-entry"), "AAPL", OrderSide.BUY, TEN)))
        .isInstanceOf(BrokerUnavailable.class)
        .hasMessageStartingWith(
            "order plan-6-entry (buy 10 AAPL market): the answer was lost and the lookup failed,"
                + " so whether Alpaca has it is unknown");
    // The caller may simply submit again: the lookup comes first, so nothing doubles.
    client.submitOrder(OrderRequest.market(id("plan-6-entry"), "AAPL", OrderSide.BUY, TEN));
    assertThat(fake.ordersWithClientId("plan-6-entry")).isEqualTo(1);
  }

  @Test
  void the_client_follows_remaining_and_reset_so_alpaca_never_answers_429() {
    fake.limitPerMinute(20);

    for (int i = 0; i < 45; i++) {
      client.clock();
    }

    assertThat(fake.count("GET", "/v2/clock")).isEqualTo(45);
    assertThat(sleeps).isNotEmpty();
    // Every request landed inside its minute's budget of 20: none was refused.
    assertThat(fake.requests().stream().map(r -> r.time().getEpochSecond() / 60).distinct().count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void after_an_outage_queued_requests_trickle_out_at_the_refill_rate() {
    fake.faults().fail("GET", "/v2/account", 503, 3, false);
    client.account(); // rides out the outage
    int start = fake.requests().size();

    for (int i = 0; i < 10; i++) {
      client.clock();
    }

    List<FakeAlpaca.Request> after = fake.requests().subList(start, fake.requests().size());
    // The bucket restarted nearly empty (the backoff refilled a token or two): at 200 a minute,
    // one every 300 ms, the ten calls span at least 7 intervals instead of arriving as one burst.
    assertThat(Duration.between(after.getFirst().time(), after.getLast().time()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(2100));
  }
}
