package io.tradecore.llm.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecore.llm.cost.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recorded responses in a folder, one JSON file per request named by the request's SHA-256 ({@code
 * <sha256>.json}), holding the answer, its usage and, for people, the request itself. A file is
 * written whole or not at all (temporary file, then a rename). Thread-safe.
 */
public final class Recordings {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path dir;

  public Recordings(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  /** The file a request's answer is (or would be) recorded in. */
  public Path file(String sha256) {
    if (!HASH.matcher(sha256).matches()) {
      throw new IllegalArgumentException("'" + sha256 + "' is not a SHA-256 in hex");
    }
    return dir.resolve(sha256 + ".json");
  }

  /**
   * The answer recorded for {@code call}, or empty when there is none.
   *
   * @throws IllegalStateException naming the file when it cannot be read or is not a recording
   */
  public Optional<ChatReply> find(ChatCall call) {
    Path file = file(call.sha256());
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      JsonNode content = root.get("content");
      if (content == null || !content.isTextual()) {
        throw new IllegalStateException("recording " + file + " has no text 'content'");
      }
      JsonNode input = root.get("input_tokens");
      JsonNode output = root.get("output_tokens");
      TokenUsage usage =
          input == null || output == null || !input.canConvertToLong() || !output.canConvertToLong()
              ? null
              : new TokenUsage(input.longValue(), output.longValue());
      return Optional.of(
          new ChatReply(
              content.textValue(),
              text(root, "reported_model"),
              usage,
              text(root, "finish_reason")));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read recording " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records {@code reply} as the answer to {@code call}, replacing an earlier recording.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public Path save(ChatCall call, ChatReply reply) {
    Path file = file(call.sha256());
    ObjectNode root = JSON.createObjectNode();
    root.put("request_sha256", call.sha256());
    root.put("model", call.model());
    root.put("reported_model", reply.reportedModel());
    root.put("content", reply.content());
    if (reply.usage() != null) {
      root.put("input_tokens", reply.usage().inputTokens());
      root.put("output_tokens", reply.usage().outputTokens());
    }
    root.put("finish_reason", reply.finishReason());
    try {
      root.set("request", JSON.readTree(call.canonicalJson()));
      Files.createDirectories(dir);
      Path temporary = Files.createTempFile(dir, call.sha256(), ".tmp");
      Files.writeString(temporary, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a recording as JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save recording " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode value = root.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
