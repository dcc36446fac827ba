package io.tradecore.web;

import io.tradecore.store.Dialect;

class SqliteReadEndpointsTest extends ReadEndpointsContract {
  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
