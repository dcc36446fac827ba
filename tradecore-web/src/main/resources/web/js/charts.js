// Chart.js wrappers (window.Chart from the WebJar): the equity curve with drawdown, and the price chart.
import { money, percent, price as formatPrice, quantity } from "./format.js";

const COLORS = {
  equity: "#2563eb",
  peak: "#94a3b8",
  drawdown: "#dc2626",
  drawdownFill: "rgba(220, 38, 38, 0.18)",
  close: "#334155",
  range: "rgba(100, 116, 139, 0.14)",
  buy: "#16a34a",
  sell: "#dc2626",
  stop: "#dc2626",
  target: "#16a34a",
  entry: "#7c3aed",
};

function chartLib() {
  if (!window.Chart) throw new Error("the chart library did not load (webjars/chart.js)");
  return window.Chart;
}

function base() {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: "index", intersect: false },
    plugins: { legend: { labels: { usePointStyle: true, boxWidth: 8 } } },
  };
}

const AXIS_WIDTH = 84;

/** Gives a y axis a fixed width, so two charts stacked one above the other line up. */
function fixedWidth(scale) {
  scale.width = AXIS_WIDTH;
}

function redraw(chart, data) {
  chart.data = data;
  chart.update("none");
  return chart;
}

/**
 * Draws (or redraws into `existing`) the equity curve with its running peak on one canvas and the
 * drawdown (as a share of the peak) on another below it, on the same days.
 */
export function equityChart(equityCanvas, drawdownCanvas, points, currency, existing = null) {
  const Chart = chartLib();
  const labels = points.map((p) => p.day);
  const small = points.length > 60 ? 0 : 2;
  const equityData = {
    labels,
    datasets: [
      {
        label: "Equity",
        data: points.map((p) => Number(p.equity)),
        borderColor: COLORS.equity,
        backgroundColor: COLORS.equity,
        pointRadius: small,
        borderWidth: 2,
      },
      {
        label: "Peak",
        data: points.map((p) => Number(p.peak)),
        borderColor: COLORS.peak,
        backgroundColor: COLORS.peak,
        borderDash: [4, 4],
        pointRadius: 0,
        borderWidth: 1,
      },
    ],
  };
  const drawdownData = {
    labels,
    datasets: [
      {
        label: "Drawdown",
        data: points.map((p) => Number(p.drawdown_ratio)),
        borderColor: COLORS.drawdown,
        backgroundColor: COLORS.drawdownFill,
        fill: "origin",
        pointRadius: 0,
        borderWidth: 1,
      },
    ],
  };
  if (existing) {
    return { equity: redraw(existing.equity, equityData), drawdown: redraw(existing.drawdown, drawdownData) };
  }
  const top = base();
  top.scales = {
    // a grid line per day would grey out a long curve: only a short one gets them
    x: { ticks: { display: false }, grid: { drawTicks: false, display: labels.length <= 120 } },
    y: {
      afterFit: fixedWidth,
      ticks: { callback: (v) => money(v, currency, { digits: 0 }) },
    },
  };
  top.plugins.tooltip = {
    callbacks: { label: (item) => `${item.dataset.label}: ${money(item.raw, currency)}` },
  };
  const bottom = base();
  bottom.plugins.legend.display = false;
  bottom.scales = {
    // "inner" keeps the end labels inside the plot, so both charts end at the same x
    x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 12, align: "inner" } },
    y: {
      afterFit: fixedWidth,
      max: 0,
      ticks: { callback: (v) => percent(v, { digits: 2 }), maxTicksLimit: 4 },
    },
  };
  bottom.plugins.tooltip = {
    callbacks: { label: (item) => `Drawdown: ${percent(item.raw)}` },
  };
  return {
    equity: new Chart(equityCanvas, { type: "line", data: equityData, options: top }),
    drawdown: new Chart(drawdownCanvas, { type: "line", data: drawdownData, options: bottom }),
  };
}

