// Days page: portfolio_days as a calendar heat map of daily returns and as a table.
import { get, portfolioPath } from "../api.js";
import { h, fill, panel, table, empty } from "../dom.js";
import { count, money, num, percent, signClass } from "../format.js";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A green (up) or red (down) shade, stronger as the return nears the largest of the period. */
function shade(ratio, scale) {
  if (ratio === null) return null;
  if (ratio === 0 || scale === 0) return "background: #eef1f5";
  const a = 0.15 + 0.85 * Math.min(1, Math.abs(ratio) / scale);
  const ink = a > 0.6 ? "; color: white" : "";
  return ratio > 0
    ? `background: rgba(22, 163, 74, ${a.toFixed(3)})${ink}`
    : `background: rgba(220, 38, 38, ${a.toFixed(3)})${ink}`;
}

function utcDate(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

/** One block per month, weeks as rows from Monday; days without a row stay blank. */
function heatMap(days, c) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const scale = Math.max(...days.map((d) => Math.abs(num(d.return_ratio) || 0)));
  const first = utcDate(days[0].day);
  const last = utcDate(days[days.length - 1].day);
  const months = [];
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m <= last; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const title = m.toLocaleString(undefined, { month: "long", year: "numeric", timeZone: "UTC" });
    const cells = WEEKDAYS.map((w) => h("div", { class: "hm-head" }, w.slice(0, 2)));
    const lead = (m.getUTCDay() + 6) % 7;
    for (let i = 0; i < lead; i++) cells.push(h("div", { class: "hm-cell blank" }));
    for (let d = new Date(m); d.getUTCMonth() === m.getUTCMonth(); d = new Date(d.getTime() + 86400000)) {
      const key = iso(d);
      const row = byDay.get(key);
      const r = row ? num(row.return_ratio) : null;
      cells.push(
        h(
          "div",
          {
            class: `hm-cell${row ? "" : " none"}`,
            style: row ? shade(r, scale) : null,
            title: row ? `${key}: ${percent(r, { signed: true })} (${money(row.pnl, c, { signed: true })}), ${row.fills} fills` : `${key}: no trading day recorded`,
            dataset: { day: key },
          },
          h("span", { class: "hm-day" }, String(d.getUTCDate())),
          row ? h("span", { class: "hm-ret" }, percent(r, { signed: true, digits: Math.abs(r) < 0.001 && r !== 0 ? 3 : 2 })) : null,
        ),
      );
    }
    months.push(h("div", { class: "hm-month" }, h("h3", {}, title), h("div", { class: "hm-grid" }, cells)));
  }
  return h(
    "div",
    { id: "heatmap" },
    h("div", { class: "hm-months" }, months),
    h(
      "div",
      { class: "hm-legend muted small" },
      h("span", { class: "hm-swatch", style: shade(-scale, scale) }),
      ` ${percent(-scale, { digits: 2 })} `,
      h("span", { class: "hm-swatch", style: shade(0, scale) }),
      " 0 ",
      h("span", { class: "hm-swatch", style: shade(scale, scale) }),
      ` ${percent(scale, { signed: true, digits: 2 })} · blank: no trading day recorded · click a day for its fills`,
    ),
  );
}

function daysTable(days, c) {
  const rows = [...days].reverse();
  return table(
    [
      { label: "Day", cell: (d) => h("a", { href: `#/activity?day=${d.day}` }, d.day) },
      { label: "Open equity", num: true, cell: (d) => money(d.open_equity, c) },
      { label: "Close equity", num: true, cell: (d) => money(d.close_equity, c) },
      { label: "PnL", num: true, cls: (d) => signClass(d.pnl), cell: (d) => money(d.pnl, c, { signed: true }) },
      { label: "Return", num: true, cls: (d) => signClass(d.return_ratio), cell: (d) => percent(d.return_ratio, { signed: true, digits: 3 }) },
      { label: "Realized", num: true, cls: (d) => signClass(d.realized_pnl), cell: (d) => money(d.realized_pnl, c, { signed: true }) },
      { label: "Fees", num: true, cell: (d) => money(d.fees, c) },
      { label: "Fills", num: true, cell: (d) => count(d.fills) },
      { label: "Open positions", num: true, cell: (d) => count(d.open_positions) },
      { label: "Open plans", num: true, cell: (d) => count(d.open_plans) },
    ],
    rows,
    { id: "days-table" },
  );
}

export async function render(main, ctx) {
  const name = ctx.portfolio.name;
  const mapPanel = panel("Daily returns", "heatmap-panel");
  const tablePanel = panel("portfolio_days", "days-panel");
  fill(main, h("div", { class: "page-head" }, h("h1", {}, `${name}: days`)), mapPanel, tablePanel);

  async function load() {
    const answer = await get(portfolioPath(name, "days"));
    if (!ctx.isCurrent()) return;
    const days = answer.days;
    if (days.length === 0) {
      fill(mapPanel, h("h2", {}, "Daily returns"), empty("No trading day recorded yet: a day is booked as a runner passes its close.", `./tradecore run --portfolio ${name} ...`));
      fill(tablePanel);
      return;
    }
    const map = heatMap(days, ctx.currency);
    map.addEventListener("click", (e) => {
      const cell = e.target.closest(".hm-cell[data-day]");
      if (cell && !cell.classList.contains("none")) window.location.hash = `#/activity?day=${cell.dataset.day}`;
    });
    fill(mapPanel, h("h2", {}, "Daily returns"), map);
    fill(tablePanel, h("h2", {}, "portfolio_days"), daysTable(days, ctx.currency));
  }

  await load();
  return { refresh: (types) => (types.has("daily_log") || types.has("equity") || types.has("fill") ? load() : Promise.resolve()) };
}
