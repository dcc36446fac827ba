package io.tradecore.app.cli;

import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration and database a command works on. Commands that trade or read a portfolio
 * require an initialised database and never create or migrate one behind the user's back, so a
 * mistake leaves the database untouched.
 */
public final class Workspace implements AutoCloseable {
  /** What a command needs of the database before it may open it. */
  public enum Need {
    /** Create the database (a SQLite file and its folder) if it is missing. */
    CREATE,
    /** The database must exist; its schema may be behind. */
    EXISTING,
    /**
     * The database must exist with every migration of this build applied and none newer (a version
     * compare, see {@link SchemaVersion}).
     */
    CURRENT
  }

  private final TradeCoreConfig config;
  private final Database db;

  private Workspace(TradeCoreConfig config, Database db) {
    this.config = config;
    this.db = db;
  }

  /** Loads the configuration from {@code --config}, TRADECORE_CONFIG or ./tradecore.yaml. */
  public static TradeCoreConfig config(Path configFile, Map<String, String> env) {
    return TradeCoreConfig.load(configFile, env, Path.of("").toAbsolutePath());
  }

  /**
   * Loads the configuration and opens the database.
   *
   * @param requireInitialized fail (without touching anything) unless the database exists with a
   *     current schema
   */
  public static Workspace open(
      Path configFile, Map<String, String> env, boolean requireInitialized) {
    return open(config(configFile, env), requireInitialized ? Need.CURRENT : Need.CREATE);
  }

  /** Opens the configured database, failing without touching anything unless it meets the need. */
  public static Workspace open(TradeCoreConfig config, Need need) {
    String url = config.database().url();
    if (need != Need.CREATE) {
      Optional<Path> file = sqliteFile(url);
      if (file.isPresent() && !Files.isRegularFile(file.get())) {
        throw new IllegalStateException(
            "no database at " + file.get().toAbsolutePath() + "; run ./tradecore init first");
      }
    }
    Database db =
        Database.open(
            url,
            config.database().user(),
            config.database().password(),
            config.database().poolSize());
    if (need == Need.CURRENT) {
      String problem = SchemaVersion.problem(db);
      if (problem != null) {
        db.close();
        throw new IllegalStateException(problem);
      }
    }
    return new Workspace(config, db);
  }

  /** The file of a {@code jdbc:sqlite:} URL, or empty for other databases and in-memory ones. */
  public static Optional<Path> sqliteFile(String url) {
    Dialect.of(url); // an unsupported URL is an error, not "no file"
    return Database.sqliteFile(url);
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
