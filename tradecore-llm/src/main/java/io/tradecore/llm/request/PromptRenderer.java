package io.tradecore.llm.request;

import io.tradecore.core.domain.PlanId;
import io.tradecore.llm.answer.AnswerSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a {@link DecisionRequest} into a {@link Prompt}. The text is a pure function of the
 * request: lists are sorted (instruments, positions and allowances by symbol, plans by id, slices
 * by version), decimals print without trailing zeros, times in UTC. Nothing run-specific (run id,
 * portfolio id, wall-clock time) is in it, so a recorded answer replays in another run.
 */
public final class PromptRenderer {
  private static final String SYSTEM =
      """
      You manage a trading portfolio. At each moment you receive the portfolio, its open positions \
      and plans, recent bars and indicators per instrument, and the actions allowed now. You answer \
      with decisions.

      A plan is an intent to hold a position: it enters (at the market or at a limit price), exits \
      at its stop (a loss limit) or its target (a profit goal), or when you close it.

      Rules:
      - Answer with one JSON object and nothing else: {"decisions": [...]}.
      - Every decision has all of these fields: action, instrument, side, quantity, entry, \
      limit_price, stop, target, plan_id, reason. Use null for a field the action does not use.
      - action "open_plan": instrument, side ("buy" or "sell"), quantity, entry ("market" or \
      "limit"), limit_price (for a limit entry), stop (required) and target (or null).
      - action "adjust_plan": plan_id and a new stop and/or target (null keeps the current one).
      - action "close_plan": plan_id.
      - action "hold": nothing else; use it when no action is worth taking.
      - Every decision needs a short reason.
      - Use only the instruments and plan ids listed under ALLOWED ACTIONS; never exceed a maximum \
      quantity; all new plans together must fit within the buying power.
      - Quantities and prices are decimal numbers with at most the decimals listed for the \
      instrument.
      - For a buy, the stop is below and the target above the entry (the limit price, or the last \
      price for a market entry); for a sell, the other way round.
      - Orders that break a rule are refused and not traded.

      The answer must match this JSON schema:
      """
          + AnswerSchema.JSON
          + "\n";

  private PromptRenderer() {}

  /** The system and user messages for {@code request}. */
  public static Prompt render(DecisionRequest request) {
    return new Prompt(SYSTEM, user(request));
  }

  private static String user(DecisionRequest r) {
    StringBuilder out = new StringBuilder();
    out.append("MOMENT ").append(time(r.moment())).append(" (trading day ").append(r.day());
    out.append("), base currency ").append(r.baseCurrency()).append("\n\n");
    portfolio(out, r.portfolio());
    positions(out, r.positions());
    plans(out, r.plans());
    r.instruments().stream()
        .sorted(Comparator.comparing(InstrumentContext::symbol))
        .forEach(i -> instrument(out, i));
    allowed(out, r.allowed());
    out.append("Answer with your decisions as JSON.\n");
    return out.toString();
  }

  private static void portfolio(StringBuilder out, PortfolioBlock p) {
    out.append("PORTFOLIO\n");
    line(out, "equity", p.equity());
    line(out, "cash", p.cash());
    line(out, "realized_pnl", p.realizedPnl());
    line(out, "unrealized_pnl", p.unrealizedPnl());
    line(out, "total_pnl", p.totalPnl());
    line(out, "gross_exposure", p.grossExposure());
    line(out, "net_exposure", p.netExposure());
    line(out, "fees", p.fees());
    line(out, "other_costs", p.otherCosts());
    p.versions().stream()
        .sorted(Comparator.comparing(PortfolioBlock.VersionSlice::botVersion))
        .forEach(
            v ->
                out.append("bot_version ")
                    .append(v.botVersion())
                    .append(": realized_pnl ")
                    .append(num(v.realizedPnl()))
                    .append(", unrealized_pnl ")
                    .append(num(v.unrealizedPnl()))
                    .append(", fees ")
                    .append(num(v.fees()))
                    .append(", other_costs ")
                    .append(num(v.otherCosts()))
                    .append('\n'));
    out.append('\n');
  }

