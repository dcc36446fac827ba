package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only commands compare the database's schema version with this build's instead of running
 * Flyway, and still refuse a schema that is behind or ahead, saying which.
 */
class SchemaVersionTest {
  @TempDir Path tmp;
  Workdir w;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
    w.ok("init");
  }

  @Test
  void the_bundled_version_is_the_highest_migration_flyway_applies() {
    assertThat(w.query("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history"))
        .containsExactly(SchemaVersion.bundled());
    assertThat(w.run("status", "--portfolio", "main").exitCode()).isZero();
  }

  @Test
  void a_schema_behind_this_build_is_refused_with_what_to_run() throws SQLException {
    sql("DELETE FROM flyway_schema_history WHERE version = '" + SchemaVersion.bundled() + "'");

    Cli.Run status = w.run("status", "--portfolio", "main");

    assertThat(status.exitCode()).isNotZero();
    assertThat(status.err())
        .contains("has schema version", "older than this TradeCore's " + SchemaVersion.bundled())
        .contains("./tradecore db migrate");
  }

  @Test
  void a_schema_ahead_of_this_build_is_refused_as_written_by_a_newer_tradecore()
      throws SQLException {
    sql(
        "UPDATE flyway_schema_history SET version = '99' WHERE version = '"
            + SchemaVersion.bundled()
            + "'");

    Cli.Run status = w.run("status", "--portfolio", "main");

    assertThat(status.exitCode()).isNotZero();
    assertThat(status.err()).contains("has schema version 99, newer than this TradeCore's");
  }

  @Test
  void a_database_without_a_schema_is_refused_with_init() throws SQLException {
    sql("DROP TABLE flyway_schema_history");

    Cli.Run status = w.run("status", "--portfolio", "main");

    assertThat(status.exitCode()).isNotZero();
    assertThat(status.err()).contains("has no current TradeCore schema; run ./tradecore init");
  }

  @Test
  void versions_compare_by_their_numbers() {
    assertThat(SchemaVersion.compare("10", "9")).isPositive();
    assertThat(SchemaVersion.compare("6", "6.0")).isZero();
    assertThat(SchemaVersion.compare("6", "6.1")).isNegative();
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + w.database());
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
