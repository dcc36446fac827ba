package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadEndpointsTest extends AgainstFakeAlpaca {

  @Test
  void account_balances_are_exact_decimals_from_alpacas_strings() {
    Account account = client.account();

    assertThat(account.cash()).isEqualByComparingTo("100000");
    assertThat(account.buyingPower()).isEqualByComparingTo("100000");
    assertThat(account.status()).isEqualTo("ACTIVE");
    assertThat(account.createdAt()).isEqualTo(Instant.parse("2024-01-02T15:04:05.123456Z"));
  }

  @Test
  void clock_reads_offset_times_as_instants() {
    MarketClock clock = client.clock();

    assertThat(clock.isOpen()).isTrue();
    assertThat(clock.nextClose()).isEqualTo(Instant.parse("2024-03-05T21:00:00Z"));
    assertThat(clock.nextOpen()).isEqualTo(Instant.parse("2024-03-06T14:30:00Z"));
  }

  @Test
  void assets_say_whether_and_in_what_increments_a_symbol_trades() {
    assertThat(client.assets())
        .extracting(Asset::symbol, Asset::tradable, Asset::fractionable)
        .contains(
            org.assertj.core.groups.Tuple.tuple("AAPL", true, true),
            org.assertj.core.groups.Tuple.tuple("BRK.B", true, false),
            org.assertj.core.groups.Tuple.tuple("ZVZZT", false, false));
    Asset brk = client.asset("BRK.B");
    assertThat(brk.assetClass()).isEqualTo("us_equity");
    assertThat(brk.minTradeIncrement()).isEqualByComparingTo("1");
    assertThat(brk.priceIncrement()).isEqualByComparingTo("0.01");
  }

  @Test
  void unknown_asset_is_a_one_line_rejection_with_alpacas_message() {
    assertThatThrownBy(() -> client.asset("NOPE"))
        .isInstanceOf(BrokerRejection.class)
        .hasMessage("asset NOPE refused by Alpaca: 404 asset not found (code 40410000)");
  }

  @Test
  void positions_follow_fills_with_signed_quantities() {
    fake.setPrice("AAPL", "180.25");
    fake.setPrice("MSFT", "410.10");
    client.submitOrder(OrderRequest.market(id("p-1"), "AAPL", OrderSide.BUY, new BigDecimal("10")));
    client.submitOrder(OrderRequest.market(id("p-2"), "MSFT", OrderSide.SELL, new BigDecimal("3")));

    assertThat(client.positions())
        .extracting(Position::symbol, p -> p.qty().toPlainString(), Position::side)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("AAPL", "10", "long"),
            org.assertj.core.groups.Tuple.tuple("MSFT", "-3", "short"));
    assertThat(client.positions().getFirst().avgEntryPrice()).isEqualByComparingTo("180.25");
  }
}