  private static void positions(StringBuilder out, List<PositionLine> positions) {
    out.append(
        "OPEN POSITIONS (instrument, quantity, average_price, mark, value, unrealized_pnl)\n");
    if (positions.isEmpty()) {
      out.append("none\n");
    }
    positions.stream()
        .sorted(Comparator.comparing(PositionLine::symbol))
        .forEach(
            p ->
                row(
                    out,
                    p.symbol(),
                    num(p.quantity()),
                    num(p.averagePrice()),
                    num(p.markPrice()),
                    num(p.marketValue()),
                    num(p.unrealizedPnl())));
    out.append('\n');
  }

  private static void plans(StringBuilder out, List<PlanLine> plans) {
    out.append(
        "OPEN PLANS (plan_id, instrument, side, status, quantity, entry, stop, target, trail)\n");
    if (plans.isEmpty()) {
      out.append("none\n");
    }
    plans.stream()
        .sorted(Comparator.comparing((PlanLine p) -> p.planId().value()))
        .forEach(
            p ->
                row(
                    out,
                    p.planId().value(),
                    p.symbol(),
                    p.side().name().toLowerCase(java.util.Locale.ROOT),
                    p.status(),
                    num(p.quantity()),
                    p.entryLimit() == null ? "market" : "limit " + num(p.entryLimit()),
                    num(p.stop()),
                    num(p.target()),
                    num(p.trailDistance())));
    out.append('\n');
  }

  private static void instrument(StringBuilder out, InstrumentContext i) {
    out.append("INSTRUMENT ").append(i.symbol()).append(" (").append(i.currency());
    out.append(", quantity decimals ").append(i.quantityScale());
    out.append(", price decimals ").append(i.priceScale()).append(")\n");
    out.append("bars, oldest first (time, open, high, low, close, volume):\n");
    i.bars().stream()
        .sorted(Comparator.comparing(BarLine::time))
        .forEach(
            b ->
                row(
                    out,
                    time(b.time()),
                    num(b.open()),
                    num(b.high()),
                    num(b.low()),
                    num(b.close()),
                    num(b.volume())));
    Indicators x = i.indicators();
    out.append("indicators: sma_20 ").append(num(x.sma20()));
    out.append(", sma_50 ").append(num(x.sma50()));
    out.append(", atr_14 ").append(num(x.atr14()));
    out.append(", return_1 ").append(num(x.return1()));
    out.append(", return_5 ").append(num(x.return5()));
    out.append(", return_20 ").append(num(x.return20())).append("\n\n");
  }

  private static void allowed(StringBuilder out, AllowedActions a) {
    out.append("ALLOWED ACTIONS\n");
    out.append("buying power for all new plans together: ").append(num(a.buyingPower()));
    out.append('\n').append("open_plan:\n");
    if (a.instruments().isEmpty()) {
      out.append("  none\n");
    }
    a.instruments().stream()
        .sorted(Comparator.comparing(InstrumentAllowance::symbol))
        .forEach(
            i -> {
              out.append("  ")
                  .append(i.symbol())
                  .append(": last price ")
                  .append(num(i.lastPrice()));
              out.append(", buy up to ").append(num(i.maxBuyQuantity()));
              out.append(
                  i.shortingAllowed()
                      ? ", sell (short) up to " + num(i.maxSellQuantity())
                      : ", shorting not allowed");
              out.append('\n');
            });
    out.append("adjust_plan: ").append(ids(a.adjustablePlans())).append('\n');
    out.append("close_plan: ").append(ids(a.closablePlans())).append('\n');
    out.append("hold: always\n\n");
  }

  private static String ids(List<PlanId> ids) {
    List<String> sorted = ids.stream().map(PlanId::value).sorted().toList();
    return sorted.isEmpty() ? "none" : String.join(", ", sorted);
  }

  private static void line(StringBuilder out, String name, BigDecimal value) {
    out.append(name).append(' ').append(num(value)).append('\n');
  }

  private static void row(StringBuilder out, String... cells) {
    out.append(String.join(", ", cells)).append('\n');
  }

  /** A decimal without trailing zeros, so 100.00 and 100 read the same; null is "-". */
  static String num(BigDecimal value) {
    if (value == null) {
      return "-";
    }
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /** A UTC time; a bar at midnight UTC (daily data) is its date alone. */
  static String time(Instant time) {
    var utc = time.atOffset(ZoneOffset.UTC);
    return utc.toLocalTime().toSecondOfDay() == 0 && utc.getNano() == 0
        ? utc.toLocalDate().toString()
        : time.toString();
  }
}
