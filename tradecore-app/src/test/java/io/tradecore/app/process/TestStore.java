package io.tradecore.app.process;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import io.tradecore.store.RunRepository;
import io.tradecore.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database that a test prepares in-process (schema and portfolio) before runner processes use it,
 * and then watches: the committed feed position, the lease and the runs.
 */
final class TestStore implements AutoCloseable {
  private final String name;
  private final Database db;
  private final Map<String, String> env;

  private TestStore(String name, Database db, Map<String, String> env) {
    this.name = name;
    this.db = db;
    this.env = env;
  }

  /** A new SQLite database in its default place, {@code dataDir/tradecore.db}. */
  static TestStore sqlite(Path dataDir) {
    String url = "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("tradecore.db");
    Database db = Database.open(url, null, null, 2);
    db.migrate();
    return new TestStore(
        "SQLite " + url, db, Map.of("TRADECORE_DATA_DIR", dataDir.toAbsolutePath().toString()));
  }

  /**
   * A new PostgreSQL database on 127.0.0.1:5432; aborts the test (printing why) when PostgreSQL is
   * unreachable, unless TRADECORE_REQUIRE_POSTGRES=1 makes that a failure.
   */
  static TestStore postgres() {
    String url = TestDatabases.postgresUrl();
    Database db = Database.open(url, "postgres", null, 2);
    db.migrate();
    return new TestStore(
        "PostgreSQL " + url, db, Map.of("TRADECORE_DB_URL", url, "TRADECORE_DB_USER", "postgres"));
  }

  /** The variables that point a runner process at this database. */
  Map<String, String> env() {
    return env;
  }

  Database db() {
    return db;
  }

  PortfolioRecord createPortfolio(String portfolio, PortfolioSettings settings) {
    return new Portfolios(db).create(portfolio, settings, Clock.systemUTC());
  }

  /** The last feed event the portfolio committed, or -1 before the first. */
  long feedPosition(PortfolioId p) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COALESCE(MAX(position), -1) FROM feed_positions"
                            + " WHERE portfolio_id = :p")
                    .bind("p", p.value())
                    .mapTo(Long.class)
                    .one());
  }

  /** The single number {@code sql} selects, with {@code :p} bound to the portfolio's id. */
  long count(String sql, PortfolioId p) {
    return db.jdbi()
        .withHandle(h -> h.createQuery(sql).bind("p", p.value()).mapTo(Long.class).one());
  }

  Optional<LeaseRepository.Holder> lease(PortfolioId p) {
    return db.jdbi().withHandle(h -> new LeaseRepository().holder(h, p));
  }

  List<RunRecord> runs(PortfolioId p) {
    return db.jdbi().withHandle(h -> new RunRepository().all(h, p));
  }

  @Override
  public void close() {
    TestDatabases.dispose(db);
  }

  @Override
  public String toString() {
    return name;
  }
}
