package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A portfolio trading the fake Alpaca account end to end: the entry's fill comes from the stream,
 * the plan's stop and target then rest at the broker as an OCO pair, and whichever fills closes the
 * plan once; the ledger ends equal to the broker's books.
 */
class AlpacaVenueRunnerTest extends AgainstFakeBroker {

  @Test
  void an_entry_fill_places_the_oco_pair_and_the_target_fill_closes_the_plan() throws Exception {
    startRunner();
    feed.push(
        new io.tradecore.core.domain.Bar(
            AAPL, clock.instant(), 1_800_000, 1_800_000, 1_800_000, 1_800_000, 1000));

    await("the OCO pair at the broker", () -> fake.workingOrders().size() == 2);
    assertThat(fake.workingOrders()).containsExactly("sell 10 limit@190", "sell 10 stop@170");
    await("the entry in the ledger", () -> storedTradeIds().size() == 1);
    assertThat(planStatus()).isEqualTo("ACTIVE");

    fake.setPrice("AAPL", "190.50");

    await("the plan closed", () -> "CLOSED".equals(planStatus()));
    assertThat(fake.workingOrders()).isEmpty();
    assertThat(fake.positions()).isEmpty();
    assertBooksAgree();
    assertThat(fake.executionIds()).hasSize(2);
    assertThat(storedPositions()).isEmpty();
    List<String> ids = fake.clientOrderIds();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(0)).endsWith("-plan-1-entry").hasSizeLessThanOrEqualTo(48);
    assertThat(ids.get(1)).endsWith("-plan-1-exit-2");
  }
}
