// Run Insights page: experiment runs under the run roots, a run's experiment and eval figures, and its
// action trace charted with min/max downsampling, drag-to-zoom re-querying the range at full fidelity.
// Another run's trace can be overlaid on the same chart (the same metrics, environment and steps).
import { get } from "../api.js";
import { h, fill, panel, table, empty } from "../dom.js";
import { money, percent } from "../format.js";
import { equityChart } from "../charts.js";

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#7c3aed", "#ea580c", "#0891b2", "#be185d", "#4d7c0f"];
const POINTS = [500, 1500, 5000];

/** The API path of a run: each '/'-separated part of its name encoded. */
function runPath(prefix, name) {
  return `${prefix}/${name.split("/").map(encodeURIComponent).join("/")}`;
}

function isRatio(key) {
  return /(_pct|win_rate|drawdown|return)$/.test(key);
}

function isMoney(key) {
  return /(equity|cash|pnl|profit|capital|balance)/.test(key);
}

function figure(key, value, currency) {
  if (typeof value !== "number") return value === null || value === undefined ? "–" : String(value);
  if (isRatio(key)) return percent(value, { digits: 2 });
  if (isMoney(key)) return money(value, currency);
  return Number.isInteger(value) ? value.toLocaleString() : value.toLocaleString(undefined, { maximumFractionDigits: 6 });
}

function card(label, value, sub = null, attrs = {}) {
  return h(
    "div",
    { class: "card", ...attrs },
    h("div", { class: "card-label" }, label),
    h("div", { class: "card-value" }, value),
    sub ? h("div", { class: "card-sub" }, sub) : null,
  );
}

