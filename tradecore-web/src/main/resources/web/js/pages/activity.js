// Fills and orders page: the history, newest first, narrowed to one trading day by the day filter (?day=).
import { get, portfolioPath } from "../api.js";
import { h, fill, panel, table, empty } from "../dom.js";
import { count, dayOf, money, price, quantity, time } from "../format.js";

const PAGE = 100;

function fillsTable(items, c, zone, seenSeq) {
  return table(
    [
      { label: "#", num: true, cell: (f) => f.seq },
      { label: "Time", cell: (f) => time(f.time, zone) },
      { label: "Day", cell: (f) => f.day },
      { label: "Symbol", cell: (f) => h("a", { href: `#/prices?symbol=${encodeURIComponent(f.symbol)}` }, f.symbol) },
      { label: "Side", cell: (f) => h("span", { class: `side ${f.side.toLowerCase()}` }, f.side) },
      { label: "Quantity", num: true, cell: (f) => quantity(f.quantity) },
      { label: "Price", num: true, cell: (f) => price(f.price, c) },
      { label: "Value", num: true, cell: (f) => money(f.value, c) },
      { label: "Fee", num: true, cell: (f) => money(f.fee, c) },
      { label: "Plan", cell: (f) => (f.plan_id ? h("code", {}, f.plan_id) : "–") },
      { label: "bot_version", cell: (f) => h("code", {}, f.bot_version) },
      { label: "Source", cell: (f) => f.source },
    ],
    items,
    {
      id: "fills-table",
      rowAttrs: (f) => ({ class: f.seq > seenSeq ? "fresh" : null, dataset: { seq: f.seq, trade: f.trade_id } }),
    },
  );
}

function ordersTable(items, c, zone) {
  return table(
    [
      { label: "Created", cell: (o) => time(o.created, zone) },
      { label: "Order", cell: (o) => h("code", {}, o.client_order_id) },
      { label: "Role", cell: (o) => (o.exit_reason ? `${o.role} (${o.exit_reason})` : o.role) },
      { label: "Symbol", cell: (o) => o.symbol },
      { label: "Side", cell: (o) => h("span", { class: `side ${o.side.toLowerCase()}` }, o.side) },
      { label: "Type", cell: (o) => o.type },
      { label: "Quantity", num: true, cell: (o) => (o.quantity !== null ? quantity(o.quantity) : money(o.quote_amount, c)) },
      { label: "Limit", num: true, cell: (o) => price(o.limit_price, c) },
      { label: "Stop", num: true, cell: (o) => price(o.stop_price, c) },
      { label: "Status", cell: (o) => h("span", { class: `badge ${o.status.toLowerCase()}` }, o.status) },
      { label: "Updated", cell: (o) => time(o.updated, zone) },
      { label: "bot_version", cell: (o) => h("code", {}, o.bot_version) },
    ],
    items,
    { id: "orders-table" },
  );
}

export async function render(main, ctx) {
  const name = ctx.portfolio.name;
  const c = ctx.currency;
  const day = ctx.query.get("day") || "";
  const offset = Math.max(0, Number(ctx.query.get("offset")) || 0);
  const input = h("input", {
    type: "date",
    id: "day-filter",
    value: day,
    "aria-label": "Trading day",
    onchange: (e) => ctx.navigate({ day: e.target.value }),
  });
  const clear = h("button", { type: "button", class: "link", id: "day-clear", disabled: !day, onclick: () => ctx.navigate({}) }, "all days");
  const fillsPanel = panel("Fills", "fills-panel");
  const ordersPanel = panel("Orders", "orders-panel");
  fill(
    main,
    h("div", { class: "page-head" }, h("h1", {}, `${name}: fills and orders`)),
    h(
      "div",
      { class: "toolbar" },
      h("label", {}, "Trading day ", input),
      clear,
      h("span", { class: "muted small" }, `days in ${ctx.zone}; a daily bar's fills keep their own date`),
    ),
    fillsPanel,
    ordersPanel,
  );

  let seenSeq = Infinity; // fills above it arrived while the page was open: highlighted

  async function load() {
    const [fills, orders] = await Promise.all([
      get(portfolioPath(name, "fills"), { day, limit: PAGE, offset }),
      get(portfolioPath(name, "orders"), { limit: 1000 }),
    ]);
    if (!ctx.isCurrent()) return;
    const heading = day ? `Fills on ${day}` : "Fills";
    const pager = h(
      "div",
      { class: "pager" },
      h("span", { id: "fills-count" }, `${count(fills.total)} fill${fills.total === 1 ? "" : "s"}${day ? ` on ${day}` : ""}`),
      offset > 0
        ? h("button", { type: "button", class: "link", onclick: () => ctx.navigate({ day, offset: Math.max(0, offset - PAGE) }) }, "← newer")
        : null,
      offset + PAGE < fills.total
        ? h("button", { type: "button", class: "link", onclick: () => ctx.navigate({ day, offset: offset + PAGE }) }, "older →")
        : null,
    );
    fill(
      fillsPanel,
      h("h2", {}, heading),
      pager,
      fills.items.length
        ? fillsTable(fills.items, c, ctx.zone, seenSeq)
        : day
          ? empty(`No fills on ${day}.`)
          : empty("No fills yet.", `./tradecore run --portfolio ${name} --strategy breakout --feed replay:FILE`, "to trade it."),
    );
    seenSeq = Math.max(0, ...fills.items.map((f) => f.seq));
    const shown = day
      ? orders.items.filter((o) => dayOf(o.created, ctx.zone) === day || dayOf(o.updated, ctx.zone) === day)
      : orders.items;
    fill(
      ordersPanel,
      h("h2", {}, day ? `Orders created or updated on ${day}` : "Orders"),
      shown.length
        ? ordersTable(shown, c, ctx.zone)
        : empty(day ? `No orders on ${day}.` : "No orders yet: orders are placed when a plan enters or exits."),
      orders.total > orders.items.length ? h("p", { class: "muted small" }, `The newest ${orders.items.length} of ${count(orders.total)} orders.`) : null,
    );
  }

  await load();
  return { refresh: (types) => (types.has("fill") || types.has("plan") ? load() : Promise.resolve()) };
}
