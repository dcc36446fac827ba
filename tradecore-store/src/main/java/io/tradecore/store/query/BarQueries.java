package io.tradecore.store.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reads the stored market data (the {@code bars} table) of one symbol for the price chart. */
public final class BarQueries {

  /**
   * Which bars: intraday times in [fromMs, toMs) and date-only times (00:00 UTC, a daily bar) in
   * [fromMidnightMs, toMidnightMs), as {@code TradingDays.dayOf} files them; null fields do not
   * bound.
   */
  public record Range(Long fromMs, Long toMs, Long fromMidnightMs, Long toMidnightMs) {
    /** Every stored bar. */
    public static final Range ALL = new Range(null, null, null, null);
  }

  /** One bar as stored: prices in the instrument's units (scaled integers), volume as text. */
  public record Row(long timeMs, long open, long high, long low, long close, BigDecimal volume) {}

  /** The newest {@code limit} bars of {@code symbol} in the range, oldest first. */
  public List<Row> newest(Handle h, String symbol, Range r, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT time_ms, open_price, high_price, low_price, close_price, volume FROM bars"
                + " WHERE symbol = :symbol");
    if (r.fromMs() != null) {
      sql.append(
          " AND ((time_ms % 86400000 <> 0 AND time_ms >= :from) OR (time_ms % 86400000 = 0"
              + " AND time_ms >= :fromMidnight))");
    }
    if (r.toMs() != null) {
      sql.append(
          " AND ((time_ms % 86400000 <> 0 AND time_ms < :to) OR (time_ms % 86400000 = 0"
              + " AND time_ms < :toMidnight))");
    }
    sql.append(" ORDER BY time_ms DESC LIMIT :limit");
    Query q = h.createQuery(sql.toString()).bind("symbol", symbol).bind("limit", limit);
    if (r.fromMs() != null) {
      q.bind("from", r.fromMs()).bind("fromMidnight", r.fromMidnightMs());
    }
    if (r.toMs() != null) {
      q.bind("to", r.toMs()).bind("toMidnight", r.toMidnightMs());
    }
    List<Row> rows =
        new ArrayList<>(
            q.map(
                    (rs, ctx) ->
                        new Row(
                            rs.getLong("time_ms"),
                            rs.getLong("open_price"),
                            rs.getLong("high_price"),
                            rs.getLong("low_price"),
                            rs.getLong("close_price"),
                            new BigDecimal(rs.getString("volume"))))
                .list());
    Collections.reverse(rows);
    return rows;
  }
}
