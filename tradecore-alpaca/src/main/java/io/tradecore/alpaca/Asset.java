package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A security Alpaca knows, with whether and in what increments it trades ({@code GET /v2/assets}).
 * The increments are null when Alpaca sends none (whole shares, cent prices).
 */
public record Asset(
    String id,
    @JsonProperty("class") String assetClass,
    String exchange,
    String symbol,
    String name,
    String status,
    boolean tradable,
    boolean marginable,
    boolean shortable,
    boolean easyToBorrow,
    boolean fractionable,
    BigDecimal minOrderSize,
    BigDecimal minTradeIncrement,
    BigDecimal priceIncrement) {}
