package io.tradecore.store.query;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reads the fills table for the API: filtered pages, fills after a sequence number, counts. */
public final class FillQueries {
  private static final String COLUMNS =
      "seq, trade_id, client_order_id, plan_id, run_id, symbol, side, quantity, price, fee,"
          + " time_ms, bot_version, source";

  /**
   * Which fills a page holds; null fields do not filter. A day is the range [fromMs, toMs) of
   * intraday times plus the date-only time {@code midnightMs} (00:00 UTC of that date), as {@code
   * TradingDays.dayOf} files them.
   */
  public record Filter(Long fromMs, Long toMs, Long midnightMs, String run, String botVersion) {
    /** No filter at all. */
    public static final Filter NONE = new Filter(null, null, null, null, null);
  }

  /** One fill as stored; decimals as their stored text. */
  public record Row(
      long seq,
      String tradeId,
      String clientOrderId,
      String planId,
      String runId,
      String symbol,
      String side,
      BigDecimal quantity,
      BigDecimal price,
      BigDecimal fee,
      long timeMs,
      String botVersion,
      String source) {}

  /** A fill with the sequence number it was applied at. */
  public record Sequenced(long seq, Fill fill) {}

  /** How many fills match. */
  public long count(Handle h, PortfolioId p, Filter f) {
    Query q = h.createQuery("SELECT COUNT(*) FROM fills WHERE portfolio_id = :p" + where(f));
    bind(q, p, f);
    return q.mapTo(Long.class).one();
  }

  /** One page of matching fills, by sequence number. */
  public List<Row> page(
      Handle h, PortfolioId p, Filter f, int limit, int offset, boolean newestFirst) {
    String direction = newestFirst ? "DESC" : "ASC";
    String sql =
        f.fromMs() == null
            ? "SELECT "
                + COLUMNS
                + " FROM fills WHERE portfolio_id = :p"
                + where(f)
                + " ORDER BY seq "
                + direction
                + " LIMIT :limit OFFSET :offset"
            // A day's fills are few: find them by time and sort just their sequence numbers (+seq
            // keeps SQLite from walking the whole seq index instead), then read the page's rows:
            // sorting the whole rows took most of the query's time.
            : "SELECT "
                + COLUMNS
                + " FROM fills WHERE portfolio_id = :p AND seq IN (SELECT seq FROM fills"
                + " WHERE portfolio_id = :p"
                + where(f)
                + " ORDER BY +seq "
                + direction
                + " LIMIT :limit OFFSET :offset) ORDER BY seq "
                + direction;
    Query q = h.createQuery(sql);
    bind(q, p, f);
    return q.bind("limit", limit).bind("offset", offset).map(FillQueries::row).list();
  }

  /** Up to {@code limit} fills with a sequence number above {@code seq}, oldest first. */
  public List<Row> after(Handle h, PortfolioId p, long seq, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM fills WHERE portfolio_id = :p AND seq > :seq ORDER BY seq LIMIT :limit")
        .bind("p", p.value())
        .bind("seq", seq)
        .bind("limit", limit)
        .map(FillQueries::row)
        .list();
  }

  /** Every fill above {@code seq} as a ledger fill, in the order it was applied. */
  public List<Sequenced> fillsAfter(
      Handle h, PortfolioId p, long seq, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM fills WHERE portfolio_id = :p AND seq > :seq ORDER BY seq")
        .bind("p", p.value())
        .bind("seq", seq)
        .map((rs, ctx) -> new Sequenced(rs.getLong("seq"), fill(rs, instruments)))
        .list();
  }

  /** The highest sequence number stored, 0 for none. */
  public long maxSeq(Handle h, PortfolioId p) {
    return h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM fills WHERE portfolio_id = :p")
        .bind("p", p.value())
        .mapTo(Long.class)
        .one();
  }

  private static String where(Filter f) {
    StringBuilder sql = new StringBuilder();
    if (f.fromMs() != null) {
      // One index range over both the zone's day and its date-only time, then the exact rule.
      sql.append(
          " AND time_ms >= :low AND time_ms < :high"
              + " AND ((time_ms >= :from AND time_ms < :to AND time_ms % 86400000 <> 0)"
              + " OR time_ms = :midnight)");
    }
    if (f.run() != null) {
      sql.append(" AND run_id = :run");
    }
    if (f.botVersion() != null) {
      sql.append(" AND bot_version = :version");
    }
    return sql.toString();
  }

  private static void bind(Query q, PortfolioId p, Filter f) {
    q.bind("p", p.value());
    if (f.fromMs() != null) {
      q.bind("from", f.fromMs()).bind("to", f.toMs()).bind("midnight", f.midnightMs());
      q.bind("low", Math.min(f.fromMs(), f.midnightMs()));
      q.bind("high", Math.max(f.toMs(), f.midnightMs() + 1));
    }
    if (f.run() != null) {
      q.bind("run", f.run());
    }
    if (f.botVersion() != null) {
      q.bind("version", f.botVersion());
    }
  }

  private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new Row(
        rs.getLong("seq"),
        rs.getString("trade_id"),
        rs.getString("client_order_id"),
        rs.getString("plan_id"),
        rs.getString("run_id"),
        rs.getString("symbol"),
        rs.getString("side"),
        new BigDecimal(rs.getString("quantity")),
        new BigDecimal(rs.getString("price")),
        new BigDecimal(rs.getString("fee")),
        rs.getLong("time_ms"),
        rs.getString("bot_version"),
        rs.getString("source"));
  }

  private static Fill fill(ResultSet rs, Map<String, Instrument> instruments) throws SQLException {
    String symbol = rs.getString("symbol");
    Instrument i = instruments.get(symbol);
    if (i == null) {
      throw new IllegalStateException("fill names unknown instrument " + symbol);
    }
    String plan = rs.getString("plan_id");
    return new Fill(
        new TradeId(rs.getString("trade_id")),
        new ClientOrderId(rs.getString("client_order_id")),
        plan == null ? null : new PlanId(plan),
        i,
        Side.valueOf(rs.getString("side")),
        Quantity.of(new BigDecimal(rs.getString("quantity")), i.quantityScale()),
        Price.of(new BigDecimal(rs.getString("price")), i.priceScale()),
        new BigDecimal(rs.getString("fee")),
        Instant.ofEpochMilli(rs.getLong("time_ms")),
        rs.getString("bot_version"));
  }
}
