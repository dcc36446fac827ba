/** Benchmark harnesses for Run Insights, run by {@code bench/run traces}. */
package io.tradecore.insights.bench;
