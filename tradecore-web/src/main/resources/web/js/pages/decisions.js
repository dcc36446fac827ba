// Decisions page: every question the LLM strategy asked, and for one decision the price chart of
// its instrument beside what the model decided and the plan it opened.
import { get, portfolioPath } from "../api.js";
import { priceChart } from "../charts.js";
import { h, fill, panel, table, empty } from "../dom.js";
import { money, price, quantity, time } from "../format.js";

const OUTCOME_CLASS = { accepted: "active", refused: "cancelled", held: "pending", failed: "closed", asking: "pending" };

function outcome(t) {
  return h("span", { class: `badge ${OUTCOME_CLASS[t.outcome] || ""}` }, t.outcome);
}

/** The instrument a decision is about: its plan's, else its first open_plan's, else none. */
function symbolOf(trace, plansById) {
  for (const id of trace.opened_plans) if (plansById.has(id)) return plansById.get(id).symbol;
  const open = (trace.decisions.accepted || []).find((d) => d.instrument);
  return open ? open.instrument : null;
}

function decisionList(trace) {
  const accepted = trace.decisions.accepted || [];
  const refused = trace.decisions.refused || [];
  const items = [
    ...accepted.map((d) =>
      h(
        "li",
        { class: "accepted" },
        h("strong", {}, d.action),
        d.instrument ? ` ${d.side} ${d.quantity} ${d.instrument}` : "",
        d.plan_id ? ` ${d.plan_id}` : "",
        d.stop ? ` · stop ${d.stop}` : "",
        d.target ? ` · target ${d.target}` : "",
        d.entry === "limit" ? ` · limit ${d.limit_price}` : "",
        h("div", { class: "muted small" }, `“${d.reason}”`),
      ),
    ),
    ...refused.map((r) => h("li", { class: "refused neg" }, `refused ${r.index < 0 ? "answer" : `decision ${r.index}`}: ${r.reason}: ${r.detail}`)),
  ];
  return items.length ? h("ul", { id: "decision-list", class: "observations" }, items) : h("p", { id: "decision-list", class: "muted" }, trace.reason);
}

