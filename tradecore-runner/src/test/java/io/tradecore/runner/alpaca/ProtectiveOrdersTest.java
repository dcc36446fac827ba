package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan's protection at the broker follows the plan: a trailed stop replaces the stop order at
 * Alpaca, and a plan the strategy closes cancels its protection first and then exits once.
 */
class ProtectiveOrdersTest extends AgainstFakeBroker {

  @Test
  void a_trailed_stop_replaces_the_stop_order_at_the_broker_and_exits_once() throws Exception {
    trail = 50_000; // 5.00
    startRunner();
    triggerBar();
    await(
        "the OCO pair with the trailing stop",
        () -> fake.workingOrders().equals(List.of("sell 10 limit@190", "sell 10 stop@175")));

    bar(1_830_000); // 183.00: the stop trails up to 178.00

    await(
        "the stop replaced at the broker",
        () -> fake.workingOrders().equals(List.of("sell 10 limit@190", "sell 10 stop@178")));
    assertThat(fake.statuses()).containsValue("replaced");
    assertThat(fake.count("PATCH", "/v2/orders/")).isEqualTo(1);

    fake.setPrice("AAPL", "177.50");

    await("the plan closed by its stop", () -> "CLOSED".equals(planStatus()));
    assertThat(fake.workingOrders()).isEmpty();
    assertThat(fake.positions()).isEmpty();
    assertThat(fake.executionIds()).hasSize(2);
    assertBooksAgree();
  }

  @Test
  void a_plan_the_strategy_closes_cancels_its_protection_then_exits_once() throws Exception {
    startRunner();
    triggerBar();
    await("the OCO pair at the broker", () -> fake.workingOrders().size() == 2);

    fake.setPrice("AAPL", "185.00");
    bar(BuyOnce.CLOSE);

    await("the plan closed", () -> "CLOSED".equals(planStatus()));
    assertThat(fake.workingOrders()).isEmpty();
    assertThat(fake.positions()).isEmpty();
    assertThat(fake.executionIds()).as("the entry and one exit").hasSize(2);
    assertThat(fake.clientOrderIds())
        .filteredOn(id -> id.contains("-exit-"))
        .as("the OCO pair's order and the market exit")
        .hasSize(2);
    assertBooksAgree();
    assertThat(runner.portfolio().ledger().realizedPnl()).isEqualByComparingTo("50.00");
  }
}
