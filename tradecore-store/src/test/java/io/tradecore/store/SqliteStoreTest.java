package io.tradecore.store;

/** The repository contract on a SQLite file. */
class SqliteStoreTest extends StoreContractTest {
  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
