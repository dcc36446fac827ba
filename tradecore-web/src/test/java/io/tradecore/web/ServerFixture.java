package io.tradecore.web;

import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real server on a free port of 127.0.0.1 over a fresh test database seeded with the two
 * portfolios; closing it stops the server and drops the database.
 */
final class ServerFixture implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789abcdef";
  final Database db;
  final Path dir;
  final TradeCoreConfig cfg;
  final WebServer server;

  private ServerFixture(Database db, Path dir, TradeCoreConfig cfg, WebServer server) {
    this.db = db;
    this.dir = dir;
    this.cfg = cfg;
    this.server = server;
  }

  /** The fast-polling test configuration on a free port, without a token. */
  static WebConfig config() {
    return WebConfig.defaults()
        .withPort(0)
        .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(15));
  }

  /** Seeds a fresh database of the dialect and serves it with {@code config}. */
  static ServerFixture start(Dialect dialect, WebConfig config) throws IOException {
    return start(dialect, config, Map.of(), dir -> List.of());
  }

  /**
   * As {@link #start(Dialect, WebConfig)}, with the configuration read with {@code env} and Run
   * Insights over the run roots {@code runs} makes in the fixture's folder.
   */
  static ServerFixture start(
      Dialect dialect, WebConfig config, Map<String, String> env, RunRoots runs)
      throws IOException {
    Database db = TestDatabases.open(dialect);
    try {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "web-" + UUID.randomUUID());
      Files.createDirectories(dir);
      Seed.both(db, dir);
      TradeCoreConfig cfg = TradeCoreConfig.load(null, env, dir);
      WebServer server = WebServer.start(config, db, cfg, Clock.systemUTC(), runs.make(dir));
      return new ServerFixture(db, dir, cfg, server);
    } catch (IOException | RuntimeException e) {
      TestDatabases.dispose(db);
      throw e;
    }
  }

  /** Makes the run roots of a fixture in its folder. */
  interface RunRoots {
    List<Path> make(Path dir) throws IOException;
  }

  /** A client that sends {@code token} (null: none). */
  Http http(String token) {
    return new Http(server.url(), token);
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
