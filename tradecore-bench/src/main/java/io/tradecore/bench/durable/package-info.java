/** Benchmarks of the durable runner: replays, daily logs. */
package io.tradecore.bench.durable;
