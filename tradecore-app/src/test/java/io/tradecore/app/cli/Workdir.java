package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A test's TradeCore data directory (TRADECORE_DATA_DIR in the environment the commands get), with
 * helpers to run commands in it, write feeds and fill files, and fingerprint its database.
 */
final class Workdir {
  final Path root;
  final Path dataDir;
  final Map<String, String> env;

  Workdir(Path root) {
    this.root = root;
    this.dataDir = root.resolve("data");
    this.env = Map.of("TRADECORE_DATA_DIR", dataDir.toString());
  }

  Path database() {
    return dataDir.resolve("tradecore.db");
  }

  Cli.Run run(String... args) {
    return Cli.run(env, args);
  }

  /** Runs a command that must succeed, and returns its stdout. */
  String ok(String... args) {
    Cli.Run run = run(args);
    assertThat(run.exitCode()).as("%s%n%s", String.join(" ", args), run.err()).isZero();
    return run.out();
  }

  JsonNode status(String portfolio) {
    return OutputFiles.json(ok("status", "--portfolio", portfolio, "--json"));
  }

  /**
   * A Yahoo file of {@code days} weekday bars that zigzag (up four days, down four) around 100, so
   * a fast sma-cross trades several times.
   */
  Path zigzagFeed(String symbol, int days) {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
    LocalDate day = LocalDate.of(2024, 1, 1);
    double close = 100;
    for (int i = 0; i < days; i++) {
      while (day.getDayOfWeek().getValue() > 5) {
        day = day.plusDays(1);
      }
      double open = close;
      close = open + ((i / 4) % 2 == 0 ? 1.5 : -1.5);
      csv.append(
          String.format(
              java.util.Locale.ROOT,
              "%s,%.2f,%.2f,%.2f,%.2f,%.2f,100000%n",
              day,
              open,
              Math.max(open, close) + 0.5,
              Math.min(open, close) - 0.5,
              close,
              close));
      day = day.plusDays(1);
    }
    return write(symbol + ".csv", csv.toString());
  }

  Path write(String name, String text) {
    try {
      Path file = root.resolve(name);
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files of the data directory, the SHA-256 of the database file and the row count of every
   * table: equal fingerprints mean the database was left untouched.
   */
  String fingerprint() {
    if (!Files.exists(dataDir)) {
      return "no data directory";
    }
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(dataDir)) {
      files.map(p -> p.getFileName().toString()).sorted().forEach(f -> out.append(f).append('\n'));
      if (Files.exists(database())) {
        out.append(
                HexFormat.of()
                    .formatHex(
                        MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(database()))))
            .append('\n')
            .append(rowCounts());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** The rows {@code sql} selects from the database, each as its columns joined by commas. */
  List<String> query(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(String.join(",", row));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Table name to row count. Read through a plain connection, which (unlike a read-only one)
   * removes SQLite's -wal and -shm files again when it closes.
   */
  Map<String, Long> rowCounts() {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database());
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      Map<String, Long> counts = new TreeMap<>();
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
