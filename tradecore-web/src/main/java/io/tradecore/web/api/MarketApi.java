package io.tradecore.web.api;

import io.javalin.http.Context;
import io.tradecore.core.domain.Instrument;
import io.tradecore.runner.days.TradingDays;
import io.tradecore.store.Database;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.BarQueries;
import io.tradecore.web.ApiException;
import io.tradecore.web.Params;
import io.tradecore.web.PortfolioLookup;
import io.tradecore.web.view.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored market data for the dashboard's price chart: the bars of one symbol. */
public final class MarketApi {
  static final int MAX_LIMIT = 5000;
  static final int DEFAULT_LIMIT = 500;

  private final Database db;
  private final PortfolioLookup lookup;
  private final BarQueries bars = new BarQueries();
  private final InstrumentRepository instruments = new InstrumentRepository();

  public MarketApi(Database db, PortfolioLookup lookup) {
    this.db = db;
    this.lookup = lookup;
  }

  /** One bar as the API shows it: prices at the instrument's scale, its day in the zone. */
  public record BarView(
      String time,
      String day,
      BigDecimal open,
      BigDecimal high,
      BigDecimal low,
      BigDecimal close,
      BigDecimal volume) {}

  /** GET /api/portfolios/{name}/bars?symbol=&from=&to=&limit= */
  public void bars(Context ctx) {
    String symbol = Params.text(ctx, "symbol");
    if (symbol == null) {
      throw ApiException.badParameter("symbol", "symbol is required, e.g. symbol=ACME");
    }
    LocalDate from = Params.day(ctx, "from");
    LocalDate to = Params.day(ctx, "to");
    Params.range(from, to);
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    PortfolioRecord record = lookup.find(ctx);
    ZoneId zone = ZoneId.of(record.timeZone());
    BarQueries.Range range =
        new BarQueries.Range(
            from == null ? null : from.atStartOfDay(zone).toInstant().toEpochMilli(),
            to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(),
            from == null ? null : midnight(from),
            to == null ? null : midnight(to.plusDays(1)));
    List<BarView> out =
        db.jdbi()
            .withHandle(
                h -> {
                  Instrument i = instruments.all(h).get(symbol);
                  if (i == null) {
                    throw ApiException.notFound(
                        "no instrument named '" + Params.shown(symbol) + "'");
                  }
                  return bars.newest(h, symbol, range, limit).stream()
                      .map(r -> view(r, i.priceScale(), zone))
                      .toList();
                });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("symbol", symbol);
    body.put("bars", out);
    ctx.json(body);
  }

  private static long midnight(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static BarView view(BarQueries.Row r, int scale, ZoneId zone) {
    Instant time = Instant.ofEpochMilli(r.timeMs());
    return new BarView(
        Times.iso(time),
        TradingDays.dayOf(time, zone).toString(),
        BigDecimal.valueOf(r.open(), scale),
        BigDecimal.valueOf(r.high(), scale),
        BigDecimal.valueOf(r.low(), scale),
        BigDecimal.valueOf(r.close(), scale),
        r.volume());
  }
}
