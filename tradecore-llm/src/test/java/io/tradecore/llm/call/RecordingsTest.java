package io.tradecore.llm.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.Requests;
import io.tradecore.llm.cost.TokenUsage;
import io.tradecore.llm.request.PromptRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsTest {
  @TempDir Path dir;

  static final ChatCall CALL =
      ChatCall.of(
          LlmConfig.builder().model("gpt-4o-mini").build(),
          PromptRenderer.render(Requests.request()));

  @Test
  void a_saved_answer_is_found_by_its_request_with_its_usage() throws Exception {
    Recordings recordings = new Recordings(dir.resolve("recordings"));
    ChatReply reply =
        new ChatReply(
            "{\"decisions\":[]}", "gpt-4o-mini-2024-07-18", new TokenUsage(1500, 9), "stop");

    Path file = recordings.save(CALL, reply);

    assertThat(file.getFileName().toString()).isEqualTo(CALL.sha256() + ".json");
    assertThat(recordings.find(CALL)).hasValue(reply);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void a_damaged_recording_is_an_error_naming_the_file() throws Exception {
    Recordings recordings = new Recordings(dir);
    Files.writeString(recordings.file(CALL.sha256()), "{\"content\": 42}");

    assertThatThrownBy(() -> recordings.find(CALL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(recordings.file(CALL.sha256()).toString())
        .hasMessageContaining("has no text 'content'");
  }
}
