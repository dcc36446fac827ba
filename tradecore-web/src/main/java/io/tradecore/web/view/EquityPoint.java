package io.tradecore.web.view;

import java.math.BigDecimal;

/**
 * A day's closing equity from its snapshot, with the running peak (starting from the starting cash)
 * and the drawdown from it: {@code drawdown = equity - peak} (0 or negative) and {@code
 * drawdown_ratio = drawdown / peak}.
 */
public record EquityPoint(
    String day,
    String time,
    BigDecimal equity,
    BigDecimal cash,
    BigDecimal realizedPnl,
    BigDecimal fees,
    BigDecimal grossExposure,
    long fills,
    BigDecimal peak,
    BigDecimal drawdown,
    BigDecimal drawdownRatio) {}
