package io.tradecore.web.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.TestDatabases;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real server on a free port of 127.0.0.1 over a fresh SQLite database, with Run Insights over
 * one run root; closing it stops the server and drops the database.
 */
final class InsightsServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Database db;
  private final WebServer server;

  private InsightsServer(Database db, WebServer server) {
    this.db = db;
    this.server = server;
  }

  /** Serves the runs below {@code root}; the configuration's data folder is {@code tmp}/data. */
  static InsightsServer start(Path tmp, Path root) throws IOException {
    Database db = TestDatabases.open(Dialect.SQLITE);
    try {
      Path data = tmp.resolve("data");
      Files.createDirectories(data);
      TradeCoreConfig cfg = TradeCoreConfig.load(null, Map.of(), data);
      WebConfig config =
          WebConfig.defaults()
              .withPort(0)
              .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(15));
      return new InsightsServer(
          db, WebServer.start(config, db, cfg, Clock.systemUTC(), List.of(root)));
    } catch (IOException | RuntimeException e) {
      TestDatabases.dispose(db);
      throw e;
    }
  }

  /** The server's address, ending in a slash. */
  String url() {
    return server.url();
  }

  /** A status and its body as JSON; {@code json} is null when the body is not JSON. */
  record Reply(int status, JsonNode json) {}

  /** GETs {@code path}, which starts with a slash. */
  Reply get(String path) {
    try {
      String base = server.url();
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base.substring(0, base.length() - 1) + path))
              .timeout(Duration.ofSeconds(60))
              .build();
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = JSON.readTree(r.body());
      } catch (IOException e) {
        json = null;
      }
      return new Reply(r.statusCode(), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      TestDatabases.dispose(db);
    }
  }
}
