package io.tradecore.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * One in-process, in-memory DuckDB database with bounded memory and threads; each query runs on its
 * own connection duplicated from it, so concurrent queries share the memory limit.
 */
final class DuckDb implements AutoCloseable {
  private final DuckDBConnection root;

  DuckDb(Path tempDir, String memoryLimit, int threads) {
    try {
      Files.createDirectories(tempDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = root.createStatement()) {
        s.execute("SET memory_limit = " + Sql.literal(memoryLimit));
        s.execute("SET threads = " + threads);
        s.execute("SET temp_directory = " + Sql.path(tempDir));
        // Queries order their results explicitly; this lets scans and COPY stream in parallel.
        s.execute("SET preserve_insertion_order = false");
        // Parquet footers are parsed once, not on every query.
        s.execute("SET parquet_metadata_cache = true");
        // Progress is polled from Java while a cache builds; nothing is printed.
        s.execute("SET enable_progress_bar = true");
        s.execute("SET enable_progress_bar_print = false");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  /** A new connection to the database; close it after the query. */
  Connection connect() throws SQLException {
    return root.duplicate();
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
