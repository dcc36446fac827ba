package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.OrderRequest;
import io.tradecore.alpaca.OrderSide;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.runner.notify.Notifications;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Scripted faults of the broker and its stream, each ending with the ledger equal to the fake
 * broker's books, every execution stored once and no order placed twice.
 */
class AlpacaFaultsTest extends AgainstFakeBroker {

  private void awaitProtected(String quantity) {
    await(
        "the OCO pair at the broker",
        () ->
            fake.workingOrders()
                .equals(
                    java.util.List.of(
                        "sell " + quantity + " limit@190", "sell " + quantity + " stop@170")));
    await("the plan active", () -> "ACTIVE".equals(planStatus()));
  }

  @Test
  void post_accepted_but_its_answer_lost() throws Exception {
    fake.faults().loseResponse("POST", "/v2/orders", true);
    startRunner();
    triggerBar();

    awaitProtected("10");
    assertBooksAgree();
    assertThat(fake.count("GET", "/v2/orders:by_client_order_id")).isPositive();
    assertThat(fake.clientOrderIds()).filteredOn(id -> id.endsWith("-entry")).hasSize(1);
  }

  @Test
  void stream_dropped_right_after_a_fill_whose_event_was_lost() throws Exception {
    startRunner();
    await("the stream up", () -> fake.tradeStream().listeners() == 1);
    fake.tradeStream().dropOnNextFill(false);
    triggerBar();

    // The fill comes from the FILL activities read once the stream is back.
    awaitProtected("10");
    await("one fill stored", () -> storedTradeIds().size() == 1);
    assertBooksAgree();
  }

  @Test
  void duplicate_and_out_of_order_stream_events() throws Exception {
    entryLimit = BuyOnce.TRIGGER;
    fake.setPrice("AAPL", "181.00"); // the limit entry rests
    startRunner();
    await("the stream up", () -> fake.tradeStream().listeners() == 1);
    triggerBar();
    await("the entry at the broker", () -> !fake.clientOrderIds().isEmpty());
    fake.tradeStream().duplicateEvents(true);
    fake.tradeStream().reverseNext(2); // the fill arrives before the partial fill it follows

    fake.fill(entryId(), "4", "180.00");
    fake.fill(entryId(), "6", "179.90");

    awaitProtected("10");
    await("both fills stored", () -> storedTradeIds().size() == 2);
    assertBooksAgree();
    assertThat(runner.portfolio().ledger().position("AAPL").quantity()).isEqualByComparingTo("10");
  }

  @Test
  void rate_limited_with_a_reset_header() throws Exception {
    fake.faults().rateLimit(2, Duration.ofSeconds(1));
    startRunner();
    triggerBar();

    awaitProtected("10");
    assertBooksAgree();
  }

  @Test
  void server_errors_before_the_order_is_taken() throws Exception {
    fake.faults().fail("POST", "/v2/orders", 503, 2, false);
    startRunner();
    triggerBar();

    awaitProtected("10");
    assertBooksAgree();
  }

  @Test
  void server_error_after_the_order_was_taken() throws Exception {
    fake.faults().fail("POST", "/v2/orders", 500, 1, true);
    startRunner();
    triggerBar();

    awaitProtected("10");
    assertBooksAgree();
  }

  @Test
  void a_partial_fill_then_a_cancel_protects_the_part() throws Exception {
    entryLimit = BuyOnce.TRIGGER;
    fake.setPrice("AAPL", "181.00");
    startRunner();
    triggerBar();
    await("the entry at the broker", () -> !fake.clientOrderIds().isEmpty());

    fake.fill(entryId(), "4", "180.00");
    try (AlpacaClient client = client()) {
      String brokerId =
          client.orderByClientOrderId(new ClientOrderId(entryId())).orElseThrow().id();
      client.cancelOrder(brokerId);
    }

    awaitProtected("4");
    assertBooksAgree();
    assertThat(fake.status(entryId())).isEqualTo("canceled");
  }

  @Test
  void a_rejected_entry_cancels_its_plan() throws Exception {
    entryLimit = BuyOnce.TRIGGER;
    fake.setPrice("AAPL", "181.00");
    startRunner();
    triggerBar();
    await("the entry at the broker", () -> !fake.clientOrderIds().isEmpty());

    fake.reject(entryId());

    await("the plan cancelled", () -> "CANCELLED".equals(planStatus()));
    assertThat(fake.workingOrders()).isEmpty();
    assertBooksAgree();
    assertThat(telemetry("order-rejected")).singleElement().asString().contains("rejected");
  }

  @Test
  void stream_never_connecting_polls_the_activities_every_minute() throws Exception {
    fake.tradeStream().refuseConnections(true);
    startRunner();
    triggerBar();

    awaitAdvancing("the fill from the activities", () -> storedTradeIds().size() == 1);
    awaitProtected("10");
    fake.setPrice("AAPL", "169.00");
    awaitAdvancing("the stop's fill from the activities", () -> "CLOSED".equals(planStatus()));
    assertBooksAgree();
    assertThat(fake.tradeStream().authorizations()).isZero();
  }

  @Test
  void an_entry_the_books_lost_has_its_fill_stored_once_and_is_not_sent_again() throws Exception {
    // The runner died in the moment it sent this entry: Alpaca filled it, the books never had it.
    ClientOrderId entry = new ClientOrderId("plan-1-entry");
    try (AlpacaClient client = client()) {
      client.submitOrder(
          OrderRequest.market(
              new BrokerIds(ID).of(entry), "AAPL", OrderSide.BUY, new BigDecimal("10")));
    }
    startRunner();
    await("the fill adopted", () -> storedTradeIds().size() == 1);
    triggerBar();
    await("the bar taken", () -> feed.drained());
    bar(1_810_000);
    await("the next bar taken", () -> feed.drained());

    assertBooksAgree();
    assertThat(fake.clientOrderIds()).hasSize(1);
  }

  @Test
  void positions_differing_from_the_ledger_halt_new_entries() throws Exception {
    try (AlpacaClient client = client()) {
      client.submitOrder(
          OrderRequest.market(
              new ClientOrderId("bought-by-hand"), "AAPL", OrderSide.BUY, new BigDecimal("5")));
    }
    startRunner();
    triggerBar();
    await("the feed taken", () -> feed.drained());
    bar(1_810_000);
    await("the next bar taken", () -> feed.drained());

    assertThat(fake.clientOrderIds()).containsExactly("bought-by-hand");
    assertThat(telemetry(Notifications.DRIFT_KIND))
        .anySatisfy(m -> assertThat(m).contains("AAPL position: venue 5 vs ledger 0"));
    assertThat(telemetry("risk-refusal"))
        .anySatisfy(m -> assertThat(m).contains("new entries are halted"));
    assertThat(io.tradecore.runner.PortfolioStatus.of(db, record).drift())
        .contains("AAPL position: venue 5 vs ledger 0", "new entries are halted");
  }
}
