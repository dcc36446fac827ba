package io.tradecore.store;

/** The LLM trace contract on PostgreSQL (127.0.0.1:5432). */
class PostgresLlmTraceTest extends LlmTraceContractTest {
  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
