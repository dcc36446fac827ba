package io.tradecore.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.venue.VenueFeatures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedExchangeTest {
  private static final Instrument ABC = Instrument.of("ABC", "USD", 2);
  private static final Instant T0 = Instant.parse("2024-05-06T00:00:00Z");

  private static Bar bar(int day, long o, long h, long l, long c) {
    return new Bar(ABC, T0.plus(day, ChronoUnit.DAYS), o, h, l, c, 1_000_000);
  }

  private static Order order(
      String id,
      Side side,
      OrderType type,
      String qty,
      String limit,
      String stop,
      TimeInForce tif) {
    return new Order(
        new ClientOrderId(id),
        null,
        ABC,
        side,
        type,
        Quantity.of(new BigDecimal(qty), 6),
        null,
        limit == null ? null : Price.of(new BigDecimal(limit), 2),
        stop == null ? null : Price.of(new BigDecimal(stop), 2),
        tif,
        T0,
        "v1");
  }

  @Test
  void fees_are_bps_of_notional_rounded_to_the_cent_with_a_minimum() {
    ExecutionCosts costs = ExecutionCosts.of(10, 1.00, 0);
    assertThat(costs.fee(new BigDecimal("12345.678"))).isEqualByComparingTo("12.35");
    assertThat(costs.fee(new BigDecimal("500.00"))).isEqualByComparingTo("1.00");
  }

  @Test
  void market_orders_fill_at_the_open_with_slippage_against_them() {
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.of(0, 0, 25), null);
    x.accept(order("b", Side.BUY, OrderType.MARKET, "1", null, null, TimeInForce.GTC));
    x.accept(order("s", Side.SELL, OrderType.MARKET, "1", null, null, TimeInForce.GTC));
    List<Fill> fills = x.match(bar(0, 10_000, 10_500, 9_500, 10_200)).fills();

    assertThat(fills).extracting(f -> f.price().toString()).containsExactly("100.25", "99.75");
    assertThat(x.workingOrders()).isEmpty();
  }

  @Test
  void limit_buy_fills_at_the_open_when_it_opens_below_and_at_the_limit_when_touched() {
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.FREE, null);
    x.accept(order("a", Side.BUY, OrderType.LIMIT, "1", "99.00", null, TimeInForce.GTC));
    assertThat(x.match(bar(0, 10_000, 10_100, 9_950, 10_050)).fills()).isEmpty();
    assertThat(x.match(bar(1, 10_000, 10_100, 9_800, 9_900)).fills())
        .extracting(f -> f.price().toString())
        .containsExactly("99.00");

    x.accept(order("b", Side.BUY, OrderType.LIMIT, "1", "99.00", null, TimeInForce.GTC));
    assertThat(x.match(bar(2, 9_700, 9_800, 9_600, 9_700)).fills())
        .extracting(f -> f.price().toString())
        .containsExactly("97.00");
  }

  @Test
  void a_day_order_expires_when_a_later_day_begins_and_ioc_after_its_first_bar() {
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.FREE, null);
    x.accept(order("day", Side.BUY, OrderType.LIMIT, "1", "50.00", null, TimeInForce.DAY));
    x.accept(order("ioc", Side.BUY, OrderType.LIMIT, "1", "50.00", null, TimeInForce.IOC));
    MatchResult first = x.match(bar(0, 10_000, 10_100, 9_900, 10_000));
    assertThat(first.expired()).extracting(o -> o.id().value()).containsExactly("ioc");
    MatchResult second = x.match(bar(1, 10_000, 10_100, 9_900, 10_000));
    assertThat(second.expired()).extracting(o -> o.id().value()).containsExactly("day");
    assertThat(x.workingOrders()).isEmpty();
  }

  @Test
  void an_order_sized_by_cash_buys_the_most_that_fits_with_fees() {
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.of(10, 1.00, 0), null);
    BigDecimal cash = new BigDecimal("10000.00");
    x.accept(
        new Order(
            new ClientOrderId("q"),
            null,
            ABC,
            Side.BUY,
            OrderType.MARKET,
            null,
            cash,
            null,
            null,
            TimeInForce.GTC,
            T0,
            "v1"));
    Fill fill = x.match(bar(0, 3_333, 3_400, 3_300, 3_350)).fills().get(0);

    BigDecimal cost = fill.notional().add(fill.fee());
    assertThat(cost).isLessThanOrEqualTo(cash);
    BigDecimal oneMore =
        fill.quantity()
            .toBigDecimal()
            .add(new BigDecimal("0.000001"))
            .multiply(fill.price().toBigDecimal());
    assertThat(oneMore.add(ExecutionCosts.of(10, 1.00, 0).fee(oneMore))).isGreaterThan(cash);
  }

  @Test
  void a_short_sale_sized_by_cash_sells_whole_lots_whose_notional_and_fee_fit_the_margin() {
    // Lots of 100 shares: 10,000 of margin at 33.33 (fee 10 bps, at least 1.00) sells 200, as
    // 300 would need 9,999.00 and a fee of 10.00.
    Instrument lots = new Instrument("LOT", "USD", 2, 0).onVenue("sim", 1, 100);
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.of(10, 1.00, 0), null);
    BigDecimal margin = new BigDecimal("10000.00");
    x.accept(
        new Order(
            new ClientOrderId("short"),
            null,
            lots,
            Side.SELL,
            OrderType.MARKET,
            null,
            margin,
            null,
            null,
            TimeInForce.GTC,
            T0,
            "v1"));
    Fill fill =
        x.match(new Bar(lots, T0, 3_333, 3_400, 3_300, 3_350, 1_000_000)).fills().getFirst();

    assertThat(fill.side()).isEqualTo(Side.SELL);
    assertThat(fill.quantity().toBigDecimal()).isEqualByComparingTo("200");
    assertThat(fill.notional()).isEqualByComparingTo("6666.00");
    assertThat(fill.fee()).isEqualByComparingTo("6.67");
    // All the margin covers at that price has been sold: the order is done.
    assertThat(x.workingOrders()).isEmpty();
  }

  @Test
  void a_short_entry_that_the_cash_cannot_hold_as_margin_sells_what_it_covers() {
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.FREE, null);
    x.fundedBy(o -> new BigDecimal("2500.00"));
    x.accept(order("s", Side.SELL, OrderType.MARKET, "40", null, null, TimeInForce.GTC));
    MatchResult result = x.match(bar(0, 10_000, 10_100, 9_900, 10_000));

    assertThat(result.fills())
        .extracting(f -> f.quantity().toString())
        .containsExactly("25.000000");
    assertThat(result.expired()).extracting(o -> o.id().value()).containsExactly("s");
  }

  @Test
  void an_exchange_without_fractions_fills_and_takes_whole_shares_only() {
    SimulatedExchange x =
        new SimulatedExchange(
            "SIM", ExecutionCosts.FREE, null, new VenueFeatures(false, false, true));
    x.fundedBy(o -> new BigDecimal("2550.00"));
    // Cash for 25.5 shares at 100.00: 25 whole shares fill, the rest is withdrawn.
    x.accept(order("b", Side.BUY, OrderType.MARKET, "40", null, null, TimeInForce.GTC));
    MatchResult result = x.match(bar(0, 10_000, 10_100, 9_900, 10_000));

    assertThat(result.fills())
        .extracting(f -> f.quantity().toString())
        .containsExactly("25.000000");
    assertThat(x.accept(order("f", Side.BUY, OrderType.MARKET, "2.5", null, null, TimeInForce.GTC)))
        .isEqualTo("quantity 2.500000 is not a whole number of shares in lots of 1.000000");
  }

  @Test
  void an_order_sized_by_more_cash_than_units_can_count_buys_the_most_units_there_are() {
    // 2.1e14 of cash at one cent is 2.1e16 of ABC, 2.1e22 units at six decimals: past a long.
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.FREE, new BigDecimal("0.5"));
    x.accept(
        new Order(
            new ClientOrderId("q"),
            null,
            ABC,
            Side.BUY,
            OrderType.MARKET,
            null,
            new BigDecimal("209921750942659.25"),
            null,
            null,
            TimeInForce.GTC,
            T0,
            "v1"));
    Bar cent = new Bar(ABC, T0, 1, 1, 1, 1, 1e300);

    MatchResult result = x.match(cent);

    assertThat(result.fills())
        .singleElement()
        .extracting(f -> f.quantity().units())
        .isEqualTo(SimulatedExchange.MAX_UNITS);
    assertThat(x.workingOrders()).isEmpty();
  }

  @Test
  void trade_ids_are_unique() {
    SimulatedExchange x = new SimulatedExchange("SIM", ExecutionCosts.FREE, null);
    Set<String> ids = new HashSet<>();
    for (int day = 0; day < 50; day++) {
      x.accept(order("o" + day, Side.BUY, OrderType.MARKET, "1", null, null, TimeInForce.GTC));
      x.match(bar(day, 10_000, 10_100, 9_900, 10_000))
          .fills()
          .forEach(f -> ids.add(f.tradeId().value()));
    }
    assertThat(ids).hasSize(50);
  }
}