export async function render(main, ctx) {
  const name = ctx.portfolio.name;
  const c = ctx.currency;
  const day = ctx.query.get("day") || "";
  const [data, plans, fills] = await Promise.all([
    get(portfolioPath(name, "llm/traces"), { day, last: 500 }),
    get(portfolioPath(name, "plans"), { status: "all" }),
    get(portfolioPath(name, "fills"), { limit: 1000 }),
  ]);
  const head = h(
    "div",
    { class: "page-head" },
    h("h1", {}, `${name}: decisions`),
    h(
      "div",
      { class: "toolbar" },
      h("label", {}, "Day ", h("input", { id: "decision-day", type: "date", value: day, onchange: (e) => ctx.navigate({ day: e.target.value }) })),
    ),
  );
  if (data.traces.length === 0) {
    fill(main, head, panel(null, "decisions-panel", empty("No decisions of the LLM strategy" + (day ? ` on ${day}` : "") + " yet.", `./tradecore run --portfolio ${name} --strategy llm --feed replay:FILE`)));
    return {};
  }
  const plansById = new Map(plans.plans.map((p) => [p.plan_id, p]));
  const wanted = ctx.query.get("trace");
  const chosen =
    data.traces.find((t) => t.trace_id === wanted) ||
    [...data.traces].reverse().find((t) => t.opened_plans.length > 0) ||
    data.traces[data.traces.length - 1];
  const byVersion = Object.entries(data.spent_by_version);

  // The chosen decision: the chart of its instrument beside the decision and the plan it opened.
  const symbol = symbolOf(chosen, plansById);
  const opened = chosen.opened_plans.map((id) => plansById.get(id)).filter(Boolean);
  const canvas = h("canvas", { id: "decision-chart" });
  const chartBox = h("div", { class: "chart tall" }, canvas);
  const card = h(
    "div",
    { id: "decision-card", class: "decision-card", dataset: { trace: chosen.trace_id } },
    h("h2", {}, `Decision at ${time(chosen.moment, ctx.zone)}`),
    h("p", {}, outcome(chosen), " ", h("span", { class: "muted small" }, `${chosen.model} · ${chosen.input_tokens ?? "–"} in / ${chosen.output_tokens ?? "–"} out · ${money(chosen.cost, c, { digits: 6 })} · ${chosen.latency_ms} ms`)),
    h("p", { class: "small" }, chosen.reason),
    decisionList(chosen),
    h("h3", {}, "Plan it opened"),
    opened.length === 0
      ? h("p", { id: "decision-plan", class: "muted" }, "This decision opened no plan.")
      : table(
          [
            { label: "Plan", cell: (p) => h("code", {}, p.plan_id) },
            { label: "Status", cell: (p) => h("span", { class: `badge ${p.status.toLowerCase()}` }, p.status) },
            { label: "Side", cell: (p) => p.side },
            { label: "Entry", num: true, cell: (p) => (p.entry === null ? "market" : price(p.entry, c)) },
            { label: "Stop", num: true, cell: (p) => h("span", { class: "neg" }, price(p.stop, c)) },
            { label: "Target", num: true, cell: (p) => h("span", { class: "pos" }, price(p.target, c)) },
            { label: "Filled", num: true, cell: (p) => quantity(p.filled) },
            { label: "Exit", cell: (p) => p.exit_reason || "" },
          ],
          opened,
          { id: "decision-plan" },
        ),
    h("details", {}, h("summary", {}, "Prompt and response"), h("pre", { class: "prompt" }, chosen.user_prompt), h("pre", { class: "prompt" }, chosen.response || "(no response)")),
  );
  const detail = panel(null, "decision-detail", h("div", { class: "decision-grid" }, h("div", {}, h("h2", {}, symbol || "No instrument"), chartBox), card));

  const list = panel(
    `${data.traces.length} question${data.traces.length === 1 ? "" : "s"} · spent ${money(data.spent, c, { digits: 6 })}` +
      (byVersion.length ? ` (${byVersion.map(([v, s]) => `${v} ${money(s, c, { digits: 6 })}`).join(", ")})` : ""),
    "decisions-panel",
    table(
      [
        { label: "Moment", cell: (t) => time(t.moment, ctx.zone) },
        { label: "Outcome", cell: outcome },
        { label: "Reason", cell: (t) => h("span", { class: "small" }, t.reason.length > 120 ? `${t.reason.slice(0, 117)}…` : t.reason) },
        { label: "Plans", cell: (t) => t.opened_plans.map((id) => h("code", {}, id, " ")) },
        { label: "Cost", num: true, cell: (t) => money(t.cost, c, { digits: 6 }) },
        { label: "", cell: (t) => h("a", { href: "#", class: "link", onclick: (e) => { e.preventDefault(); ctx.navigate({ day, trace: t.trace_id }); } }, t.trace_id === chosen.trace_id ? "shown" : "show") },
      ],
      [...data.traces].reverse(),
      { id: "decisions-table", rowAttrs: (t) => ({ dataset: { trace: t.trace_id, outcome: t.outcome }, class: t.trace_id === chosen.trace_id ? "selected" : null }) },
    ),
  );
  fill(main, head, detail, list);

  let chart = null;
  if (symbol) {
    const bars = await get(portfolioPath(name, "bars"), { symbol, limit: 1000 });
    if (!ctx.isCurrent()) return {};
    if (bars.bars.length === 0) {
      fill(chartBox, empty(`No stored bars for ${symbol}.`));
    } else {
      const planIds = new Set(opened.map((p) => p.plan_id));
      const mine = fills.items.filter((f) => f.symbol === symbol && (planIds.size === 0 || planIds.has(f.plan_id)));
      chart = priceChart(canvas, { bars: bars.bars, fills: mine, plans: opened, currency: c, labelOf: (iso) => time(iso, ctx.zone) });
    }
  } else {
    fill(chartBox, empty("This decision names no instrument."));
  }
  return { dispose: () => chart && chart.destroy() };
}
