package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The daily_logs table. Regenerating a day updates its figures in place; the person's sections are
 * never touched by a regeneration, only by {@link #addNote}.
 */
public final class DailyLogRepository {

  /** The sections a person writes. */
  public enum Section {
    CONTEXT("market_context"),
    LESSONS("lessons"),
    FOCUS("focus"),
    NOTES("notes");

    private final String column;

    Section(String column) {
      this.column = column;
    }

    public String column() {
      return column;
    }

    /** The section named {@code lessons}, {@code context}, {@code focus} or {@code notes}. */
    public static Section named(String name) {
      for (Section s : values()) {
        if (s.name().equalsIgnoreCase(name) || s.column.equalsIgnoreCase(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "unknown section '" + name + "'; use lessons, context, focus or notes");
    }
  }

  /** One day's log as stored; observations are JSON. */
  public record Row(
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
      String observationsJson,
      String marketContext,
      String lessons,
      String focus,
      String notes,
      Instant generatedAt) {}

  /** Writes the generated part of a day, keeping any sections a person wrote. */
  public void saveGenerated(Handle h, PortfolioId p, Row r) {
    saveGenerated(h, p, List.of(r));
  }

  /** Saves several generated logs with one prepared statement. */
  public void saveGenerated(Handle h, PortfolioId p, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (JdbcBatch batch =
        JdbcBatch.of(
            h,
            "INSERT INTO daily_logs (portfolio_id, day, account_value, daily_pnl, daily_return,"
                + " total_pnl, tier, trades, signals, warnings, errors, market_status,"
                + " observations, generated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT"
                + " (portfolio_id, day) DO UPDATE SET account_value = excluded.account_value,"
                + " daily_pnl = excluded.daily_pnl, daily_return = excluded.daily_return,"
                + " total_pnl = excluded.total_pnl, tier = excluded.tier, trades ="
                + " excluded.trades, signals = excluded.signals, warnings = excluded.warnings,"
                + " errors = excluded.errors, market_status = excluded.market_status,"
                + " observations = excluded.observations, generated_ms = excluded.generated_ms")) {
      for (Row r : rows) {
        batch
            .text(p.value())
            .text(r.day())
            .text(r.accountValue().toPlainString())
            .text(r.dailyPnl().toPlainString())
            .text(r.dailyReturn().toPlainString())
            .text(r.totalPnl().toPlainString())
            .text(r.tier())
            .integer(r.trades())
            .integer(r.signals())
            .integer(r.warnings())
            .integer(r.errors())
            .text(r.marketStatus())
            .text(r.observationsJson())
            .integer(r.generatedAt().toEpochMilli())
            .add();
      }
      batch.execute();
    }
  }

  /**
   * Adds a person's text to a section of a day that has a log; returns false if it has none. Text
   * already there is kept and the new text follows it on a new line.
   */
  public boolean addNote(Handle h, PortfolioId p, String day, Section section, String text) {
    String column = section.column();
    return h.createUpdate(
                "UPDATE daily_logs SET "
                    + column
                    + " = CASE WHEN "
                    + column
                    + " = '' THEN :text ELSE "
                    + column
                    + " || :newline || :text END WHERE portfolio_id = :p AND day = :day")
            .bind("p", p.value())
            .bind("day", day)
            .bind("text", text)
            .bind("newline", "\n")
            .execute()
        == 1;
  }

  public Optional<Row> get(Handle h, PortfolioId p, String day) {
    return h.createQuery("SELECT * FROM daily_logs WHERE portfolio_id = :p AND day = :day")
        .bind("p", p.value())
        .bind("day", day)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The last {@code n} days, oldest first. */
  public List<Row> last(Handle h, PortfolioId p, int n) {
    List<Row> newestFirst =
        h.createQuery("SELECT * FROM daily_logs WHERE portfolio_id = :p ORDER BY day DESC LIMIT :n")
            .bind("p", p.value())
            .bind("n", n)
            .map((rs, ctx) -> map(rs))
            .list();
    return newestFirst.reversed();
  }

  /** Up to {@code n} days before {@code day}, oldest first. */
  public List<Row> before(Handle h, PortfolioId p, String day, int n) {
    List<Row> newestFirst =
        h.createQuery(
                "SELECT * FROM daily_logs WHERE portfolio_id = :p AND day < :day ORDER BY day DESC"
                    + " LIMIT :n")
            .bind("p", p.value())
            .bind("day", day)
            .bind("n", n)
            .map((rs, ctx) -> map(rs))
            .list();
    return newestFirst.reversed();
  }

  /** Every day, oldest first. */
  public List<Row> all(Handle h, PortfolioId p) {
    return h.createQuery("SELECT * FROM daily_logs WHERE portfolio_id = :p ORDER BY day")
        .bind("p", p.value())
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** The days from {@code day} on, oldest first. */
  public List<Row> from(Handle h, PortfolioId p, String day) {
    return h.createQuery(
            "SELECT * FROM daily_logs WHERE portfolio_id = :p AND day >= :day ORDER BY day")
        .bind("p", p.value())
        .bind("day", day)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /**
   * The trades of up to {@code n} days logged before {@code day}, and of every day logged from it
   * to {@code to}, by day.
   */
  public java.util.NavigableMap<String, Long> tradesAround(
      Handle h, PortfolioId p, String day, int n, String to) {
    java.util.NavigableMap<String, Long> out = new java.util.TreeMap<>();
    h.createQuery(
            "SELECT day, trades FROM daily_logs WHERE portfolio_id = :p AND day < :day ORDER BY"
                + " day DESC LIMIT :n")
        .bind("p", p.value())
        .bind("day", day)
        .bind("n", n)
        .map((rs, ctx) -> Map.entry(rs.getString("day"), rs.getLong("trades")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    h.createQuery(
            "SELECT day, trades FROM daily_logs WHERE portfolio_id = :p AND day >= :day AND day <="
                + " :to")
        .bind("p", p.value())
        .bind("day", day)
        .bind("to", to)
        .map((rs, ctx) -> Map.entry(rs.getString("day"), rs.getLong("trades")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The days logged from {@code day} on, oldest first. */
  public List<String> daysFrom(Handle h, PortfolioId p, String day) {
    return h.createQuery(
            "SELECT day FROM daily_logs WHERE portfolio_id = :p AND day >= :day ORDER BY day")
        .bind("p", p.value())
        .bind("day", day)
        .mapTo(String.class)
        .list();
  }

  /** The latest day logged, if any. */
  public Optional<String> latestDay(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT day FROM daily_logs WHERE portfolio_id = :p ORDER BY day DESC LIMIT 1")
        .bind("p", p.value())
        .mapTo(String.class)
        .findOne();
  }

  public List<String> days(Handle h, PortfolioId p) {
    return h.createQuery("SELECT day FROM daily_logs WHERE portfolio_id = :p ORDER BY day")
        .bind("p", p.value())
        .mapTo(String.class)
        .list();
  }

  private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getString("day"),
        new BigDecimal(rs.getString("account_value")),
        new BigDecimal(rs.getString("daily_pnl")),
        new BigDecimal(rs.getString("daily_return")),
        new BigDecimal(rs.getString("total_pnl")),
        rs.getString("tier").toUpperCase(Locale.ROOT),
        rs.getLong("trades"),
        rs.getLong("signals"),
        rs.getLong("warnings"),
        rs.getLong("errors"),
        rs.getString("market_status"),
        rs.getString("observations"),
        rs.getString("market_context"),
        rs.getString("lessons"),
        rs.getString("focus"),
        rs.getString("notes"),
        Instant.ofEpochMilli(rs.getLong("generated_ms")));
  }
}
