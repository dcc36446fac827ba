// Positions page: open positions with unrealized PnL, and open plans with the distance of the price to each level.
import { get, portfolioPath } from "../api.js";
import { h, fill, panel, table, empty } from "../dom.js";
import { money, num, percent, price, quantity, signClass, time } from "../format.js";

/** The quantity a plan's money distances are for: what it holds, else what it will buy. */
function planQuantity(p) {
  const open = num(p.open_quantity);
  if (open) return open;
  const fixed = /^fixed:(.+)$/.exec(p.sizing || "");
  return fixed ? num(fixed[1]) : null;
}

/**
 * The distance from the mark to a level: the price move as a percentage of the mark, and what the
 * plan would gain or lose (signed for its side) if the price went there.
 */
function distance(p, level, c) {
  const l = num(level);
  const mark = num(p.mark);
  if (l === null || mark === null || mark === 0) return "–";
  const move = l - mark;
  const qty = planQuantity(p);
  const sign = p.side === "SELL" ? -1 : 1;
  const pnl = qty === null ? null : sign * move * qty;
  return h(
    "span",
    { class: "dist" },
    h("span", { class: signClass(move) }, percent(move / mark, { signed: true })),
    h(
      "span",
      { class: `muted small ${pnl === null ? "" : signClass(pnl)}` },
      pnl === null
        ? `${money(move, c, { signed: true })} / unit`
        : `${money(pnl, c, { signed: true })} on ${quantity(String(qty))}`,
    ),
  );
}

function positionsTable(rows, c) {
  if (rows.length === 0) {
    return empty("No open positions: the portfolio holds only cash.", "./tradecore run --portfolio NAME ...", "to let a strategy open plans.");
  }
  return table(
    [
      { label: "Symbol", cell: (r) => h("a", { href: `#/prices?symbol=${encodeURIComponent(r.symbol)}` }, r.symbol) },
      // A short holds a negative quantity: say so beside it.
      { label: "Side", cell: (r) => (num(r.quantity) < 0 ? h("span", { class: "side sell" }, "short") : h("span", { class: "side buy" }, "long")) },
      { label: "Quantity", num: true, cell: (r) => quantity(r.quantity) },
      { label: "Average cost", num: true, cell: (r) => price(r.average_cost, c) },
      { label: "Mark", num: true, cell: (r) => price(r.mark, c) },
      { label: "Cost basis", num: true, cell: (r) => money(r.cost_basis, c) },
      { label: "Market value", num: true, cell: (r) => money(r.market_value, c) },
      {
        label: "Unrealized PnL",
        num: true,
        cls: (r) => signClass(r.unrealized_pnl),
        cell: (r) => money(r.unrealized_pnl, c, { signed: true }),
      },
      {
        label: "Unrealized %",
        num: true,
        cls: (r) => signClass(r.unrealized_pnl),
        cell: (r) =>
          num(r.cost_basis) ? percent(num(r.unrealized_pnl) / Math.abs(num(r.cost_basis)), { signed: true }) : "–",
      },
    ],
    rows,
    { id: "positions-table", rowAttrs: (r) => ({ dataset: { symbol: r.symbol } }) },
  );
}

function plansTable(rows, c, zone) {
  if (rows.length === 0) {
    return empty("No open plans: a strategy opens plans (entry, stop, target) while a runner trades.", "./tradecore run --portfolio NAME ...");
  }
  return table(
    [
      { label: "Plan", cell: (r) => h("code", {}, r.plan_id) },
      { label: "Symbol", cell: (r) => h("a", { href: `#/prices?symbol=${encodeURIComponent(r.symbol)}` }, r.symbol) },
      { label: "Side", cell: (r) => h("span", { class: `side ${r.side.toLowerCase()}` }, r.side) },
      { label: "Status", cell: (r) => h("span", { class: `badge ${r.status.toLowerCase()}` }, r.status) },
      { label: "Size", cell: (r) => (num(r.open_quantity) ? `${quantity(r.open_quantity)} held` : r.sizing) },
      { label: "Entry", num: true, cell: (r) => (r.entry === null ? "market" : price(r.entry, c)) },
      {
        label: "Stop",
        num: true,
        cell: (r) => [price(r.effective_stop, c), r.trail_stop !== null ? h("span", { class: "muted small" }, " trailing") : null],
      },
      { label: "Target", num: true, cell: (r) => price(r.target, c) },
      { label: "Last price", num: true, cell: (r) => price(r.mark, c) },
      { label: "To entry", num: true, cell: (r) => (r.status === "PENDING" && r.entry !== null ? distance(r, r.entry, c) : "–") },
      { label: "To stop", num: true, cell: (r) => distance(r, r.effective_stop, c) },
      { label: "To target", num: true, cell: (r) => distance(r, r.target, c) },
      { label: "bot_version", cell: (r) => h("code", {}, r.bot_version) },
      { label: "Opened", cell: (r) => time(r.created, zone) },
    ],
    rows,
    { id: "plans-table", rowAttrs: (r) => ({ dataset: { plan: r.plan_id } }) },
  );
}

export async function render(main, ctx) {
  const name = ctx.portfolio.name;
  const posPanel = panel("Open positions", "positions-panel");
  const planPanel = panel("Open plans", "plans-panel");
  fill(main, h("div", { class: "page-head" }, h("h1", {}, `${name}: positions and plans`)), posPanel, planPanel);

  async function load() {
    const [pos, plans] = await Promise.all([
      get(portfolioPath(name, "positions")),
      get(portfolioPath(name, "plans"), { status: "open" }),
    ]);
    if (!ctx.isCurrent()) return;
    fill(posPanel, h("h2", {}, "Open positions"), positionsTable(pos.positions, ctx.currency));
    fill(
      planPanel,
      h("h2", {}, "Open plans"),
      plansTable(plans.plans, ctx.currency, ctx.zone),
      plans.plans.length
        ? h(
            "p",
            { class: "muted small" },
            "Distances are from the last price to each level, as a share of the price and as the gain or loss on the plan's quantity if the price went there.",
          )
        : null,
    );
  }

  await load();
  return { refresh: () => load() };
}
