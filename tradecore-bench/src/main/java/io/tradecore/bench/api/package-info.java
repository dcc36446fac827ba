/**
 * The REST API load benchmark run by {@code bench/run api}: a seeded SQLite portfolio, the web
 * server in its own JVM, and wrk (or a Java HTTP client) against the summary and fills endpoints.
 */
package io.tradecore.bench.api;
