package io.tradecore.store;

/** The repository contract on PostgreSQL (127.0.0.1:5432). */
class PostgresStoreTest extends StoreContractTest {
  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
