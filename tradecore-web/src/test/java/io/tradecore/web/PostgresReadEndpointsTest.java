package io.tradecore.web;

import io.tradecore.store.Dialect;

/** The read endpoints on PostgreSQL; skipped without it unless TRADECORE_REQUIRE_POSTGRES=1. */
class PostgresReadEndpointsTest extends ReadEndpointsContract {
  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
