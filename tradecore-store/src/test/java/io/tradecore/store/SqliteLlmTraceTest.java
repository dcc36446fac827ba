package io.tradecore.store;

/** The LLM trace contract on a SQLite file. */
class SqliteLlmTraceTest extends LlmTraceContractTest {
  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
