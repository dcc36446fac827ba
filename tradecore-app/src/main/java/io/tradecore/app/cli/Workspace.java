package io.tradecore.app.cli;

import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration and database a command works on. Commands that trade or read a portfolio
 * require an initialised database and never create or migrate one behind the user's back, so a
 * mistake leaves the database untouched.
 */
public final class Workspace implements AutoCloseable {
  private final TradeCoreConfig config;
  private final Database db;

  private Workspace(TradeCoreConfig config, Database db) {
    this.config = config;
    this.db = db;
  }

  /**
   * Loads the configuration and opens the database.
   *
   * @param requireInitialized fail (without touching anything) unless the database exists with a
   *     current schema
   */
  public static Workspace open(
      Path configFile, Map<String, String> env, boolean requireInitialized) {
    TradeCoreConfig config = TradeCoreConfig.load(configFile, env, Path.of("").toAbsolutePath());
    String url = config.database().url();
    if (requireInitialized && Dialect.of(url) == Dialect.SQLITE) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "no database at " + file.toAbsolutePath() + "; run ./tradecore init first");
      }
    }
    Database db =
        Database.open(
            url,
            config.database().user(),
            config.database().password(),
            config.database().poolSize());
    if (requireInitialized && !db.isCurrent()) {
      String where = db.redacted();
      db.close();
      throw new IllegalStateException(
          "the database "
              + where
              + " has no current TradeCore schema; run ./tradecore init (or ./tradecore db migrate)");
    }
    return new Workspace(config, db);
  }

  public TradeCoreConfig config() {
    return config;
  }

  public Database db() {
    return db;
  }

  @Override
  public void close() {
    db.close();
  }
}
