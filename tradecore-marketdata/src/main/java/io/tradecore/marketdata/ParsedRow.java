package io.tradecore.marketdata;

import java.time.Instant;

/**
 * One valid CSV row with exact prices in units of 10^-{@link CsvRowParser#MAX_DECIMALS}, before the
 * file's price scale is known.
 *
 * @param decimals the most decimals any of the row's prices has
 */
record ParsedRow(
    Instant time, long open, long high, long low, long close, double volume, int decimals) {}
