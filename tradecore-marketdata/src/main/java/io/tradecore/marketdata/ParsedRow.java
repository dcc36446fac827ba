package io.tradecore.marketdata;

import java.math.BigDecimal;
import java.time.Instant;

/** One valid CSV row with exact prices, before the file's price scale is known. */
record ParsedRow(
    Instant time,
    BigDecimal open,
    BigDecimal high,
    BigDecimal low,
    BigDecimal close,
    double volume,
    int decimals) {}
