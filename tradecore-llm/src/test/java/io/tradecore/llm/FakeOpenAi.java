package io.tradecore.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A loopback server speaking OpenAI's chat-completions protocol: {@code POST /v1/chat/completions}
 * answered from a script of completions (with {@code usage}), error bodies, or hangs until
 * released. It keeps every request body and Authorization header it received.
 */
public final class FakeOpenAi implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One scripted answer. */
  public sealed interface Reply {}

  /** A completion whose message content is {@code content}, with its usage. */
  public record Completion(String content, long promptTokens, long completionTokens)
      implements Reply {}

  /** An error status with OpenAI's error body. */
  public record Failure(int status, String type, String message) implements Reply {}

  /** No answer until {@link #releaseHangs()}; then a 500. */
  public record Hang() implements Reply {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch hanging = new CountDownLatch(1);
  private Reply fallback;
  private Function<JsonNode, Reply> responder;

  public FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Answers the next requests with {@code replies}, in order. */
  public synchronized FakeOpenAi then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** Answers every request past the script with {@code reply}. */
  public synchronized FakeOpenAi always(Reply reply) {
    fallback = reply;
    return this;
  }

  /** Answers every request past the script with what {@code answer} makes of its body. */
  public synchronized FakeOpenAi respond(Function<JsonNode, Reply> answer) {
    responder = answer;
    return this;
  }

  /** The user message of a request body: the moment's data. */
  public static String userMessage(JsonNode request) {
    for (JsonNode message : request.path("messages")) {
      if (message.path("role").asText().equals("user")) {
        return message.path("content").asText();
      }
    }
    return "";
  }

  public synchronized int calls() {
    return requests.size();
  }

  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Waits until a request is hanging; false after 10 seconds without one. */
  public boolean awaitHang() throws InterruptedException {
    return hanging.await(10, TimeUnit.SECONDS);
  }

  public void releaseHangs() {
    released.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Reply reply;
      Function<JsonNode, Reply> answer;
      synchronized (this) {
        requests.add(body);
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        reply = script.isEmpty() ? fallback : script.poll();
        answer = responder;
      }
      if (reply == null && answer != null) {
        reply = answer.apply(body); // outside the lock: a responder may take its time
      }
      switch (reply) {
        case null -> respond(exchange, 500, error("server_error", "the script ran out"));
        case Completion c -> respond(exchange, 200, completion(body, c));
        case Failure f -> respond(exchange, f.status(), error(f.type(), f.message()));
        case Hang h -> {
          hanging.countDown();
          try {
            released.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 500, error("server_error", "released"));
        }
      }
    } catch (IOException e) {
      // the client gave up (a timeout); nothing to answer
    }
  }

  private static String completion(JsonNode request, Completion c) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-test");
    root.put("object", "chat.completion");
    root.put("created", 1717372800L);
    root.put("model", request.path("model").asText() + "-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", c.content());
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", c.promptTokens());
    usage.put("completion_tokens", c.completionTokens());
    usage.put("total_tokens", c.promptTokens() + c.completionTokens());
    root.put("system_fingerprint", "fp_test");
    return root.toString();
  }

  private static String error(String type, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    error.put("code", type);
    return root.toString();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
