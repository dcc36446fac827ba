package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.llm.FakeOpenAi;
import io.tradecore.llm.Trader;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable LLM run ({@code run --strategy llm}) against a loopback chat-completions server that
 * answers at random, killed with SIGKILL again and again: at random moments, and while the model is
 * answering a question. After every restart no moment is asked twice (the server counts the
 * questions per moment), every question is traced, and the ledger is the one the recorded answers
 * make: a second database given only those answers, run without a kill, ends with identical books,
 * without asking the model anything.
 */
class LlmCrashTest {
  private static final int WEEKDAYS = 120;
  private static final int KILLS = Integer.getInteger("tradecore.llm.kills", 10);
  private static final String PORTFOLIO = "llm";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void a_killed_llm_run_never_asks_a_moment_twice_and_keeps_the_books_of_its_answers()
      throws Exception {
    FakeOpenAi server = keep(new FakeOpenAi());
    Random answers = new Random(17);
    AtomicReference<CountDownLatch> killWhileAnswering = new AtomicReference<>();
    server.respond(
        request -> {
          CountDownLatch asked = killWhileAnswering.getAndSet(null);
          if (asked != null) {
            asked.countDown(); // the test kills the runner while this answer is out
            LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
          }
          synchronized (answers) {
            return Trader.random(request, "2", answers);
          }
        });
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), WEEKDAYS, 41, "ACME", "BOLT", "CRUX");
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"),
            """
            runner:
              lease_seconds: 2
              heartbeat_seconds: 1
            llm:
              model: gpt-4o-mini
              price_input_per_million: 0.15
              price_output_per_million: 0.60
              max_cost: 100
              max_output_tokens: 300
              decide_every: 1
              timeout_seconds: 20
            """);
    List<String> args = List.of(config.toString(), PORTFOLIO, feed.spec(), "150");

    TestStore crashStore = keep(TestStore.sqlite(dir.resolve("crashed").resolve("data")));
    PortfolioId crashed = crashStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliLauncher crashLauncher = keep(launcher("crashed", crashStore, server));
    Random random = new Random(23);
    List<String> kills = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      boolean whileAnswering = k % 2 == 0;
      CountDownLatch asked = new CountDownLatch(1);
      long committed = crashStore.feedPosition(crashed);
      long left = (long) (feed.events() * 0.85) - committed;
      long target =
          committed + 1 + Math.max(0, (long) (random.nextDouble() * 2 * left / (KILLS - k)));
      if (whileAnswering) {
        killWhileAnswering.set(asked);
      }
      CliProcess runner =
          RunnerWaits.startWhenLeaseFree(
              crashLauncher, crashStore, crashed, "kill-" + (k + 1), args);
      if (whileAnswering) {
        assertThat(asked.await(RunnerWaits.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .as(runner::describe)
            .isTrue();
      } else {
        RunnerWaits.awaitPosition(crashStore, crashed, runner, target);
        LockSupport.parkNanos(Duration.ofMillis(random.nextInt(40)).toNanos());
      }
      assertThat(runner.kill()).isEqualTo(CliProcess.SIGKILL_EXIT);
      kills.add((whileAnswering ? "answering@" : "@") + crashStore.feedPosition(crashed));
    }
    CliProcess last =
        RunnerWaits.startWhenLeaseFree(crashLauncher, crashStore, crashed, "to-the-end", args);
    assertThat(last.awaitExit(RunnerWaits.TIMEOUT)).as(last::describe).isZero();

    long moments = feed.events() / 3;
    Map<String, Integer> asked = questionsPerMoment(server.requests());
    int most = asked.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<LlmTraceRepository.Row> traces =
        crashStore.db().jdbi().withHandle(h -> new LlmTraceRepository().forPortfolio(h, crashed));
    long lost = traces.stream().filter(t -> t.reason().startsWith("the process stopped")).count();
    System.out.printf(
        "llm crash: %d SIGKILLs at feed positions %s of %d bars; %d questions over %d moments,"
            + " at most %d per moment; %d answers lost with a killed runner%n",
        kills.size(), kills, feed.events(), server.calls(), moments, most, lost);

    assertThat(most).as("no moment asked twice, however often the runner died").isEqualTo(1);
    // A runner killed after marking a question but before sending it asked nothing: that moment
    // has a trace (the lost answer) but no request at the server.
    assertThat((long) asked.size()).as("moments asked").isBetween(moments - KILLS, moments);
    assertThat(decisions(crashStore, crashed)).as("one answer per moment").isEqualTo(moments);
    assertThat(traces).as("one trace per moment").hasSize((int) moments);
    assertThat(traces)
        .extracting(LlmTraceRepository.Row::outcome)
        .as("no question left without its trace")
        .doesNotContain(LlmTraceRepository.ASKING);
    assertThat(lost).as("the kills while the model answered lost those answers").isPositive();

    // A second portfolio given only the recorded answers, run once without a kill.
    int callsBefore = server.calls();
    TestStore replayStore = keep(TestStore.sqlite(dir.resolve("replayed").resolve("data")));
    PortfolioRecord replayed = replayStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS);
    DecisionCopies.copy(crashStore, crashed, replayStore, replayed.id());
    CliProcess once =
        RunnerWaits.startWhenLeaseFree(
            keep(launcher("replayed", replayStore, server)),
            replayStore,
            replayed.id(),
            "once",
            List.of(config.toString(), PORTFOLIO, feed.spec(), "0"));
    assertThat(once.awaitExit(RunnerWaits.TIMEOUT)).as(once::describe).isZero();
    assertThat(server.calls()).as("the recorded answers need no model").isEqualTo(callsBefore);

    Books expected = Books.read(replayStore.db(), replayed.id());
    Books actual = Books.read(crashStore.db(), crashed);
    assertThat(expected.fills()).as("the model's answers traded").hasSizeGreaterThan(10);
    Books.assertSame(expected, actual);
  }

  private static Map<String, Integer> questionsPerMoment(List<JsonNode> requests) {
    Map<String, Integer> out = new TreeMap<>();
    requests.forEach(r -> out.merge(Trader.moment(r), 1, Integer::sum));
    return out;
  }

  private CliLauncher launcher(String name, TestStore store, FakeOpenAi server) {
    Map<String, String> env = new HashMap<>(store.env());
    env.put("OPENAI_BASE_URL", server.baseUrl());
    return new CliLauncher(dir.resolve(name), env, LlmRunnerMain.class.getName());
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private static long decisions(TestStore store, PortfolioId p) {
    return store
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM decisions WHERE portfolio_id = :p")
                    .bind("p", p.value())
                    .mapTo(Long.class)
                    .one());
  }
}