function plain(v) {
  if (v === null || v === undefined) return "–";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function number(v) {
  if (v === null || v === undefined) return "–";
  return Math.abs(v) >= 1000
    ? v.toLocaleString(undefined, { maximumFractionDigits: 2 })
    : v.toLocaleString(undefined, { maximumSignificantDigits: 6 });
}

export async function render(main, ctx) {
  const list = await get("runs");
  const runs = list.runs;
  const head = h("div", { class: "page-head" }, h("h1", {}, "Run Insights"));
  if (runs.length === 0) {
    fill(
      main,
      head,
      panel(null, "runs-panel", empty("No experiment runs found under the run roots.", "./tradecore insights sample --out runs/sample", "then ./tradecore serve --runs-dir runs")),
    );
    return {};
  }
  const wanted = ctx.query.get("run");
  const selected = runs.find((r) => r.name === wanted) || runs[0];
  const runTable = table(
    [
      { label: "Run", cell: (r) => h("a", { href: `#/insights?run=${encodeURIComponent(r.name)}`, class: "run-link", "data-run": r.name }, r.name) },
      { label: "Algorithm", cell: (r) => [r.algorithm, r.policy].filter(Boolean).join(" / ") || "–" },
      { label: "Envs", num: true, cell: (r) => plain(r.environments) },
      { label: "Mean return", num: true, cell: (r) => (r.eval && r.eval.mean_return_pct !== undefined ? percent(r.eval.mean_return_pct) : "–") },
      { label: "Modified", cell: (r) => plain(r.modified) },
      { label: "Problems", cell: (r) => (r.problems.length ? h("span", { class: "neg" }, r.problems.join("; ")) : "") },
    ],
    runs,
    { id: "runs-table", rowAttrs: (r) => ({ class: r.name === selected.name ? "selected" : null }) },
  );
  const detailBox = h("div", { id: "run-detail" });
  fill(main, head, panel("Runs", "runs-panel", runTable), detailBox);

  const detail = await get(runPath("runs", selected.name));
  if (!ctx.isCurrent()) return {};
  const exp = detail.experiment || {};
  const currency = typeof exp.currency === "string" ? exp.currency : "USD";
  const expCards = [];
  for (const key of ["algorithm", "policy", "env_id", "n_envs", "learning_rate", "gamma", "total_timesteps", "initial_cash", "device"]) {
    if (exp[key] === undefined) continue;
    const value = key === "initial_cash" ? money(exp[key], currency) : typeof exp[key] === "number" ? exp[key].toLocaleString(undefined, { maximumSignificantDigits: 8 }) : plain(exp[key]);
    expCards.push(card(key.replace(/_/g, " "), value));
  }
  const evalCards = Object.entries(detail.eval_summary || {}).map(([k, v]) =>
    card(k.replace(/_/g, " "), figure(k, v, currency), null, { "data-key": k }),
  );
  const problems = detail.problems.length
    ? h("div", { class: "banner warn", id: "run-problems" }, detail.problems.join("; "))
    : null;
  const tracePanel = panel("Action trace", "trace-panel");
  const isSweep = typeof exp.algorithm === "string" && exp.algorithm.startsWith("optimize:");
  const sweepPanel = isSweep ? panel("Parameter sweep", "sweep-panel") : null;
  fill(
    detailBox,
    h("h2", {}, selected.name),
    problems,
    panel("Experiment", "experiment-panel", expCards.length ? h("div", { class: "cards", id: "experiment-cards" }, expCards) : h("p", { class: "muted" }, "No experiment.json.")),
    panel("Evaluation", "eval-panel", evalCards.length ? h("div", { class: "cards", id: "eval-cards" }, evalCards) : h("p", { class: "muted" }, "No eval_summary.json.")),
    sweepPanel,
    isSweep ? null : tracePanel,
  );
  if (isSweep) {
    await sweep(sweepPanel, selected.name, currency, ctx);
    return {};
  }
  if (!detail.trace) {
    fill(tracePanel, h("h2", {}, "Action trace"), empty("This run has no readable action trace (*_actions.csv or *_actions.parquet)."));
    return {};
  }
  const others = runs.filter((r) => r.name !== selected.name).map((r) => r.name);
  return trace(tracePanel, selected.name, detail.trace, ctx, currency, others);
}

function trace(box, name, info, ctx, currency, others) {
  const numeric = info.numeric_columns;
  const initial = numeric.includes("equity") ? ["equity"] : numeric.slice(0, 1);
  const wantedCompare = ctx.query.get("compare");
  const state = {
    metrics: initial,
    env: "all",
    points: 1500,
    from: null,
    to: null,
    compare: others.includes(wantedCompare) ? wantedCompare : null,
  };
  const metricSelect = h(
    "select",
    { id: "metric-select", multiple: true, size: Math.min(6, numeric.length), "aria-label": "Metrics" },
    numeric.map((m) => h("option", { value: m, selected: initial.includes(m) }, m)),
  );
  const envSelect = h(
    "select",
    { id: "env-select", "aria-label": "Environment" },
    h("option", { value: "all" }, "all environments"),
    info.env_ids.map((e) => h("option", { value: String(e) }, `env ${e}`)),
  );
  const pointSelect = h(
    "select",
    { id: "points-select", "aria-label": "Points" },
    POINTS.map((p) => h("option", { value: String(p), selected: p === state.points }, `${p} points`)),
  );
  const compareSelect = h(
    "select",
    { id: "compare-select", "aria-label": "Overlay another run" },
    h("option", { value: "" }, "no other run"),
    others.map((r) => h("option", { value: r, selected: r === state.compare }, r)),
  );
  const reset = h("button", { id: "zoom-reset", type: "button", disabled: true }, "Reset zoom");
  const range = h("span", { id: "trace-range", class: "muted small" });
  const canvas = h("canvas", { id: "trace-chart" });
  const band = h("div", { class: "zoom-band", hidden: true });
  const chartBox = h("div", { class: "chart tall", style: "position: relative" }, canvas, band);
  const stats = h("div", { id: "trace-stats" });
  const compareStats = h("div", { id: "compare-stats" });
  const samples = h("div", { id: "trace-samples", class: "below-chart" });
  fill(
    box,
    h("h2", {}, `Action trace: ${info.file}`),
    h("p", { class: "muted small" }, `${info.row_count.toLocaleString()} rows, ${info.env_ids.length} environment(s), steps ${info.min_step} to ${info.max_step}. Drag across the chart to zoom.`),
    h(
      "div",
      { class: "toolbar" },
      h("label", {}, "Metrics ", metricSelect),
      h("label", {}, "Environment ", envSelect),
      h("label", {}, "Points ", pointSelect),
      h("label", {}, "Overlay ", compareSelect),
      reset,
      range,
    ),
    chartBox,
    stats,
    compareStats,
    samples,
  );
  let chart = null;
  let generation = 0;

  async function load() {
    const mine = ++generation;
    box.dataset.loading = "true";
    const query = {
      metrics: state.metrics.join(","),
      env: state.env,
      max_points: state.points,
      from_step: state.from,
      to_step: state.to,
    };
    const other = state.compare;
    const [answer, overlay] = await Promise.all([
      get(runPath("run-actions", name), query),
      other ? get(runPath("run-actions", other), query).catch((e) => ({ error: e.message })) : null,
    ]);
    if (mine !== generation || !ctx.isCurrent()) return;
    draw(answer, overlay, other);
    box.dataset.loading = "false";
    box.dataset.from = String(answer.from_step);
    box.dataset.to = String(answer.to_step);
  }

  /** The chart lines of one answer; an overlaid run's are dashed and named after it. */
  function lines(answer, run, first) {
    return answer.series.map((s, i) => {
      const color = COLORS[(first + i) % COLORS.length];
      const label = answer.env === "all" ? `${s.metric} · env ${s.env}` : s.metric;
      return {
        label: run ? `${run} · ${label}` : label,
        data: s.steps.map((x, j) => ({ x, y: s.values[j] })),
        borderColor: color,
        backgroundColor: color,
        borderWidth: 1.2,
        borderDash: run ? [6, 3] : [],
        pointRadius: 0,
        yAxisID: answer.metrics.length > 1 && s.metric !== answer.metrics[0] ? "y2" : "y",
      };
    });
  }

  function draw(answer, overlay, other) {
    const datasets = lines(answer, null, 0);
    let from = answer.from_step;
    let to = answer.to_step;
    if (overlay && !overlay.error) {
      datasets.push(...lines(overlay, other, answer.series.length));
      from = Math.min(from, overlay.from_step);
      to = Math.max(to, overlay.to_step);
    }
    const scales = {
      x: { type: "linear", min: from, max: to, title: { display: true, text: "step" } },
      y: { position: "left", title: { display: true, text: answer.metrics[0] } },
    };
    if (answer.metrics.length > 1) {
      scales.y2 = { position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: answer.metrics.slice(1).join(", ") } };
    }
    if (chart) {
      chart.data.datasets = datasets;
      chart.options.scales = scales;
      chart.update("none");
    } else {
      chart = new window.Chart(canvas, {
        type: "line",
        data: { datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          parsing: false,
          normalized: true,
          interaction: { mode: "nearest", axis: "x", intersect: false },
          plugins: { legend: { labels: { usePointStyle: true, boxWidth: 8 } } },
          scales,
        },
      });
    }
    const points = datasets.reduce((n, d) => n + d.data.length, 0);
    fill(range, `steps ${answer.from_step}–${answer.to_step} · ${points.toLocaleString()} points · ${answer.method} · ${answer.elapsed_ms} ms`);
    reset.disabled = state.from === null && state.to === null;
    fill(stats, statsRows(answer));
    if (!other) {
      fill(compareStats);
    } else if (overlay.error) {
      fill(compareStats, h("p", { class: "neg", id: "compare-error" }, `${other}: ${overlay.error}`));
    } else {
      fill(compareStats, h("h3", { class: "compare-run" }, `Overlaid: ${other}`), statsRows(overlay));
    }
    const cols = answer.columns;
    fill(
      samples,
      h("h3", {}, "Sample rows"),
      table(
        cols.map((c) => ({ label: c, num: c !== "timestamp", cell: (r) => plain(r[c]) })),
        answer.sample_rows,
        { id: "trace-sample-table" },
      ),
    );
  }

  /** One row of stats cards per metric of an answer. */
  function statsRows(answer) {
    return answer.metrics.map((m) => {
      const st = answer.stats[m];
      const fmt = (v) => (isMoney(m) ? money(v, currency) : number(v));
      return h(
        "div",
        { class: "stats-row", "data-metric": m },
        h("h3", {}, `${m}${answer.env === "all" ? " (all environments)" : ` (env ${answer.env})`}`),
        h(
          "div",
          { class: "cards" },
          card("min", fmt(st.min), null, { "data-stat": "min" }),
          card("max", fmt(st.max), null, { "data-stat": "max" }),
          card("mean", fmt(st.mean), null, { "data-stat": "mean" }),
          card("last", fmt(st.last), st.last_step === null ? null : `step ${st.last_step}`, { "data-stat": "last" }),
          card("count", st.count.toLocaleString(), `${st.non_finite_count.toLocaleString()} non-finite`, { "data-stat": "count" }),
        ),
      );
    });
  }

  function failed(e) {
    box.dataset.loading = "false";
    ctx.report(e);
  }

  function requery() {
    load().catch(failed);
  }

  metricSelect.addEventListener("change", () => {
    const chosen = [...metricSelect.selectedOptions].map((o) => o.value);
    state.metrics = chosen.length ? chosen : initial;
    requery();
  });
  envSelect.addEventListener("change", () => {
    state.env = envSelect.value;
    requery();
  });
  compareSelect.addEventListener("change", () => {
    state.compare = compareSelect.value || null;
    requery();
  });
  pointSelect.addEventListener("change", () => {
    state.points = Number(pointSelect.value);
    requery();
  });
  reset.addEventListener("click", () => {
    state.from = null;
    state.to = null;
    requery();
  });

  // Drag-to-zoom: a mouse drag across the chart selects a step range, which is re-queried.
  let dragFrom = null;
  const xOf = (event) => event.clientX - canvas.getBoundingClientRect().left;
  canvas.addEventListener("mousedown", (e) => {
    if (!chart) return;
    dragFrom = xOf(e);
    Object.assign(band.style, { left: `${dragFrom}px`, width: "0px" });
    band.hidden = false;
  });
  canvas.addEventListener("mousemove", (e) => {
    if (dragFrom === null) return;
    const x = xOf(e);
    Object.assign(band.style, { left: `${Math.min(x, dragFrom)}px`, width: `${Math.abs(x - dragFrom)}px` });
  });
  const finish = (e) => {
    if (dragFrom === null) return;
    const x = xOf(e);
    const start = dragFrom;
    dragFrom = null;
    band.hidden = true;
    if (Math.abs(x - start) < 4 || !chart) return;
    const scale = chart.scales.x;
    const a = Math.round(scale.getValueForPixel(Math.min(x, start)));
    const b = Math.round(scale.getValueForPixel(Math.max(x, start)));
    const lo = Math.max(a, info.min_step ?? a);
    const hi = Math.min(b, info.max_step ?? b);
    if (hi <= lo) return;
    state.from = lo;
    state.to = hi;
    requery();
  };
  canvas.addEventListener("mouseup", finish);
  canvas.addEventListener("mouseleave", (e) => dragFrom !== null && finish(e));

  return load().then(() => ({
    dispose: () => chart && chart.destroy(),
  }));
}

