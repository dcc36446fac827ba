package io.tradecore.store;

import io.tradecore.core.domain.Bar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Stored market data (bars). Daily bars (at 00:00 UTC, a date and no time) are kept for good;
 * intraday bars older than a retention window are rolled up into one daily bar per trading day and
 * then deleted, so the history a page shows stays whole.
 */
public final class BarRepository {

  public void insertIfAbsent(Handle h, Iterable<Bar> bars) {
    try (JdbcBatch batch =
        JdbcBatch.of(
            h,
            "INSERT INTO bars (symbol, time_ms, open_price, high_price, low_price, close_price,"
                + " volume) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, time_ms) DO"
                + " NOTHING")) {
      for (Bar b : bars) {
        batch
            .text(b.instrument().symbol())
            .integer(b.time().toEpochMilli())
            .integer(b.open())
            .integer(b.high())
            .integer(b.low())
            .integer(b.close())
            .text(Double.toString(b.volume()))
            .add();
      }
      batch.execute();
    }
  }

  /** What {@link #rollUp} did: intraday bars deleted and the daily bars that replaced them. */
  public record RollUp(int intradayBars, int dailyBars) {}

  /**
   * Rolls the intraday bars of whole trading days before the day of {@code before} (dates in {@code
   * zone}, the market's) up into one daily bar per symbol and day, stored at 00:00 UTC of the date
   * as daily data is (open of the first bar, highest high, lowest low, close of the last, summed
   * volume), and deletes them. Daily bars are never deleted; a day rolled up before is left as it
   * is.
   */
  public RollUp rollUp(Handle h, Instant before, ZoneId zone) {
    LocalDate firstKept = before.atZone(zone).toLocalDate();
    long bound = firstKept.atStartOfDay(zone).toInstant().toEpochMilli();
    Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
    h.createQuery(
            "SELECT symbol, time_ms FROM bars WHERE time_ms < :bound AND time_ms % 86400000 <> 0")
        .bind("bound", bound)
        .map(
            (rs, ctx) ->
                days.computeIfAbsent(rs.getString("symbol"), s -> new TreeSet<>())
                    .add(Instant.ofEpochMilli(rs.getLong("time_ms")).atZone(zone).toLocalDate()))
        .list();
    int deleted = 0;
    int added = 0;
    for (var entry : days.entrySet()) {
      for (LocalDate day : entry.getValue()) {
        deleted += rollUpDay(h, entry.getKey(), day, zone);
        added++;
      }
    }
    return new RollUp(deleted, added);
  }

  private record Stored(long time, long open, long high, long low, long close, BigDecimal volume) {}

  /** Replaces one symbol's bars of one day with their daily bar; returns how many it replaced. */
  private static int rollUpDay(Handle h, String symbol, LocalDate day, ZoneId zone) {
    long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    long midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    // The day's intraday bars and its daily bar (one rolled up before, or the day's first intraday
    // bar when the zone's day starts at 00:00 UTC); not another day's daily bar that falls inside
    // this day in the zone.
    String ofTheDay =
        " WHERE symbol = :s AND ((time_ms >= :from AND time_ms < :to AND time_ms % 86400000 <> 0)"
            + " OR time_ms = :midnight)";
    List<Stored> bars =
        h.createQuery(
                "SELECT time_ms, open_price, high_price, low_price, close_price, volume FROM bars"
                    + ofTheDay
                    + " ORDER BY time_ms")
            .bind("s", symbol)
            .bind("from", from)
            .bind("to", to)
            .bind("midnight", midnight)
            .map(
                (rs, ctx) ->
                    new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        new BigDecimal(rs.getString(6))))
            .list();
    if (midnight < from || midnight >= to) {
      // 00:00 UTC is outside the day in the zone (New York): a bar there is the day rolled up
      // before; the intraday bars stored since are the day again, and replace it.
      bars = bars.stream().filter(b -> b.time() != midnight).toList();
    }
    long high = Long.MIN_VALUE;
    long low = Long.MAX_VALUE;
    BigDecimal volume = BigDecimal.ZERO;
    for (Stored bar : bars) {
      high = Math.max(high, bar.high());
      low = Math.min(low, bar.low());
      volume = volume.add(bar.volume());
    }
    int deleted =
        h.createUpdate("DELETE FROM bars" + ofTheDay)
            .bind("s", symbol)
            .bind("from", from)
            .bind("to", to)
            .bind("midnight", midnight)
            .execute();
    h.createUpdate(
            "INSERT INTO bars (symbol, time_ms, open_price, high_price, low_price, close_price,"
                + " volume) VALUES (:symbol, :time, :o, :h, :l, :c, :v)")
        .bind("symbol", symbol)
        .bind("time", midnight)
        .bind("o", bars.getFirst().open())
        .bind("h", high)
        .bind("l", low)
        .bind("c", bars.getLast().close())
        .bind("v", volume.toPlainString())
        .execute();
    return deleted;
  }

  public long count(Handle h, String symbol) {
    return h.createQuery("SELECT COUNT(*) FROM bars WHERE symbol = :s")
        .bind("s", symbol)
        .mapTo(Long.class)
        .one();
  }
}
