// Prices page: one instrument's stored bars with its fills marked and its open plans' stop and target drawn.
import { get, portfolioPath } from "../api.js";
import { priceChart } from "../charts.js";
import { h, fill, panel, table, empty } from "../dom.js";
import { price, quantity, time } from "../format.js";

export async function render(main, ctx) {
  const name = ctx.portfolio.name;
  const c = ctx.currency;
  const [pos, plans, fills] = await Promise.all([
    get(portfolioPath(name, "positions")),
    get(portfolioPath(name, "plans"), { status: "all" }),
    get(portfolioPath(name, "fills"), { limit: 1000 }),
  ]);
  const symbols = [
    ...new Set([
      ...pos.positions.map((p) => p.symbol),
      ...plans.plans.map((p) => p.symbol),
      ...fills.items.map((f) => f.symbol),
    ]),
  ].sort();
  if (symbols.length === 0) {
    fill(
      main,
      h("div", { class: "page-head" }, h("h1", {}, `${name}: prices`)),
      panel(null, "price-panel", empty("No instrument traded yet: the chart shows the bars a runner stored.", `./tradecore run --portfolio ${name} --strategy breakout --feed replay:FILE`)),
    );
    return {};
  }
  const wanted = ctx.query.get("symbol");
  const symbol = symbols.includes(wanted) ? wanted : symbols[0];
  const select = h(
    "select",
    { id: "symbol-select", "aria-label": "Instrument", onchange: (e) => ctx.navigate({ symbol: e.target.value }) },
    symbols.map((s) => h("option", { value: s, selected: s === symbol }, s)),
  );
  const canvas = h("canvas", { id: "price-chart" });
  const chartBox = h("div", { class: "chart tall" }, canvas);
  const levels = h("div", { id: "plan-levels", class: "below-chart" });
  const chartPanel = panel(null, "price-panel", h("div", { class: "toolbar" }, h("label", {}, "Instrument ", select)), chartBox, levels);
  fill(main, h("div", { class: "page-head" }, h("h1", {}, `${name}: ${symbol}`)), chartPanel);
  let chart = null;
  const labelOf = (iso) => time(iso, ctx.zone);

  async function load(first) {
    const [bars, open, recent] = await Promise.all([
      get(portfolioPath(name, "bars"), { symbol, limit: 1000 }),
      first ? { plans: plans.plans.filter((p) => p.status === "PENDING" || p.status === "ACTIVE") } : get(portfolioPath(name, "plans"), { status: "open" }),
      first ? fills : get(portfolioPath(name, "fills"), { limit: 1000 }),
    ]);
    if (!ctx.isCurrent()) return;
    const mine = recent.items.filter((f) => f.symbol === symbol);
    const openPlans = open.plans.filter((p) => p.symbol === symbol);
    chartBox.className = bars.bars.length === 0 ? "" : "chart tall";
    if (bars.bars.length === 0) {
      if (chart) chart.destroy();
      chart = null;
      fill(chartBox, empty(`No stored bars for ${symbol}: a runner stores the bars it trades on (kept for the retention window).`, `./tradecore run --portfolio ${name} --feed replay:FILE ...`));
    } else {
      if (!chartBox.contains(canvas)) fill(chartBox, canvas);
      const first = Date.parse(bars.bars[0].time);
      chart = priceChart(
        canvas,
        { bars: bars.bars, fills: mine.filter((f) => Date.parse(f.time) >= first), plans: openPlans, currency: c, labelOf },
        chart,
      );
    }
    fill(
      levels,
      h("h2", {}, `Open plans on ${symbol}`),
      openPlans.length === 0
        ? h("p", { class: "muted" }, `No open plan on ${symbol}.`)
        : table(
            [
              { label: "Plan", cell: (p) => h("code", {}, p.plan_id) },
              { label: "Status", cell: (p) => h("span", { class: `badge ${p.status.toLowerCase()}` }, p.status) },
              { label: "Side", cell: (p) => p.side },
              { label: "Entry", num: true, cell: (p) => (p.entry === null ? "market" : price(p.entry, c)) },
              { label: "Stop", num: true, cell: (p) => h("span", { class: "neg" }, price(p.effective_stop, c)) },
              { label: "Target", num: true, cell: (p) => h("span", { class: "pos" }, price(p.target, c)) },
              { label: "Held", num: true, cell: (p) => quantity(p.open_quantity) },
            ],
            openPlans,
            { id: "price-plans-table" },
          ),
      h("p", { class: "muted small" }, `${mine.length} fill${mine.length === 1 ? "" : "s"} on ${symbol}: ▲ buys, ▼ sells; dashed lines are the open plans' stop (red), target (green) and pending entry (violet).`),
    );
  }

  await load(true);
  return {
    refresh: () => load(false),
    dispose: () => chart && chart.destroy(),
  };
}
