package io.tradecore.app.cli;

import io.tradecore.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schema check of the commands that only use a database: the highest migration applied (from
 * Flyway's history table, one query) against the highest one this build carries (the names of its
 * {@code db/migration/V<version>__*.sql} files), instead of Flyway's full scan and validation,
 * which {@code init} and {@code db migrate} still do.
 */
final class SchemaVersion {
  private static final String FOLDER = "db/migration";
  private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

  private SchemaVersion() {}

  /**
   * Null when the database's schema is the one this build expects; otherwise why not, for the user
   * (not initialised, behind, or written by a newer TradeCore).
   */
  static String problem(Database db) {
    String bundled = bundled();
    Optional<String> applied;
    try {
      applied =
          db
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select version from flyway_schema_history where success")
                          .mapTo(String.class)
                          .list())
              .stream()
              .filter(v -> v != null && !v.isEmpty())
              .max(SchemaVersion::compare);
    } catch (RuntimeException e) {
      applied = Optional.empty(); // no history table: never initialised
    }
    String where = db.redacted();
    if (applied.isEmpty()) {
      return "the database "
          + where
          + " has no current TradeCore schema; run ./tradecore init (or ./tradecore db migrate)";
    }
    int order = compare(applied.get(), bundled);
    if (order < 0) {
      return "the database "
          + where
          + " has schema version "
          + applied.get()
          + ", older than this TradeCore's "
          + bundled
          + "; run ./tradecore db migrate (or ./tradecore init)";
    }
    if (order > 0) {
      return "the database "
          + where
          + " has schema version "
          + applied.get()
          + ", newer than this TradeCore's "
          + bundled
          + ": a newer TradeCore wrote it; use that version (or a copy of the database made"
          + " before it)";
    }
    return null;
  }

  /** The highest migration version this build carries, e.g. "6". */
  static String bundled() {
    URL url = Database.class.getClassLoader().getResource(FOLDER);
    if (url == null) {
      throw new IllegalStateException("no " + FOLDER + " on the class path");
    }
    List<String> names = new ArrayList<>();
    try {
      if (url.getProtocol().equals("jar")) {
        Enumeration<JarEntry> entries =
            ((JarURLConnection) url.openConnection()).getJarFile().entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.startsWith(FOLDER + "/")) {
            names.add(name.substring(FOLDER.length() + 1));
          }
        }
      } else {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the schema migrations at " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the schema migrations at " + url, e);
    }
    String highest = null;
    for (String name : names) {
      Matcher m = MIGRATION.matcher(name);
      if (m.matches() && (highest == null || compare(m.group(1), highest) > 0)) {
        highest = m.group(1);
      }
    }
    if (highest == null) {
      throw new IllegalStateException("no schema migrations in " + url);
    }
    return highest.replace('_', '.');
  }

  /** Orders versions such as "5", "6" and "6.1" by their numbers. */
  static int compare(String a, String b) {
    String[] x = a.replace('_', '.').split("\\.");
    String[] y = b.replace('_', '.').split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }
}
