package io.tradecore.app.cli;

import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.runner.PortfolioStatus;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A portfolio's status as aligned text or as one JSON object. */
public final class StatusView {
  private static final Set<String> NUMBERS =
      Set.of(
          "quantity",
          "average_cost",
          "mark",
          "unrealized_pnl",
          "open_quantity",
          "stop",
          "target",
          "trail_stop");

  private StatusView() {}

  /** The status as text: a block of figures, then tables of open positions and open plans. */
  public static String text(PortfolioStatus status) {
    PortfolioRecord p = status.portfolio();
    LedgerSummary s = status.summary();
    String ccy = p.baseCurrency();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "portfolio %s (%s): %s, time zone %s, calendar %s%n",
            p.name(), p.id().value(), ccy, p.timeZone(), p.calendar()));
    line(out, "starting cash", SummaryText.money(s.startingCash(), ccy));
    line(out, "cash", SummaryText.money(s.cash(), ccy));
    line(out, "equity", SummaryText.money(s.equity(), ccy));
    line(out, "realized PnL", SummaryText.money(s.realizedPnl(), ccy));
    line(out, "unrealized PnL", SummaryText.money(s.unrealizedPnl(), ccy));
    line(out, "total PnL", SummaryText.money(s.totalPnl(), ccy) + " (after fees)");
    line(out, "fees", SummaryText.money(s.fees(), ccy));
    line(out, "gross exposure", SummaryText.money(s.grossExposure(), ccy));
    line(out, "fills", String.format(Locale.US, "%,d", s.fills()));
    line(out, "last run", RunView.line(status.lastRun()));
    line(out, "last event", status.lastEvent() == null ? "none" : status.lastEvent().toString());
    line(out, "venue", p.venue());
    if (status.drift() != null) {
      line(out, "DRIFT", status.drift());
    }
    out.append(String.format("open positions: %d%n", status.positions().size()));
    if (!status.positions().isEmpty()) {
      TextTable t = new TextTable("SYMBOL", "QUANTITY", "AVG COST", "MARK", "UNREALIZED");
      for (Map<String, Object> m : status.positions()) {
        t.row(
            m.get("symbol"),
            m.get("quantity"),
            TextTable.price(TextTable.decimal(m.get("average_cost"))),
            TextTable.price(TextTable.decimal(m.get("mark"))),
            TextTable.money(TextTable.decimal(m.get("unrealized_pnl"))));
      }
      out.append(t);
    }
    out.append(String.format("open plans: %d%n", status.openPlans().size()));
    if (!status.openPlans().isEmpty()) {
      TextTable t =
          new TextTable(
              "PLAN", "SYMBOL", "STATUS", "SIDE", "OPEN QTY", "STOP", "TARGET", "TRAIL STOP");
      for (Map<String, Object> m : status.openPlans()) {
        t.row(
            m.get("plan_id"),
            m.get("symbol"),
            m.get("status"),
            m.get("side"),
            m.get("open_quantity"),
            m.get("stop"),
            m.get("target"),
            m.get("trail_stop"));
      }
      out.append(t);
    }
    return out.toString();
  }

  /** The status as JSON keys; money and quantities are exact decimal numbers. */
  public static Map<String, Object> json(PortfolioStatus status) {
    PortfolioRecord p = status.portfolio();
    LedgerSummary s = status.summary();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("portfolio", p.name());
    m.put("portfolio_id", p.id().value());
    m.put("base_currency", p.baseCurrency());
    m.put("time_zone", p.timeZone());
    m.put("calendar", p.calendar());
    m.put("starting_cash", s.startingCash());
    m.put("cash", s.cash());
    m.put("equity", s.equity());
    m.put("realized_pnl", s.realizedPnl());
    m.put("unrealized_pnl", s.unrealizedPnl());
    m.put("total_pnl", s.totalPnl());
    m.put("fees", s.fees());
    m.put("gross_exposure", s.grossExposure());
    m.put("open_positions", numbers(status.positions()));
    m.put("open_plans", numbers(status.openPlans()));
    m.put("fills", s.fills());
    m.put("last_run", RunView.json(status.lastRun()));
    m.put("last_event", RunView.time(status.lastEvent()));
    m.put("venue", p.venue());
    m.put("drift", status.drift());
    return m;
  }

  private static List<Map<String, Object>> numbers(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>();
      row.forEach(
          (k, v) ->
              copy.put(k, NUMBERS.contains(k) && v != null ? new BigDecimal(v.toString()) : v));
      out.add(copy);
    }
    return out;
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.US, "  %-16s%s%n", label, value));
  }
}
