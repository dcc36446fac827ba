package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest extends AgainstFakeAlpaca {

  @Test
  void fills_are_read_across_pages_and_resume_after_the_stored_cursor() {
    fake.setPrice("AAPL", "180.00");
    for (int i = 0; i < 230; i++) {
      client.submitOrder(
          OrderRequest.market(
              id("o-" + i), "AAPL", i % 2 == 0 ? OrderSide.BUY : OrderSide.SELL, BigDecimal.ONE));
    }

    List<FillActivity> all = client.fillsAfter(null, null);

    assertThat(all).hasSize(230);
    assertThat(fake.count("GET", "/v2/account/activities/FILL")).isEqualTo(3);
    assertThat(all).extracting(FillActivity::orderId).doesNotHaveDuplicates();
    String cursor = all.getLast().id();

    client.submitOrder(
        OrderRequest.market(id("o-late"), "AAPL", OrderSide.BUY, new BigDecimal("2")));
    List<FillActivity> newer = client.fillsAfter(cursor, null);

    assertThat(newer)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.qty()).isEqualByComparingTo("2");
              assertThat(f.cumQty()).isEqualByComparingTo("2");
              assertThat(f.side()).isEqualTo(OrderSide.BUY);
              assertThat(f.price()).isEqualByComparingTo("180.00");
              assertThat(f.orderStatus()).isEqualTo(OrderStatus.FILLED);
            });
    assertThat(client.fillsAfter(newer.getFirst().id(), null)).isEmpty();
  }

  @Test
  void without_a_cursor_fills_start_after_the_given_time() {
    fake.setPrice("AAPL", "180.00");
    client.submitOrder(OrderRequest.market(id("early"), "AAPL", OrderSide.BUY, BigDecimal.ONE));
    Instant between = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    client.submitOrder(OrderRequest.market(id("late"), "AAPL", OrderSide.BUY, BigDecimal.TEN));

    assertThat(client.fillsAfter(null, between))
        .extracting(FillActivity::qty)
        .containsExactly(BigDecimal.TEN);
  }

  @Test
  void bars_of_several_symbols_are_joined_across_pages_in_time_order() {
    Instant t0 = Instant.parse("2024-03-04T14:30:00Z");
    for (int i = 0; i < 5; i++) {
      fake.marketData()
          .addBar(
              "AAPL", t0.plus(Duration.ofMinutes(i)), "180.1" + i, "181", "179", "180.5", 1000 + i);
      fake.marketData()
          .addBar(
              "MSFT", t0.plus(Duration.ofMinutes(i)), "410.2" + i, "411", "409", "410.5", 2000 + i);
    }
    fake.marketData().pageSize(3);

    Map<String, List<StockBar>> bars =
        client.allBars(
            List.of("AAPL", "MSFT"), BarTimeframe.MINUTE, t0, t0.plus(Duration.ofHours(1)));

    assertThat(fake.marketData().pageTokensSeen()).hasSize(3);
    assertThat(bars.get("AAPL")).extracting(StockBar::time).isSorted().hasSize(5);
    assertThat(bars.get("MSFT")).hasSize(5);
    StockBar first = bars.get("MSFT").getFirst();
    assertThat(first.symbol()).isEqualTo("MSFT");
    assertThat(first.open()).isEqualByComparingTo("410.20");
    assertThat(first.volume()).isEqualByComparingTo("2000");
  }
}
