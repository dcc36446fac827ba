package io.tradecore.llm;

import static io.tradecore.llm.Requests.d;

import io.tradecore.llm.call.ChatCall;
import io.tradecore.llm.cost.TokenPrices;
import io.tradecore.llm.request.DecisionRequest;
import io.tradecore.llm.request.PromptRenderer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Configurations for tests against {@link FakeOpenAi}: gpt-4o-mini's prices, no retry waits. */
final class TestConfigs {
  static final String KEY = "sk-test-4f9a8b7c6d5e4f3a2b1c";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-03T21:00:00Z"), ZoneOffset.UTC);

  private TestConfigs() {}

  static LlmConfigBuilder config(FakeOpenAi server, Path recordings) {
    return LlmConfig.builder()
        .baseUrl(server.baseUrl())
        .apiKey(ApiKey.of(KEY))
        .model("gpt-4o-mini")
        .timeout(Duration.ofSeconds(20))
        .maxRetries(2)
        .retryBackoff(Duration.ZERO)
        .seed(7)
        .maxOutputTokens(1000)
        .prices(d("0.15"), d("0.60"))
        .maxCost(d("5"))
        .recordingsDir(recordings);
  }

  /** The worst case of asking about {@code request}: chars/3 rounded up plus the max answer. */
  static BigDecimal worstCase(LlmConfig config, DecisionRequest request) {
    ChatCall call = ChatCall.of(config, PromptRenderer.render(request));
    long chars = call.charsSent();
    long tokens = chars / 3 + (chars % 3 == 0 ? 0 : 1);
    return new TokenPrices(config.priceInputPerMillion(), config.priceOutputPerMillion())
        .cost(tokens, config.maxOutputTokens());
  }
}
