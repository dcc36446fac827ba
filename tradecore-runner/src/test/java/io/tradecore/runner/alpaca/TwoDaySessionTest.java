package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two days on the fake broker: the entry fills on day 1 and its stop and target rest at the broker
 * overnight while the runner is stopped; the target fills at the broker while nothing of TradeCore
 * runs, and the runner started on day 2 adopts that fill from the FILL activities and closes the
 * plan, placing nothing new.
 */
class TwoDaySessionTest extends AgainstFakeBroker {

  @Test
  void a_target_filled_overnight_at_the_broker_is_adopted_on_restart() throws Exception {
    startRunner();
    triggerBar();
    await(
        "the OCO pair at the broker",
        () ->
            fake.workingOrders()
                .equals(java.util.List.of("sell 10 limit@190", "sell 10 stop@170")));
    await("the plan active", () -> "ACTIVE".equals(planStatus()));
    bar(1_810_000);
    await("the last bar of day 1 taken", () -> feed.drained());
    stopRunner();

    // Overnight: the protection rests at the broker while no runner is up.
    assertThat(fake.workingOrders()).containsExactly("sell 10 limit@190", "sell 10 stop@170");
    clock.advance(Duration.ofHours(18));
    fake.setPrice("AAPL", "190.40"); // the target fills at the broker
    assertThat(fake.positions()).isEmpty();
    assertThat(storedPositions()).containsEntry("AAPL", "10");
    int ordersBefore = fake.clientOrderIds().size();

    startRunner(); // day 2
    await("the plan closed by the overnight fill", () -> "CLOSED".equals(planStatus()));

    assertBooksAgree();
    assertThat(storedTradeIds()).hasSize(2);
    assertThat(fake.workingOrders()).isEmpty();
    assertThat(fake.clientOrderIds()).hasSize(ordersBefore);
    bar(BuyOnce.TRIGGER - 10_000);
    await("day 2's bar taken", () -> feed.drained());
    assertThat(runner.portfolio().ledger().positions()).isEmpty();
    assertThat(runner.portfolio().ledger().realizedPnl()).isEqualByComparingTo("104.00");
  }
}
