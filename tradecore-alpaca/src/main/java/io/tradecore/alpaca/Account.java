package io.tradecore.alpaca;

import java.math.BigDecimal;
import java.time.Instant;

/** An Alpaca trading account's balances and flags, as {@code GET /v2/account} returns them. */
public record Account(
    String id,
    String accountNumber,
    String status,
    String currency,
    BigDecimal cash,
    BigDecimal buyingPower,
    BigDecimal equity,
    BigDecimal lastEquity,
    BigDecimal longMarketValue,
    BigDecimal shortMarketValue,
    BigDecimal multiplier,
    boolean tradingBlocked,
    boolean accountBlocked,
    boolean shortingEnabled,
    Instant createdAt) {}
