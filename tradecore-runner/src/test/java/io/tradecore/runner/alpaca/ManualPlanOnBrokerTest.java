package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.core.domain.Side;
import io.tradecore.runner.PlanDesk;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PlanRequestRepository;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan opened by hand on a broker portfolio while no runner trades it goes to the broker at once:
 * the command opens the portfolio on its own venue (never the paper exchange) for the request, with
 * the keys its configuration names.
 */
class ManualPlanOnBrokerTest extends AgainstFakeBroker {
  @TempDir Path dir;

  @Test
  void a_plan_opened_by_hand_without_a_runner_is_placed_at_the_broker() throws Exception {
    // A runner traded a bar earlier (the last price risk values the entry at), then stopped.
    startRunner();
    bar(1_800_000);
    await("the bar taken", () -> feed.drained());
    stopRunner();

    Path yaml =
        Files.writeString(
            dir.resolve("tradecore.yaml"),
            "alpaca:\n  base_url: " + fake.url() + "\n  data_url: " + fake.url() + "\n");
    Map<String, String> env =
        Map.of("APCA_API_KEY_ID", FakeAlpaca.KEY_ID, "APCA_API_SECRET_KEY", FakeAlpaca.SECRET);
    TradeCoreConfig config = TradeCoreConfig.load(yaml, env, dir);

    PlanDesk desk = new PlanDesk(db, record, clock);
    PlanRequestRepository.Request queued =
        desk.open("AAPL", Side.BUY, new BigDecimal("5"), null, null, "test");
    PlanRequestRepository.Request done =
        desk.await(
            queued.id(),
            Duration.ofSeconds(20),
            PlanDesk.opener(db, record, config, env, "test-host", 1, clock));

    assertThat(done.status()).as(done::toString).isEqualTo(PlanRequestRepository.Status.ACCEPTED);
    assertThat(fake.clientOrderIds())
        .as("orders at the broker")
        .anySatisfy(id -> assertThat(id).endsWith("-" + done.resultPlan() + "-entry"));
  }

  @Test
  void without_the_keys_the_request_is_not_placed_anywhere_and_the_error_names_the_variable()
      throws Exception {
    db.jdbi().useTransaction(h -> new InstrumentRepository().ensure(h, AAPL));
    TradeCoreConfig config = TradeCoreConfig.load(null, Map.of(), dir);
    PlanDesk desk = new PlanDesk(db, record, clock);
    PlanRequestRepository.Request queued =
        desk.open("AAPL", Side.BUY, new BigDecimal("5"), null, null, "test");
    Throwable thrown = null;
    try {
      desk.await(
          queued.id(),
          Duration.ofSeconds(5),
          PlanDesk.opener(db, record, config, Map.of(), "test-host", 1, clock));
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).as("opening the broker venue without keys").isNotNull();
    assertThat(thrown).hasMessageContaining("APCA_API_KEY_ID");
    assertThat(fake.clientOrderIds()).as("orders at the broker").isEmpty();
    assertThat(desk.find(queued.id()).status()).isEqualTo(PlanRequestRepository.Status.PENDING);
  }
}
