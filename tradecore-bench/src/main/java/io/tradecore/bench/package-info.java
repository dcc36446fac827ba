/** Benchmark harnesses run by {@code bench/run}; plain Java mains, compiled by the build. */
package io.tradecore.bench;