/** Red (worst) to green (best) for a share t in [0, 1]. */
function heat(t) {
  const hue = Math.round(120 * t);
  return `hsl(${hue}, 70%, ${45 + Math.round(10 * (1 - Math.abs(t - 0.5) * 2))}%)`;
}

/**
 * A sweep (tradecore optimize): its trials as a heat map over its first two searched parameters
 * (a cell shows the best objective over any others; an empty cell is a combination the strategy
 * does not take), and a walk-forward analysis's out-of-sample equity curve.
 */
async function sweep(box, name, currency, ctx) {
  const s = await get(runPath("run-sweep", name));
  if (!ctx.isCurrent()) return;
  const parts = [h("h2", {}, "Parameter sweep")];
  if (s.trials.length && s.axes.length >= 1) parts.push(heatMap(s));
  if (s.equity && s.equity.length) {
    const equityCanvas = h("canvas", { id: "sweep-equity-chart" });
    const drawdownCanvas = h("canvas", { id: "sweep-drawdown-chart" });
    parts.push(
      h("h3", {}, "Walk-forward: out-of-sample equity (the test windows joined)"),
      h("div", { class: "chart" }, equityCanvas),
      h("div", { class: "chart short" }, drawdownCanvas),
    );
    fill(box, ...parts);
    let peak = -Infinity;
    const all = s.equity.map(([time, value]) => {
      const equity = Number(value);
      peak = Math.max(peak, equity);
      return { day: time.slice(0, 10), equity, peak, drawdown_ratio: peak > 0 ? equity / peak - 1 : 0 };
    });
    equityChart(equityCanvas, drawdownCanvas, thin(all, 400), currency);
    return;
  }
  if (parts.length === 1) parts.push(h("p", { class: "muted" }, "This sweep has no trials to show."));
  fill(box, ...parts);
}

