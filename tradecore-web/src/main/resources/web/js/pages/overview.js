// Overview page: summary cards, the equity curve with drawdown, and the per-bot-version slices.
import { get, portfolioPath } from "../api.js";
import { equityChart } from "../charts.js";
import { h, fill, panel, table, empty } from "../dom.js";
import { count, localTime, money, percent, signClass, time } from "../format.js";

function card(label, value, { cls = "", sub = null, id = null } = {}) {
  return h(
    "div",
    { class: "card", dataset: id ? { card: id } : {} },
    h("div", { class: "card-label" }, label),
    h("div", { class: `card-value ${cls}` }, value),
    sub ? h("div", { class: "card-sub" }, sub) : null,
  );
}

function cards(one, c) {
  const s = one.summary;
  const equity = Number(s.equity);
  const exposure = equity ? Number(s.gross_exposure) / equity : null;
  return [
    card("Equity", money(s.equity, c), {
      id: "equity",
      sub: `started with ${money(one.portfolio.starting_cash, c, { digits: 0 })}`,
    }),
    card("Cash", money(s.cash, c), { id: "cash" }),
    card("Total PnL", money(s.total_pnl, c, { signed: true }), {
      id: "total_pnl",
      cls: signClass(s.total_pnl),
      sub: `${percent(one.total_return, { signed: true })} return`,
    }),
    card("Realized PnL", money(s.realized_pnl, c, { signed: true }), {
      id: "realized_pnl",
      cls: signClass(s.realized_pnl),
    }),
    card("Unrealized PnL", money(s.unrealized_pnl, c, { signed: true }), {
      id: "unrealized_pnl",
      cls: signClass(s.unrealized_pnl),
    }),
    card("Gross exposure", money(s.gross_exposure, c), {
      id: "exposure",
      sub: exposure === null ? null : `${percent(exposure, { digits: 1 })} of equity`,
    }),
    card("Open positions", count(s.open_positions), {
      id: "open_positions",
      sub: `${count(one.open_plans)} open plan${one.open_plans === 1 ? "" : "s"}`,
    }),
    card("Fees and costs", money(Number(s.fees) + Number(s.other_costs), c), {
      id: "fees",
      sub: `fees ${money(s.fees, c)} · other ${money(s.other_costs, c)} · ${count(s.fills)} fills`,
    }),
  ];
}

function slices(one, c, name) {
  if (one.by_bot_version.length === 0) {
    return empty("No fills yet, so no bot_version has traded.", `./tradecore run --portfolio ${name} --strategy breakout --feed replay:FILE`);
  }
  const m = (key, signed = false) => ({
    label: key,
    num: true,
    cls: (r) => (signed ? signClass(r[key]) : ""),
    cell: (r) => money(r[key], c, { signed }),
  });
  return [
    table(
      [
        { label: "bot_version", cell: (r) => h("code", {}, r.bot_version) },
        { label: "fills", num: true, cell: (r) => count(r.fills) },
        { ...m("realized_pnl", true), label: "Realized" },
        { ...m("unrealized_pnl", true), label: "Unrealized" },
        { ...m("fees"), label: "Fees" },
        { ...m("total_pnl", true), label: "Total PnL" },
        { ...m("cash"), label: "Net cash flow" },
        { ...m("equity"), label: "Net value" },
        { ...m("gross_exposure"), label: "Exposure" },
        { label: "Open positions", num: true, cell: (r) => count(r.open_positions) },
      ],
      one.by_bot_version,
      { id: "slices-table" },
    ),
    h(
      "p",
      { class: "muted small" },
      "Each slice counts only that version's fills and starts from zero cash; the slices' total PnL adds up to the portfolio's.",
    ),
  ];
}

function runLine(one, zone) {
  const r = one.last_run;
  const last = one.last_event ? `last market event ${time(one.last_event, zone)}` : "no market event yet";
  if (!r) return h("p", { class: "muted" }, `No run yet · ${last}`);
  return h(
    "p",
    { class: "muted" },
    `${one.portfolio.calendar} · ${zone} · last run `,
    h("code", {}, r.bot_version),
    ` ${r.strategy} (${r.mode}) started ${localTime(r.started)}, `,
    r.ended ? `ended ${localTime(r.ended)}: ${r.end_reason || ""}` : "running",
    ` · ${last}`,
  );
}

/** The drift the last run found between the ledger and the broker, which halts new entries. */
function driftLine(one) {
  if (!one.drift) return null;
  return h("p", { class: "banner warn", id: "drift-line", role: "alert" }, `Drift: ${one.drift}`);
}

/** Who trades the portfolio now and who stands by to take it over. */
function runnerLine(one) {
  const r = one.runner;
  if (!r) return null;
  const holder = r.holder
    ? `traded by run ${r.holder.run} on ${r.holder.host} (pid ${r.holder.pid}) since ${localTime(r.holder.since)}`
    : "not traded by any runner now";
  const standbys = r.standbys.length
    ? `standing by: ${r.standbys.map((s) => `${s.host} (pid ${s.pid}) since ${localTime(s.since)}`).join(", ")}`
    : "no standby";
  return h("p", { class: "muted small", id: "runner-line" }, `${holder} · ${standbys}`);
}

export async function render(main, ctx) {
  const name = ctx.portfolio.name;
  const c = ctx.currency;
  const head = h("div", { class: "page-head" });
  const cardBox = h("div", { class: "cards", id: "summary-cards" });
  const canvas = h("canvas", { id: "equity-chart" });
  const ddCanvas = h("canvas", { id: "drawdown-chart" });
  const charts = [h("div", { class: "chart" }, canvas), h("div", { class: "chart short" }, ddCanvas)];
  const chartBox = h("div", {}, charts);
  const equityPanel = panel("Equity and drawdown", "equity-panel", chartBox);
  const slicePanel = panel("By bot_version", "slices-panel");
  fill(main, head, cardBox, equityPanel, slicePanel);
  let chart = null;
  const dispose = () => {
    if (chart) {
      chart.equity.destroy();
      chart.drawdown.destroy();
    }
    chart = null;
  };

  async function load() {
    const [one, eq] = await Promise.all([
      get(portfolioPath(name)),
      get(portfolioPath(name, "equity")),
    ]);
    if (!ctx.isCurrent()) return;
    fill(head, h("h1", {}, name, h("span", { class: "muted" }, ` ${one.portfolio.base_currency}`)), runLine(one, ctx.zone), runnerLine(one), driftLine(one));
    fill(cardBox, cards(one, c));
    if (eq.equity.length === 0) {
      dispose();
      fill(
        chartBox,
        empty("No equity history yet: a snapshot is written at each day's close while a runner trades.", "./tradecore run --portfolio " + name + " ..."),
      );
    } else {
      if (!chartBox.contains(canvas)) fill(chartBox, charts);
      chart = equityChart(canvas, ddCanvas, eq.equity, c, chart);
    }
    fill(slicePanel, h("h2", {}, "By bot_version"), slices(one, c, name));
  }

  await load();
  return {
    refresh: () => load(),
    dispose,
  };
}
