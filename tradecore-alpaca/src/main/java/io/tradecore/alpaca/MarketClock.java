package io.tradecore.alpaca;

import java.time.Instant;

/** Alpaca's view of the US equity session, as {@code GET /v2/clock} returns it. */
public record MarketClock(Instant timestamp, boolean isOpen, Instant nextOpen, Instant nextClose) {}
