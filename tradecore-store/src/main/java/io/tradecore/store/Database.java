package io.tradecore.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * A connection pool to TradeCore's database, SQLite (one file, WAL mode, foreign keys on, writes in
 * IMMEDIATE transactions, full fsync) or PostgreSQL, with its versioned migrations.
 */
public final class Database implements AutoCloseable {
  /** SQLite's durability on every connection: a commit waits until it is on the disk. */
  private static final String SQLITE_SYNCHRONOUS = "FULL";

  /**
   * How long a PostgreSQL session may sit idle inside a transaction before the server ends it: a
   * runner paused mid-commit (a GC, SIGSTOP) then releases its locks, so it cannot stall the runner
   * that takes over.
   */
  public static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(10);

  /** How long a PostgreSQL statement waits for a row lock before it fails (and is retried). */
  public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

  private final String url;
  private final Dialect dialect;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(String url, Dialect dialect, HikariDataSource dataSource) {
    this.url = url;
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Opens a pool; nothing is created or migrated yet.
   *
   * @throws StoreException if the URL is not a SQLite or PostgreSQL JDBC URL
   */
  public static Database open(String url, String user, String password, int poolSize) {
    Dialect dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("tradecore");
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(10_000);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    if (dialect == Dialect.POSTGRESQL) {
      config.setConnectionInitSql(
          "SET idle_in_transaction_session_timeout = "
              + IDLE_IN_TRANSACTION.toMillis()
              + "; SET lock_timeout = "
              + LOCK_TIMEOUT.toMillis());
    }
    if (dialect == Dialect.SQLITE) {
      createParentFolder(url);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("busy_timeout", "15000");
      config.addDataSourceProperty("synchronous", SQLITE_SYNCHRONOUS);
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      probeSqlite(url, config.getDataSourceProperties());
    }
    return new Database(url, dialect, new HikariDataSource(config));
  }

  /**
   * Opens one connection as the pool would, so a SQLite file that cannot be opened for writing
   * fails the command at once, saying why: the pool would try again for its whole connection
   * timeout and then only say that no connection was available. A locked file is left to the pool,
   * which waits for it.
   */
  private static void probeSqlite(String url, Properties properties) {
    try {
      // Opened and set up: the pool's connections will be too.
      DriverManager.getConnection(url, properties).close();
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
        return;
      }
      Optional<Path> file = sqliteFile(url);
      String where = file.map(Path::toString).orElse(url);
      if (message.contains("SQLITE_READONLY") || file.filter(Database::readOnly).isPresent()) {
        throw new StoreException(
            "the database "
                + where
                + " is read-only: it cannot be written (check the file's and its folder's"
                + " permissions, the file system, and the URL's open mode); "
                + message,
            e);
      }
      throw new StoreException("cannot open the database " + where + ": " + message, e);
    }
  }

  /** True when the file exists but it or its folder cannot be written (WAL writes beside it). */
  private static boolean readOnly(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    return Files.exists(file)
        && (!Files.isWritable(file) || (folder != null && !Files.isWritable(folder)));
  }

  private static void createParentFolder(String url) {
    sqliteFile(url)
        .map(file -> file.toAbsolutePath().getParent())
        .ifPresent(
            parent -> {
              try {
                Files.createDirectories(parent);
              } catch (java.io.IOException e) {
                throw new StoreException(
                    "cannot create the database folder " + parent + ": " + e, e);
              }
            });
  }

  /** The file of a SQLite JDBC URL; empty for an in-memory database or another URL. */
  public static Optional<Path> sqliteFile(String url) {
    if (url == null || !url.startsWith("jdbc:sqlite:")) {
      return Optional.empty();
    }
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return Optional.empty();
    }
    return Optional.of(Paths.get(file));
  }

  /** The file of this database, when it is a SQLite file. */
  public Optional<Path> sqliteFile() {
    return sqliteFile(url);
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }

  /** Applies pending migrations; returns how many were applied. */
  public int migrate() {
    try {
      return flyway().migrate().migrationsExecuted;
    } catch (RuntimeException e) {
      throw new StoreException("migrating " + redacted() + " failed: " + e.getMessage(), e);
    }
  }

  /** Every known migration and whether it is applied. */
  public List<MigrationState> status() {
    try {
      MigrationInfo[] all = flyway().info().all();
      return java.util.Arrays.stream(all)
          .map(
              m ->
                  new MigrationState(
                      m.getVersion() == null ? "" : m.getVersion().getVersion(),
                      m.getDescription(),
                      m.getState().getDisplayName(),
                      m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant()))
          .toList();
    } catch (RuntimeException e) {
      throw new StoreException(
          "reading the schema status of " + redacted() + " failed: " + e.getMessage(), e);
    }
  }

  /** True when every migration has been applied. */
  public boolean isCurrent() {
    return flyway().info().pending().length == 0 && flyway().info().current() != null;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in a transaction whose commit survives the process dying (killed, crashed)
   * without waiting for the disk: SQLite writes it to its write-ahead log with {@code synchronous =
   * NORMAL}, PostgreSQL commits it with {@code synchronous_commit = off}. For a record made durable
   * ahead of a fully synchronous commit that repeats it moments later, where a wait for the disk
   * would sit on a latency-critical path.
   */
  public void useUnsyncedTransaction(HandleConsumer<RuntimeException> work) {
    jdbi.useHandle(
        h -> {
          if (dialect == Dialect.SQLITE) {
            h.execute("PRAGMA synchronous = NORMAL");
            try {
              h.useTransaction(work);
            } finally {
              h.execute("PRAGMA synchronous = " + SQLITE_SYNCHRONOUS);
            }
          } else {
            h.useTransaction(
                tx -> {
                  tx.execute("SET LOCAL synchronous_commit = off");
                  work.useHandle(tx);
                });
          }
        });
  }

  /** The URL without credentials, for messages. */
  public String redacted() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** One migration and its state, for {@code tradecore db status}. */
  public record MigrationState(
      String version, String description, String state, java.time.Instant installedOn) {}
}
