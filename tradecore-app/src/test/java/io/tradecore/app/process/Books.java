package io.tradecore.app.process;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.store.Database;
import io.tradecore.store.StatsRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * What a portfolio and its paper-exchange account hold after a run, read straight from the tables,
 * so two databases can be compared row by row. The portfolio id (which names the paper account and
 * is part of its trade ids) is replaced by {@code <portfolio>}, and decimals are written in their
 * shortest form, so rows compare equal exactly when their numbers compare equal.
 */
record Books(
    List<String> fills,
    BigDecimal cash,
    BigDecimal realizedPnl,
    BigDecimal fees,
    long fillCount,
    Map<String, Position> positions,
    List<String> orders,
    List<String> plans,
    List<String> planChanges,
    List<String> days,
    BigDecimal paperCash,
    long paperTradeSeq,
    List<String> paperOrders,
    List<String> paperFills,
    long paperOrderRows,
    long paperDistinctOrderIds,
    long ledgerFillRows,
    long ledgerDistinctTradeIds,
    long openPlans) {

  /** A position from the stats cache. */
  record Position(BigDecimal quantity, BigDecimal costBasis) {}

  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  static Books read(Database db, PortfolioId portfolio) {
    return db.jdbi().withHandle(h -> read(h, portfolio.value()));
  }

  private static Books read(Handle h, String p) {
    StatsRepository.Stats stats =
        new StatsRepository()
            .load(h, new PortfolioId(p))
            .orElseThrow(() -> new AssertionError("no portfolio_stats row for " + p));
    Map<String, Position> positions = new TreeMap<>();
    stats
        .positions()
        .forEach(
            (symbol, value) -> {
              String[] parts = value.split("/");
              positions.put(
                  symbol, new Position(new BigDecimal(parts[0]), new BigDecimal(parts[1])));
            });
    var account =
        h.createQuery("SELECT cash, trade_seq FROM paper_accounts WHERE account_id = :p")
            .bind("p", p)
            .mapToMap()
            .one();
    return new Books(
        rows(
            h,
            p,
            "SELECT trade_id, client_order_id, plan_id, symbol, side, quantity, price, fee, time_ms"
                + " FROM fills WHERE portfolio_id = :p ORDER BY seq"),
        stats.cash(),
        stats.realizedPnl(),
        stats.fees(),
        stats.fillCount(),
        positions,
        rows(
            h,
            p,
            "SELECT client_order_id, plan_id, role, exit_reason, symbol, side, order_type,"
                + " quantity, quote_amount, limit_price, stop_price, time_in_force, status"
                + " FROM orders WHERE portfolio_id = :p ORDER BY client_order_id"),
        rows(
            h,
            p,
            "SELECT plan_id, symbol, side, sizing, entry_limit, stop_price, target_price,"
                + " trail_distance, trail_stop, time_in_force, status, filled, exited, exit_reason"
                + " FROM plans WHERE portfolio_id = :p ORDER BY plan_id"),
        rows(
            h,
            p,
            "SELECT plan_id, seq, time_ms, status, stop_price, target_price, trail_stop, reason"
                + " FROM plan_changes WHERE portfolio_id = :p ORDER BY plan_id, seq"),
        rows(
            h,
            p,
            "SELECT day, open_equity, close_equity, pnl, return_ratio, realized_pnl, fees, fills,"
                + " open_positions, open_plans FROM portfolio_days WHERE portfolio_id = :p"
                + " ORDER BY day"),
        new BigDecimal(account.get("cash").toString()),
        ((Number) account.get("trade_seq")).longValue(),
        rows(
            h,
            p,
            "SELECT client_order_id, status, remaining, remaining_quote, triggered, arrival_seq,"
                + " body FROM paper_orders WHERE account_id = :p ORDER BY client_order_id"),
        rows(
            h,
            p,
            "SELECT seq, trade_id, client_order_id, time_ms, body FROM paper_fills"
                + " WHERE account_id = :p ORDER BY seq"),
        count(h, p, "SELECT COUNT(*) FROM paper_orders WHERE account_id = :p"),
        count(
            h, p, "SELECT COUNT(DISTINCT client_order_id) FROM paper_orders WHERE account_id = :p"),
        count(h, p, "SELECT COUNT(*) FROM fills WHERE portfolio_id = :p"),
        count(h, p, "SELECT COUNT(DISTINCT trade_id) FROM fills WHERE portfolio_id = :p"),
        count(
            h,
            p,
            "SELECT COUNT(*) FROM plans WHERE portfolio_id = :p"
                + " AND status IN ('PENDING', 'ACTIVE')"));
  }

  private static List<String> rows(Handle h, String p, String sql) {
    List<String> out = new ArrayList<>();
    h.createQuery(sql)
        .bind("p", p)
        .map(
            (rs, ctx) -> {
              StringBuilder row = new StringBuilder();
              int columns = rs.getMetaData().getColumnCount();
              for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                  row.append(" | ");
                }
                row.append(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT))
                    .append('=')
                    .append(normalize(rs.getString(i), p));
              }
              return row.toString();
            })
        .forEach(out::add);
    return out;
  }

  private static long count(Handle h, String p, String sql) {
    return h.createQuery(sql).bind("p", p).mapTo(Long.class).one();
  }

  private static String normalize(String value, String portfolio) {
    if (value == null) {
      return "null";
    }
    String text = value.replace(portfolio, "<portfolio>");
    var m = DECIMAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, new BigDecimal(m.group()).stripTrailingZeros().toPlainString());
    }
    m.appendTail(out);
    return out.toString();
  }
}
