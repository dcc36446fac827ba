package io.tradecore.alpaca;

import java.math.BigDecimal;

/** An open holding at Alpaca ({@code GET /v2/positions}); {@code qty} is negative for a short. */
public record Position(
    String assetId,
    String symbol,
    String exchange,
    String assetClass,
    BigDecimal avgEntryPrice,
    BigDecimal qty,
    BigDecimal qtyAvailable,
    String side,
    BigDecimal marketValue,
    BigDecimal costBasis,
    BigDecimal unrealizedPl,
    BigDecimal currentPrice,
    BigDecimal lastdayPrice,
    BigDecimal changeToday) {}