/**
 * At most about 2 * buckets points of a long curve: each bucket's lowest and highest equity, in
 * time order, so the chart keeps every peak and trough it can show.
 */
function thin(points, buckets) {
  if (points.length <= 2 * buckets) return points;
  const size = Math.ceil(points.length / buckets);
  const out = [];
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size);
    let lo = bucket[0];
    let hi = bucket[0];
    for (const p of bucket) {
      if (p.equity < lo.equity) lo = p;
      if (p.equity > hi.equity) hi = p;
    }
    if (lo === hi) out.push(lo);
    else out.push(...(bucket.indexOf(lo) < bucket.indexOf(hi) ? [lo, hi] : [hi, lo]));
  }
  const last = points[points.length - 1];
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

/** Every value's label on a short axis; on a long one every step-th, so the cells stay small. */
function axisLabel(values, i) {
  const step = Math.max(1, Math.ceil(values.length / 20));
  return i % step === 0 || i === values.length - 1 ? values[i] : "";
}

function heatMap(s) {
  const rowsAxis = s.axes[0];
  const colsAxis = s.axes.length > 1 ? s.axes[1] : null;
  const rowValues = s.values[rowsAxis];
  const colValues = colsAxis ? s.values[colsAxis] : [""];
  const lowerBetter = s.objective === "max_drawdown";
  const best = new Map();
  for (const t of s.trials) {
    if (!t.eligible || typeof t.objective !== "number") continue;
    const key = `${t.params[rowsAxis]}|${colsAxis ? t.params[colsAxis] : ""}`;
    const seen = best.get(key);
    if (seen === undefined || (lowerBetter ? t.objective < seen : t.objective > seen)) best.set(key, t.objective);
  }
  const values = [...best.values()];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const share = (v) => (hi > lo ? (v - lo) / (hi - lo) : 1);
  const head = h("tr", {}, h("th", { class: "corner" }, colsAxis ? `${rowsAxis} ↓  ${colsAxis} →` : rowsAxis));
  colValues.forEach((c, i) => head.append(h("th", { title: c }, axisLabel(colValues, i))));
  const body = [head];
  for (const [i, r] of rowValues.entries()) {
    const tr = h("tr", {}, h("th", { title: r }, axisLabel(rowValues, i)));
    for (const c of colValues) {
      const v = best.get(`${r}|${c}`);
      const label = `${rowsAxis}=${r}${colsAxis ? `, ${colsAxis}=${c}` : ""}`;
      if (v === undefined) {
        tr.append(h("td", { class: "none", title: `${label}: no eligible trial` }));
      } else {
        const t = lowerBetter ? 1 - share(v) : share(v);
        tr.append(h("td", { style: `background: ${heat(t)}`, title: `${label}: ${s.objective} ${number(v)}`, "data-value": String(v) }));
      }
    }
    body.push(tr);
  }
  return h(
    "div",
    { class: "heatmap-box" },
    h("p", { class: "muted" }, `${s.objective} of each trial (${lowerBetter ? "lower" : "higher"} is better: green); ${s.trials.length.toLocaleString()} trials, from ${number(lo)} to ${number(hi)}`),
    h("table", { class: "heatmap", id: "sweep-heatmap" }, ...body),
  );
}
