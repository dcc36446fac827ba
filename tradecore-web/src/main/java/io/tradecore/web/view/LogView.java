package io.tradecore.web.view;

import io.tradecore.store.Codec;
import io.tradecore.store.DailyLogRepository;
import java.math.BigDecimal;
import java.util.List;

/**
 * A day's performance log: figures, tier, counts, market status, the observations (parsed: code,
 * message, facts) and the person's sections.
 */
public record LogView(
    String day,
    BigDecimal accountValue,
    BigDecimal dailyPnl,
    BigDecimal dailyReturn,
    BigDecimal totalPnl,
    String tier,
    long trades,
    long signals,
    long warnings,
    long errors,
    String marketStatus,
    List<Object> observations,
    String marketContext,
    String lessons,
    String focus,
    String notes,
    String generated) {

  public static LogView of(DailyLogRepository.Row r) {
    return new LogView(
        r.day(),
        r.accountValue(),
        r.dailyPnl(),
        r.dailyReturn(),
        r.totalPnl(),
        r.tier(),
        r.trades(),
        r.signals(),
        r.warnings(),
        r.errors(),
        r.marketStatus(),
        Codec.readList(r.observationsJson()),
        r.marketContext(),
        r.lessons(),
        r.focus(),
        r.notes(),
        Times.iso(r.generatedAt()));
  }
}
