package io.tradecore.llm;

import static io.tradecore.llm.Answers.adjust;
import static io.tradecore.llm.Answers.of;
import static io.tradecore.llm.Answers.open;
import static io.tradecore.llm.Requests.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.RunId;
import io.tradecore.llm.FakeOpenAi.Completion;
import io.tradecore.llm.call.ChatCall;
import io.tradecore.llm.call.ChatEndpoint;
import io.tradecore.llm.call.OpenAiEndpoint;
import io.tradecore.llm.call.Recordings;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.request.DecisionRequest;
import io.tradecore.llm.request.PromptRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReplayTest {
  static final ChatEndpoint NEVER_CALLED =
      call -> {
        throw new AssertionError("replay must not call the model");
      };

  @TempDir Path recordings;
  FakeOpenAi server;

  @BeforeEach
  void startServer() throws Exception {
    server = new FakeOpenAi();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  List<DecisionRequest> threeMoments(RunId run) {
    List<DecisionRequest> requests = new ArrayList<>();
    for (int day = 0; day < 3; day++) {
      requests.add(Requests.request(Requests.MOMENT.plus(Duration.ofDays(day)), run));
    }
    return requests;
  }

  List<LlmAnswer> run(LlmConfig config, ChatEndpoint endpoint, List<DecisionRequest> requests)
      throws Exception {
    try (LlmDecider decider =
        new LlmDecider(config, endpoint, SpendingCap.of(d("5"), null, "USD"), TestConfigs.CLOCK)) {
      List<LlmAnswer> answers = new ArrayList<>();
      for (DecisionRequest request : requests) {
        answers.add(decider.decide(request).get(30, TimeUnit.SECONDS));
      }
      return answers;
    }
  }

  @Test
  void a_recorded_run_replays_to_the_same_decisions_every_time() throws Exception {
    server.then(
        new Completion(of(open("ORCL", "buy", "10", "market", null, "95.5", "110", "a")), 2100, 50),
        new Completion(of(adjust("plan-1", "97", null, "b")), 2100, 30),
        new Completion(of(open("AAPL", "buy", "900", "market", null, "180", null, "c")), 2100, 40));
    LlmConfig record = TestConfigs.config(server, recordings).mode(LlmMode.RECORD).build();
    LlmConfig replay = record.toBuilder().mode(LlmMode.REPLAY).build();

    List<LlmAnswer> recorded = run(record, new OpenAiEndpoint(record), threeMoments(Requests.RUN));
    // another run (its own run id) replays twice, without a server
    List<LlmAnswer> first = run(replay, NEVER_CALLED, threeMoments(new RunId("run-2")));
    List<LlmAnswer> second = run(replay, NEVER_CALLED, threeMoments(new RunId("run-3")));

    assertThat(server.calls()).isEqualTo(3);
    try (var files = Files.list(recordings)) {
      assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(3);
    }
    for (List<LlmAnswer> replayed : List.of(first, second)) {
      assertThat(replayed)
          .extracting(LlmAnswer::decisions)
          .isEqualTo(recorded.stream().map(LlmAnswer::decisions).toList());
      assertThat(replayed)
          .extracting(LlmAnswer::refusals)
          .isEqualTo(recorded.stream().map(LlmAnswer::refusals).toList());
      assertThat(replayed)
          .extracting(LlmAnswer::outcome)
          .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.REFUSED);
      assertThat(replayed)
          .extracting(a -> a.trace().cost())
          .isEqualTo(recorded.stream().map(a -> a.trace().cost()).toList());
      assertThat(replayed).extracting(a -> a.trace().mode()).containsOnly(LlmMode.REPLAY);
      assertThat(replayed)
          .extracting(a -> a.trace().requestHash())
          .isEqualTo(recorded.stream().map(a -> a.trace().requestHash()).toList());
    }
  }

  @Test
  void replay_of_a_missing_recording_fails_naming_the_moment_hash_and_folder() throws Exception {
    LlmConfig replay = TestConfigs.config(server, recordings).mode(LlmMode.REPLAY).build();
    String hash = ChatCall.of(replay, PromptRenderer.render(Requests.request())).sha256();

    try (LlmDecider decider =
        new LlmDecider(
            replay, NEVER_CALLED, SpendingCap.of(d("5"), null, "USD"), TestConfigs.CLOCK)) {
      assertThatThrownBy(() -> decider.decide(Requests.request()).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(MissingRecordingException.class)
          .hasMessageContaining("no recorded answer for the request at 2024-06-03T00:00:00Z")
          .hasMessageContaining("request sha256 " + hash)
          .hasMessageContaining(new Recordings(recordings).file(hash).toString())
          .hasMessageContaining("llm.mode: record");
    }
  }

  @Test
  void replay_may_hold_on_a_missing_recording_instead() throws Exception {
    LlmConfig replay =
        TestConfigs.config(server, recordings)
            .mode(LlmMode.REPLAY)
            .onMissingRecording(MissingRecording.HOLD)
            .build();

    LlmAnswer answer = run(replay, NEVER_CALLED, List.of(Requests.request())).get(0);

    assertThat(answer.outcome()).isEqualTo(Outcome.HELD);
    assertThat(answer.reason()).startsWith("no recorded answer for the request at 2024-06-03");
    assertThat(answer.decisions()).isEmpty();
  }

  @Test
  void a_different_model_or_seed_does_not_find_the_recording() throws Exception {
    LlmConfig config = TestConfigs.config(server, recordings).build();
    var prompt = PromptRenderer.render(Requests.request());
    String hash = ChatCall.of(config, prompt).sha256();

    assertThat(ChatCall.of(config.toBuilder().model("gpt-4o").build(), prompt).sha256())
        .isNotEqualTo(hash);
    assertThat(ChatCall.of(config.toBuilder().seed(8).build(), prompt).sha256()).isNotEqualTo(hash);
    assertThat(ChatCall.of(config.toBuilder().maxCost(d("9")).build(), prompt).sha256())
        .isEqualTo(hash);
  }
}
