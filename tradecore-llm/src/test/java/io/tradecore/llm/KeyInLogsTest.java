package io.tradecore.llm;

import static io.tradecore.llm.Answers.hold;
import static io.tradecore.llm.Answers.of;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tradecore.llm.FakeOpenAi.Completion;
import io.tradecore.llm.FakeOpenAi.Failure;
import io.tradecore.llm.call.OpenAiEndpoint;
import io.tradecore.llm.cost.SpendingCap;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Everything logged at any level while calling a server, answered or refused, lacks the key. */
class KeyInLogsTest {
  @TempDir Path recordings;

  @Test
  void the_api_key_is_in_no_log_line_even_at_trace_level() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    try (FakeOpenAi server = new FakeOpenAi()) {
      server.then(
          new Completion(of(hold("wait")), 1500, 10),
          new Failure(401, "invalid_api_key", "Incorrect API key provided: " + TestConfigs.KEY));
      LlmConfig config = TestConfigs.config(server, recordings).maxRetries(0).build();
      try (LlmDecider decider =
          new LlmDecider(
              config,
              new OpenAiEndpoint(config),
              SpendingCap.of(config.maxCost(), null, "USD"),
              TestConfigs.CLOCK)) {
        LlmAnswer answered = decider.decide(Requests.request()).get(30, TimeUnit.SECONDS);
        LlmAnswer refused = decider.decide(Requests.request()).get(30, TimeUnit.SECONDS);
        LoggerFactory.getLogger(KeyInLogsTest.class)
            .info("apiKey {}, {}: {}", config.apiKey(), answered.outcome(), refused.reason());
        assertThat(config.toString() + answered + refused)
            .doesNotContain(TestConfigs.KEY.substring(0, 12));
      }
    } finally {
      root.detachAppender(appender);
      root.setLevel(before);
    }

    assertThat(appender.list).isNotEmpty();
    assertThat(appender.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(message -> message.contains(TestConfigs.KEY.substring(0, 12)));
  }
}
