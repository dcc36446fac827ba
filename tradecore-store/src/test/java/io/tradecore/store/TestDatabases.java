package io.tradecore.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests: a SQLite file under the build folder, or a fresh PostgreSQL database on
 * 127.0.0.1:5432 (user postgres). Without PostgreSQL the tests skip with the reason printed, unless
 * TRADECORE_REQUIRE_POSTGRES=1 (set by CI) makes them fail.
 */
public final class TestDatabases {
  public static final String POSTGRES_ADMIN_URL =
      System.getenv()
          .getOrDefault("TRADECORE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

  private TestDatabases() {}

  /** A JDBC URL of a new, empty SQLite file. */
  public static String sqliteUrl() {
    try {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tradecore-db");
      Files.createDirectories(dir);
      return "jdbc:sqlite:" + dir.resolve(UUID.randomUUID() + ".db");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JDBC URL of a new, empty PostgreSQL database; skips (or fails in CI) when unreachable. */
  public static String postgresUrl() {
    String name =
        "tradecore_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String reason =
          "PostgreSQL at " + POSTGRES_ADMIN_URL + " is not reachable: " + e.getMessage();
      if ("1".equals(System.getenv("TRADECORE_REQUIRE_POSTGRES"))) {
        throw new IllegalStateException(reason + " (TRADECORE_REQUIRE_POSTGRES=1)", e);
      }
      System.out.println("SKIPPED: " + reason);
      Assumptions.abort(reason);
    }
    return POSTGRES_ADMIN_URL.substring(0, POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  /** Closes the database and, for PostgreSQL, drops it. */
  public static void dispose(Database db) {
    db.close();
    if (db.dialect() != Dialect.POSTGRESQL) {
      return;
    }
    String url = db.redacted();
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.out.println("could not drop test database " + name + ": " + e.getMessage());
    }
  }

  /** Opens and migrates a fresh database of the dialect. */
  public static Database open(Dialect dialect) {
    String url = dialect == Dialect.SQLITE ? sqliteUrl() : postgresUrl();
    Database db =
        dialect == Dialect.SQLITE
            ? Database.open(url, null, null, 4)
            : Database.open(url, "postgres", null, 4);
    db.migrate();
    return db;
  }
}
