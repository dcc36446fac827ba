package io.tradecore.web.api;

import io.javalin.http.Context;
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.web.Params;
import io.tradecore.web.PortfolioLookup;
import io.tradecore.web.view.EquityPoint;
import io.tradecore.web.view.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A portfolio's history by day: the equity curve with drawdown, and portfolio_days. */
public final class HistoryApi {
  private final Database db;
  private final PortfolioLookup lookup;
  private final DayRepository days = new DayRepository();

  public HistoryApi(Database db, PortfolioLookup lookup) {
    this.db = db;
    this.lookup = lookup;
  }

  /** GET /api/portfolios/{name}/equity?from=&to= (days, inclusive) */
  public void equity(Context ctx) {
    LocalDate from = Params.day(ctx, "from");
    LocalDate to = Params.day(ctx, "to");
    Params.range(from, to);
    PortfolioRecord record = lookup.find(ctx);
    List<DayRepository.Snapshot> snapshots =
        db.jdbi().withHandle(h -> days.snapshots(h, record.id()));
    List<EquityPoint> out = new ArrayList<>();
    BigDecimal peak = record.startingCash();
    for (DayRepository.Snapshot s : snapshots) {
      peak = peak.max(s.equity());
      if (within(s.day(), from, to)) {
        BigDecimal drawdown = s.equity().subtract(peak);
        out.add(
            new EquityPoint(
                s.day(),
                Times.iso(s.time()),
                s.equity(),
                s.cash(),
                s.realizedPnl(),
                s.fees(),
                s.grossExposure(),
                s.fillCount(),
                peak,
                drawdown,
                peak.signum() == 0
                    ? BigDecimal.ZERO
                    : drawdown.divide(peak, 8, RoundingMode.HALF_EVEN)));
      }
    }
    ctx.json(Map.of("equity", out));
  }

  /** GET /api/portfolios/{name}/days?from=&to= */
  public void days(Context ctx) {
    LocalDate from = Params.day(ctx, "from");
    LocalDate to = Params.day(ctx, "to");
    Params.range(from, to);
    PortfolioRecord record = lookup.find(ctx);
    List<DayRepository.Day> out =
        db.jdbi().withHandle(h -> days.days(h, record.id())).stream()
            .filter(d -> within(d.day(), from, to))
            .toList();
    ctx.json(Map.of("days", out));
  }

  private static boolean within(String day, LocalDate from, LocalDate to) {
    LocalDate d = LocalDate.parse(day);
    return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
  }
}
