package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

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

  /**
   * Fails unless {@code actual} holds exactly the books of {@code expected}: the ledger, the plans
   * and orders, the days, and the paper exchange's own books.
   */
  static void assertSame(Books expected, Books actual) {
    assertSameRows("ledger fills", expected.fills(), actual.fills());
    assertThat(actual.cash()).as("cash").isEqualByComparingTo(expected.cash());
    assertThat(actual.realizedPnl())
        .as("realized P&L")
        .isEqualByComparingTo(expected.realizedPnl());
    assertThat(actual.fees()).as("fees").isEqualByComparingTo(expected.fees());
    assertThat(actual.fillCount()).as("fill count").isEqualTo(expected.fillCount());
    assertThat(actual.positions().keySet())
        .as("open positions")
        .containsExactlyElementsOf(expected.positions().keySet());
    expected
        .positions()
        .forEach(
            (symbol, position) -> {
              Books.Position other = actual.positions().get(symbol);
              assertThat(other.quantity())
                  .as(symbol + " quantity")
                  .isEqualByComparingTo(position.quantity());
              assertThat(other.costBasis())
                  .as(symbol + " cost basis")
                  .isEqualByComparingTo(position.costBasis());
            });
    assertSameRows("plans", expected.plans(), actual.plans());
    assertThat(actual.openPlans()).as("open plans").isEqualTo(expected.openPlans());
    assertSameRows("ledger orders", expected.orders(), actual.orders());
    assertThat(actual.ledgerFillRows())
        .as("ledger fills: rows vs distinct trade ids")
        .isEqualTo(actual.ledgerDistinctTradeIds())
        .isEqualTo(expected.ledgerFillRows());
    // The paper exchange's own books: no order sent twice, none missing.
    assertThat(actual.paperOrderRows())
        .as("paper orders: rows vs distinct client order ids")
        .isEqualTo(actual.paperDistinctOrderIds())
        .isEqualTo(expected.paperOrderRows());
    assertSameRows("paper exchange orders", expected.paperOrders(), actual.paperOrders());
    assertSameRows("paper exchange fills", expected.paperFills(), actual.paperFills());
    assertThat(actual.paperCash())
        .as("paper exchange cash")
        .isEqualByComparingTo(expected.paperCash());
    assertThat(actual.paperTradeSeq())
        .as("paper exchange trade sequence")
        .isEqualTo(expected.paperTradeSeq());
    assertSameRows("portfolio days", expected.days(), actual.days());
    // Every plan goes through the same life (opened, filled, closed by the same exit). Around a
    // recovered event the audit trail may differ: a fill the exchange made before the kill is
    // applied by the resync on restart, before the replayed event's overnight adjustments.
    assertSameRows(
        "plan life cycles", lifeCycle(expected.planChanges()), lifeCycle(actual.planChanges()));
  }

  /** The plan changes that move a plan through its life, without their sequence numbers. */
  private static List<String> lifeCycle(List<String> planChanges) {
    return planChanges.stream()
        .filter(row -> !row.contains("reason=overnight") && !row.contains("reason=trailed"))
        .map(row -> row.replaceAll("\\| seq=\\d+ ", ""))
        .toList();
  }

  /** Equal lists of rows, or a failure showing the first row that differs and its neighbours. */
  private static void assertSameRows(String what, List<String> expected, List<String> actual) {
    int n = Math.min(expected.size(), actual.size());
    int first = 0;
    while (first < n && expected.get(first).equals(actual.get(first))) {
      first++;
    }
    if (first == n && expected.size() == actual.size()) {
      return;
    }
    StringBuilder window = new StringBuilder();
    for (int i = Math.max(0, first - 2);
        i < Math.min(first + 3, Math.max(expected.size(), actual.size()));
        i++) {
      window
          .append("\n  #")
          .append(i)
          .append(" expected: ")
          .append(i < expected.size() ? expected.get(i) : "(none)")
          .append("\n  #")
          .append(i)
          .append(" actual:   ")
          .append(i < actual.size() ? actual.get(i) : "(none)");
    }
    throw new AssertionError(
        what
            + " differ from the uninterrupted run's ("
            + expected.size()
            + " expected rows, "
            + actual.size()
            + " actual), first at row "
            + first
            + ":"
            + window);
  }
}
