package io.tradecore.llm.call;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import io.tradecore.llm.AnswerFormat;
import io.tradecore.llm.ApiKey;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.answer.AnswerSchema;
import java.net.ConnectException;
import java.util.Locale;

/**
 * An OpenAI-compatible chat-completions server ({@code POST {base}/chat/completions}) through
 * LangChain4j's OpenAI client on the JDK's HTTP client: OpenAI, Ollama's {@code /v1}, vLLM and the
 * like. One attempt per call (LangChain4j's own retries are off); failures become {@link
 * ChatFailure}s with the key scrubbed from their text. Thread-safe.
 */
public final class OpenAiEndpoint implements ChatEndpoint {
  private static final int MAX_BODY_CHARS = 500;

  private final OpenAiChatModel model;
  private final ApiKey apiKey;

  public OpenAiEndpoint(LlmConfig config) {
    this.apiKey = config.apiKey();
    this.model =
        OpenAiChatModel.builder()
            .httpClientBuilder(JdkHttpClient.builder())
            .baseUrl(config.baseUrl())
            .apiKey(apiKey.isPresent() ? apiKey.reveal() : null)
            .timeout(config.timeout())
            .maxRetries(0)
            .strictJsonSchema(config.answerFormat() == AnswerFormat.JSON_SCHEMA)
            .logRequests(false)
            .logResponses(false)
            .build();
  }

  @Override
  public ChatReply complete(ChatCall call) {
    ChatResponse response;
    try {
      response = model.chat(request(call));
    } catch (RuntimeException e) {
      throw failure(e);
    }
    String content = response.aiMessage() == null ? null : response.aiMessage().text();
    if (content == null) {
      throw new ChatFailure(ChatFailure.Kind.BAD_RESPONSE, "the answer has no text content");
    }
    TokenUsage usage = response.metadata().tokenUsage();
    return new ChatReply(
        content,
        response.metadata().modelName(),
        usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null
            ? null
            : new io.tradecore.llm.cost.TokenUsage(
                usage.inputTokenCount(), usage.outputTokenCount()),
        response.metadata().finishReason() == null
            ? null
            : response.metadata().finishReason().name().toLowerCase(Locale.ROOT));
  }

  private static ChatRequest request(ChatCall call) {
    OpenAiChatRequestParameters.Builder parameters =
        OpenAiChatRequestParameters.builder()
            .modelName(call.model())
            .maxOutputTokens(call.maxOutputTokens())
            .seed(call.seed());
    if (call.temperature() != null) {
      parameters.temperature(call.temperature().doubleValue());
    }
    switch (call.format()) {
      case JSON_SCHEMA ->
          parameters.responseFormat(
              ResponseFormat.builder()
                  .type(ResponseFormatType.JSON)
                  .jsonSchema(
                      JsonSchema.builder()
                          .name(AnswerSchema.NAME)
                          .rootElement(JsonRawSchema.from(AnswerSchema.JSON))
                          .build())
                  .build());
      case JSON_OBJECT -> parameters.responseFormat(ResponseFormat.JSON);
      case PROMPT_ONLY -> {
        // the prompt alone asks for JSON
      }
    }
    return ChatRequest.builder()
        .messages(
            SystemMessage.from(call.prompt().system()), UserMessage.from(call.prompt().user()))
        .parameters(parameters.build())
        .build();
  }

  private ChatFailure failure(RuntimeException e) {
    HttpException http = find(e, HttpException.class);
    String status = http == null ? "" : "HTTP " + http.statusCode() + ": ";
    String body = http == null ? String.valueOf(e.getMessage()) : http.getMessage();
    String detail = apiKey.redact(status + shorten(body));
    ChatFailure.Kind kind =
        switch (e) {
          case TimeoutException t -> ChatFailure.Kind.TIMEOUT;
          case RateLimitException r -> ChatFailure.Kind.RATE_LIMITED;
          case InternalServerException s -> ChatFailure.Kind.SERVER_ERROR;
          case AuthenticationException a -> ChatFailure.Kind.REJECTED;
          case InvalidRequestException i -> ChatFailure.Kind.REJECTED;
          case ModelNotFoundException m -> ChatFailure.Kind.REJECTED;
          default ->
              find(e, ConnectException.class) != null
                  ? ChatFailure.Kind.UNREACHABLE
                  : find(e, java.io.IOException.class) != null
                      ? ChatFailure.Kind.CONNECTION_LOST
                      : ChatFailure.Kind.BAD_RESPONSE;
        };
    String what =
        switch (kind) {
          case TIMEOUT -> "no answer within the timeout";
          case RATE_LIMITED -> "rate limited";
          case SERVER_ERROR -> "server error";
          case REJECTED -> "request rejected";
          case UNREACHABLE -> "server unreachable";
          case CONNECTION_LOST -> "connection lost";
          case BAD_RESPONSE -> "unreadable response";
        };
    return new ChatFailure(kind, what + " (" + detail + ")");
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_BODY_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_BODY_CHARS) + "...";
  }
}
