/** Latency of a portfolio trading the loopback fake Alpaca: bar received to order on the wire. */
package io.tradecore.bench.alpaca;
