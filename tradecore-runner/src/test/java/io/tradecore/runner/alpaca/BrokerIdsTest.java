package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.PortfolioId;
import org.junit.jupiter.api.Test;

/**
 * Client order ids at Alpaca: the same on every run, apart per portfolio, at most 48 characters.
 */
class BrokerIdsTest {
  private final BrokerIds ids = new BrokerIds(new PortfolioId("swing-1a2b3c4d"));

  @Test
  void an_id_is_deterministic_and_reads_back() {
    ClientOrderId ours = new ClientOrderId("plan-17-exit-3");
    ClientOrderId at = ids.of(ours);

    assertThat(at.value()).matches("tc-[0-9a-f]{8}-plan-17-exit-3");
    assertThat(new BrokerIds(new PortfolioId("swing-1a2b3c4d")).of(ours)).isEqualTo(at);
    assertThat(ids.isOurs(at.value())).isTrue();
    assertThat(ids.ours(at.value())).isEqualTo(ours);
  }

  @Test
  void portfolios_on_one_account_have_ids_apart() {
    ClientOrderId ours = new ClientOrderId("plan-1-entry");
    BrokerIds other = new BrokerIds(new PortfolioId("swing-99999999"));

    assertThat(other.of(ours)).isNotEqualTo(ids.of(ours));
    assertThat(other.isOurs(ids.of(ours).value())).isFalse();
    assertThat(ids.isOurs("bought-by-hand")).isFalse();
  }

  @Test
  void a_long_id_is_shortened_to_48_characters_and_stays_apart() {
    ClientOrderId a = new ClientOrderId("a-very-long-plan-prefix-of-a-plugin-strategy-7-exit-12");
    ClientOrderId b = new ClientOrderId("a-very-long-plan-prefix-of-a-plugin-strategy-7-exit-13");

    assertThat(ids.of(a).value()).hasSize(48).contains("~");
    assertThat(ids.of(a)).isNotEqualTo(ids.of(b)).isEqualTo(ids.of(a));
    assertThat(ids.ours(ids.of(a).value())).as("read back through the stored orders").isNull();
  }
}