/**
 * Draws the price chart of one symbol: the close with the bar's high-low range, the fills as
 * triangles (up for buys, down for sells) and each open plan's entry, stop and target as lines.
 * bars and fills come from the API; labelOf(iso) names a time on the axis.
 */
export function priceChart(canvas, { bars, fills, plans, currency, labelOf }, existing = null) {
  const Chart = chartLib();
  const labels = bars.map((b) => labelOf(b.time));
  const times = bars.map((b) => Date.parse(b.time));
  const at = (iso) => {
    // the bar a fill belongs to: the last bar at or before its time
    const t = Date.parse(iso);
    let i = 0;
    while (i + 1 < times.length && times[i + 1] <= t) i++;
    return labels[i];
  };
  const marker = (side) => ({
    label: side === "BUY" ? "Buys" : "Sells",
    data: fills
      .filter((f) => f.side === side)
      .map((f) => ({ x: at(f.time), y: Number(f.price), fill: f })),
    showLine: false,
    pointStyle: "triangle",
    rotation: side === "BUY" ? 0 : 180,
    pointRadius: 8,
    pointHoverRadius: 10,
    borderColor: side === "BUY" ? COLORS.buy : COLORS.sell,
    backgroundColor: side === "BUY" ? COLORS.buy : COLORS.sell,
  });
  const level = (plan, key, color, dash) => ({
    label: `${key} ${plan.plan_id} ${formatPrice(plan[key === "stop" ? "effective_stop" : key], currency)}`,
    data: labels.map(() => Number(plan[key === "stop" ? "effective_stop" : key])),
    borderColor: color,
    borderDash: dash,
    borderWidth: 1.5,
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: "line",
    isLevel: true,
  });
  const lines = [];
  for (const p of plans) {
    if (p.entry !== null && p.status === "PENDING") lines.push(level(p, "entry", COLORS.entry, [2, 3]));
    if (p.effective_stop !== null) lines.push(level(p, "stop", COLORS.stop, [6, 4]));
    if (p.target !== null) lines.push(level(p, "target", COLORS.target, [6, 4]));
  }
  const data = {
    labels,
    datasets: [
      {
        label: "High",
        data: bars.map((b) => Number(b.high)),
        borderColor: "transparent",
        pointRadius: 0,
        pointHoverRadius: 0,
        isRange: true,
      },
      {
        label: "Low–high range",
        data: bars.map((b) => Number(b.low)),
        borderColor: "transparent",
        backgroundColor: COLORS.range,
        fill: "-1",
        pointRadius: 0,
        pointHoverRadius: 0,
        isRange: true,
      },
      {
        label: "Close",
        data: bars.map((b) => Number(b.close)),
        borderColor: COLORS.close,
        backgroundColor: COLORS.close,
        borderWidth: 2,
        pointRadius: bars.length > 80 ? 0 : 2,
      },
      marker("BUY"),
      marker("SELL"),
      ...lines,
    ],
  };
  if (existing) return redraw(existing, data);
  const options = base();
  options.interaction = { mode: "nearest", intersect: false };
  options.scales = {
    y: { ticks: { callback: (v) => formatPrice(String(v), currency) } },
    x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 12 } },
  };
  options.plugins.legend.labels.filter = (item, chart) => {
    const ds = chart.datasets[item.datasetIndex];
    return ds.label !== "High";
  };
  options.plugins.tooltip = {
    filter: (item) => !item.dataset.isLevel && item.dataset.label !== "High",
    callbacks: {
      label: (item) => {
        const f = item.raw && item.raw.fill;
        if (f) return `${f.side} ${quantity(f.quantity)} @ ${formatPrice(f.price, currency)} (${f.plan_id || "no plan"})`;
        return `${item.dataset.label}: ${formatPrice(String(item.raw), currency)}`;
      },
    },
  };
  return new Chart(canvas, { type: "line", data, options });
}
