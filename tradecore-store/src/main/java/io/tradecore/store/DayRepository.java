package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * End-of-day equity snapshots and the portfolio_days rows derived from them, one per portfolio and
 * day (in the portfolio's time zone). Rewriting a day replaces it; it never duplicates.
 */
public final class DayRepository {

  /** The state of a portfolio at the end of a day; positions and plans as JSON. */
  public record Snapshot(
      String day,
      Instant time,
      BigDecimal equity,
      BigDecimal cash,
      BigDecimal realizedPnl,
      BigDecimal fees,
      BigDecimal grossExposure,
      long fillCount,
      String positionsJson,
      String openPlansJson) {}

  /** One reporting row per portfolio and day; deltas against the previous day's close. */
  public record Day(
      String day,
      BigDecimal openEquity,
      BigDecimal closeEquity,
      BigDecimal pnl,
      BigDecimal returnRatio,
      BigDecimal realizedPnl,
      BigDecimal fees,
      long fills,
      int openPositions,
      int openPlans) {}

  public void saveSnapshot(Handle h, PortfolioId p, Snapshot s) {
    saveSnapshots(h, p, List.of(s));
  }

  /** Saves several snapshots with one prepared statement. */
  public void saveSnapshots(Handle h, PortfolioId p, List<Snapshot> snapshots) {
    if (snapshots.isEmpty()) {
      return;
    }
    try (JdbcBatch batch =
        JdbcBatch.of(
            h,
            "INSERT INTO equity_snapshots (portfolio_id, day, kind, time_ms, equity, cash,"
                + " realized_pnl, fees, gross_exposure, fill_count, positions, open_plans) VALUES (?,"
                + " ?, 'EOD', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON"
                + " CONFLICT (portfolio_id, day, kind) DO UPDATE SET time_ms = excluded.time_ms,"
                + " equity = excluded.equity, cash = excluded.cash, realized_pnl ="
                + " excluded.realized_pnl, fees = excluded.fees, gross_exposure ="
                + " excluded.gross_exposure, fill_count = excluded.fill_count, positions = excluded.positions, open_plans ="
                + " excluded.open_plans")) {
      for (Snapshot s : snapshots) {
        batch
            .text(p.value())
            .text(s.day())
            .integer(s.time().toEpochMilli())
            .text(s.equity().toPlainString())
            .text(s.cash().toPlainString())
            .text(s.realizedPnl().toPlainString())
            .text(s.fees().toPlainString())
            .text(s.grossExposure().toPlainString())
            .integer(s.fillCount())
            .text(s.positionsJson())
            .text(s.openPlansJson())
            .add();
      }
      batch.execute();
    }
  }

  /** The latest snapshot before {@code day}, if any. */
  public Optional<Snapshot> snapshotBefore(Handle h, PortfolioId p, String day) {
    return h.createQuery(
            "SELECT * FROM equity_snapshots WHERE portfolio_id = :p AND kind = 'EOD' AND day <"
                + " :day ORDER BY day DESC LIMIT 1")
        .bind("p", p.value())
        .bind("day", day)
        .map((rs, ctx) -> snapshot(rs))
        .findOne();
  }

  /** The latest snapshot on or before {@code day}, if any. */
  public Optional<Snapshot> snapshotOnOrBefore(Handle h, PortfolioId p, String day) {
    return h.createQuery(
            "SELECT * FROM equity_snapshots WHERE portfolio_id = :p AND kind = 'EOD' AND day <="
                + " :day ORDER BY day DESC LIMIT 1")
        .bind("p", p.value())
        .bind("day", day)
        .map((rs, ctx) -> snapshot(rs))
        .findOne();
  }

  /** The day of the portfolio's first snapshot, if any. */
  public Optional<String> firstDay(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT day FROM equity_snapshots WHERE portfolio_id = :p AND kind = 'EOD' ORDER BY"
                + " day LIMIT 1")
        .bind("p", p.value())
        .mapTo(String.class)
        .findOne();
  }

  /** A day's closing equity, and its open positions (JSON). */
  public record Equity(String day, BigDecimal equity, String positionsJson) {}

  /**
   * The closing equity of each day from {@code from} (null: the first) to {@code to}, both
   * included, oldest first.
   */
  public List<Equity> equities(Handle h, PortfolioId p, String from, String to) {
    return h.createQuery(
            "SELECT day, equity, positions FROM equity_snapshots WHERE portfolio_id = :p AND kind = 'EOD'"
                + " AND day >= :from AND day <= :to ORDER BY day")
        .bind("p", p.value())
        .bind("from", from == null ? "" : from)
        .bind("to", to)
        .map(
            (rs, ctx) ->
                new Equity(
                    rs.getString("day"),
                    new BigDecimal(rs.getString("equity")),
                    rs.getString("positions")))
        .list();
  }

  public List<Snapshot> snapshots(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT * FROM equity_snapshots WHERE portfolio_id = :p AND kind = 'EOD' ORDER BY day")
        .bind("p", p.value())
        .map((rs, ctx) -> snapshot(rs))
        .list();
  }

  public void saveDay(Handle h, PortfolioId p, Day d) {
    saveDays(h, p, List.of(d));
  }

  /** Saves several days with one prepared statement. */
  public void saveDays(Handle h, PortfolioId p, List<Day> days) {
    if (days.isEmpty()) {
      return;
    }
    try (JdbcBatch batch =
        JdbcBatch.of(
            h,
            "INSERT INTO portfolio_days (portfolio_id, day, open_equity, close_equity, pnl,"
                + " return_ratio, realized_pnl, fees, fills, open_positions, open_plans) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (portfolio_id, day) DO UPDATE SET open_equity ="
                + " excluded.open_equity, close_equity = excluded.close_equity, pnl = excluded.pnl,"
                + " return_ratio = excluded.return_ratio, realized_pnl = excluded.realized_pnl,"
                + " fees = excluded.fees, fills = excluded.fills, open_positions ="
                + " excluded.open_positions, open_plans = excluded.open_plans")) {
      for (Day d : days) {
        batch
            .text(p.value())
            .text(d.day())
            .text(d.openEquity().toPlainString())
            .text(d.closeEquity().toPlainString())
            .text(d.pnl().toPlainString())
            .text(d.returnRatio().toPlainString())
            .text(d.realizedPnl().toPlainString())
            .text(d.fees().toPlainString())
            .integer(d.fills())
            .integer(d.openPositions())
            .integer(d.openPlans())
            .add();
      }
      batch.execute();
    }
  }

  public List<Day> days(Handle h, PortfolioId p) {
    return h.createQuery("SELECT * FROM portfolio_days WHERE portfolio_id = :p ORDER BY day")
        .bind("p", p.value())
        .map(
            (rs, ctx) ->
                new Day(
                    rs.getString("day"),
                    new BigDecimal(rs.getString("open_equity")),
                    new BigDecimal(rs.getString("close_equity")),
                    new BigDecimal(rs.getString("pnl")),
                    new BigDecimal(rs.getString("return_ratio")),
                    new BigDecimal(rs.getString("realized_pnl")),
                    new BigDecimal(rs.getString("fees")),
                    rs.getLong("fills"),
                    rs.getInt("open_positions"),
                    rs.getInt("open_plans")))
        .list();
  }

  private static Snapshot snapshot(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Snapshot(
        rs.getString("day"),
        Instant.ofEpochMilli(rs.getLong("time_ms")),
        new BigDecimal(rs.getString("equity")),
        new BigDecimal(rs.getString("cash")),
        new BigDecimal(rs.getString("realized_pnl")),
        new BigDecimal(rs.getString("fees")),
        new BigDecimal(rs.getString("gross_exposure")),
        rs.getLong("fill_count"),
        rs.getString("positions"),
        rs.getString("open_plans"));
  }
}
