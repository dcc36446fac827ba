package io.tradecore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transaction that waits for no disk flush commits like any other (seen from another pool, undone
 * whole when it fails), and leaves the connection it used as durable as before for the commits that
 * follow.
 */
class UnsyncedTransactionTest {

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void commits_whole_or_not_at_all_and_leaves_the_connection_fully_durable(Dialect dialect) {
    String url =
        dialect == Dialect.SQLITE ? TestDatabases.sqliteUrl() : TestDatabases.postgresUrl();
    String user = dialect == Dialect.SQLITE ? null : "postgres";
    // One connection, so what follows runs on the very connection the transaction used.
    Database db = Database.open(url, user, null, 1);
    try {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE intents (v INTEGER NOT NULL)"));

      db.useUnsyncedTransaction(h -> h.execute("INSERT INTO intents (v) VALUES (1)"));
      assertThatThrownBy(
              () ->
                  db.useUnsyncedTransaction(
                      h -> {
                        h.execute("INSERT INTO intents (v) VALUES (2)");
                        h.execute("INSERT INTO intents (v) VALUES (NULL)");
                      }))
          .isInstanceOf(RuntimeException.class);

      try (Database other = Database.open(url, user, null, 1)) {
        List<Integer> stored =
            other
                .jdbi()
                .withHandle(
                    h -> h.createQuery("SELECT v FROM intents").mapTo(Integer.class).list());
        assertThat(stored).containsExactly(1);
      }
      String durability =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              dialect == Dialect.SQLITE
                                  ? "PRAGMA synchronous"
                                  : "SHOW synchronous_commit")
                          .mapTo(String.class)
                          .one());
      // SQLite's FULL is 2; PostgreSQL's default is on.
      assertThat(durability).isEqualTo(dialect == Dialect.SQLITE ? "2" : "on");
    } finally {
      TestDatabases.dispose(db);
    }
  }
}
