package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Side;
import io.tradecore.runner.PlanDesk;
import io.tradecore.store.PlanRequestRepository;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a runner process between the broker's fill and the runner's commit of it: the runner
 * in its own process has its plan's limit entry resting at the fake broker when the broker fills
 * it, and is killed before it can hear of the fill. The runner started next finds the fill in the
 * FILL activities, stores it once, protects the position with its OCO pair, and places no order
 * twice.
 */
class KilledRunnerTest extends AgainstFakeBroker {
  @TempDir Path dir;

  /** The killed process runs on the wall clock; the runner that follows starts from it. */
  @Override
  Instant startTime() {
    return Instant.now();
  }

  @Test
  void a_fill_made_while_the_runner_dies_is_stored_once_and_protected_on_restart()
      throws Exception {
    fake.setPrice("AAPL", "181.00"); // the limit entry rests
    Path out = dir.resolve("runner.out");
    Process child = startRunnerProcess(out);
    try {
      awaitLong(
          "the entry committed by the runner process",
          () -> "PENDING".equals(planStatus()),
          child,
          out);
      await("the entry at the broker", () -> !fake.clientOrderIds().isEmpty());

      fake.fill(entryId(), "10", "180.00"); // the broker fills it; the runner hears nothing yet
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(storedTradeIds()).as("nothing of the fill committed before the kill").isEmpty();
    assertThat(fake.executionIds()).hasSize(1);

    restartAndAssertProtectedOnce();
  }

  @Test
  void an_entry_the_broker_took_as_the_runner_died_keeps_its_plan_and_is_protected_on_restart()
      throws Exception {
    fake.setPrice("AAPL", "181.00"); // the limit entry rests
    fake.faults().loseResponse("POST", "/v2/orders", true); // taken, and its answer never comes
    Path out = dir.resolve("runner.out");
    Process child = startRunnerProcess(out);
    try {
      // Killed while it waits for the broker's answer: its moment is never committed.
      awaitLong("the entry at the broker", () -> !fake.clientOrderIds().isEmpty(), child, out);
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(planStatus()).as("the plan, stored before its entry went out").isEqualTo("PENDING");
    assertThat(storedBars()).as("the moment itself never committed").isZero();

    fake.fill(entryId(), "10", "180.00"); // the broker fills it while no runner is up
    restartAndAssertProtectedOnce();
  }

  @Test
  void an_entry_that_never_reached_the_broker_is_cancelled_with_its_plan_on_restart()
      throws Exception {
    fake.setPrice("AAPL", "181.00");
    fake.faults().loseResponse("POST", "/v2/orders", false); // lost on the way: never taken
    Path out = dir.resolve("runner.out");
    Process child = startRunnerProcess(out);
    try {
      awaitLong(
          "the entry's request at the broker",
          () -> fake.count("POST", "/v2/orders") > 0,
          child,
          out);
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(planStatus()).isEqualTo("PENDING");

    clock.advance(Duration.ofMinutes(1));
    startRunner();

    await("the plan cancelled", () -> "CANCELLED".equals(planStatus()));
    assertThat(fake.clientOrderIds()).as("nothing sent again").isEmpty();
    assertThat(fake.workingOrders()).isEmpty();
    assertBooksAgree();
  }

  @Test
  void a_plan_request_the_broker_took_as_the_runner_died_is_not_opened_again() throws Exception {
    Path out = dir.resolve("runner.out");
    Process child = startRunnerProcess(out, "1810000"); // a bar that opens nothing
    PlanRequestRepository.Request queued;
    try {
      awaitLong("the bar committed", () -> storedBars() == 1, child, out);
      fake.faults().loseResponse("POST", "/v2/orders", true);
      queued =
          new PlanDesk(db, record, clock)
              .open(
                  "AAPL",
                  Side.BUY,
                  new BigDecimal("5"),
                  new BigDecimal("170"),
                  new BigDecimal("190"),
                  "test");
      awaitLong("the entry at the broker", () -> !fake.clientOrderIds().isEmpty(), child, out);
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    PlanRequestRepository.Request resolved = new PlanDesk(db, record, clock).find(queued.id());
    assertThat(resolved.status())
        .as("resolved with the entry it opened")
        .isEqualTo(PlanRequestRepository.Status.ACCEPTED);

    fake.fill(entryId(), "5", "181.00");
    clock.advance(Duration.ofMinutes(1));
    startRunner();

    await(
        "the OCO pair at the broker",
        () -> fake.workingOrders().equals(List.of("sell 5 limit@190", "sell 5 stop@170")));
    await("the plan active", () -> "ACTIVE".equals(planStatus()));
    List<String> entries =
        fake.clientOrderIds().stream().filter(id -> id.endsWith("-entry")).toList();
    assertThat(entries).as("the request's one entry").hasSize(1);
    assertThat(entries.getFirst()).endsWith("-" + resolved.resultPlan() + "-entry");
    assertBooksAgree();
  }

  /**
   * Starts a runner past the killed one's lease and checks the outcome: the plan active with its
   * OCO pair at the broker, the one fill stored once, the entry sent once, the books agreeing.
   */
  private void restartAndAssertProtectedOnce() {
    clock.advance(Duration.ofMinutes(1));
    startRunner();

    await(
        "the OCO pair at the broker",
        () -> fake.workingOrders().equals(List.of("sell 10 limit@190", "sell 10 stop@170")));
    await("the plan active", () -> "ACTIVE".equals(planStatus()));
    assertBooksAgree();
    assertThat(storedTradeIds()).hasSize(1);
    assertThat(fake.clientOrderIds()).filteredOn(id -> id.endsWith("-entry")).hasSize(1);
  }

  /** A runner of the portfolio in a process of its own ({@link AlpacaRunnerMain}). */
  private Process startRunnerProcess(Path out, String... more) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                AlpacaRunnerMain.class.getName(),
                dbUrl,
                fake.url().toString(),
                ID.value()));
    command.addAll(List.of(more));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /** How many bars the portfolio's runs have committed. */
  private long storedBars() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bars").mapTo(Long.class).one());
  }

  private void awaitLong(
      String what, java.util.function.BooleanSupplier condition, Process child, Path out)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "waiting for " + what + "; the runner process said:\n" + Files.readString(out));
      }
      Thread.sleep(50); // a poll interval, not a wait for a fixed time
    }
  }
}
