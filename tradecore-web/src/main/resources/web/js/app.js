// The dashboard's shell: portfolio selector, hash routes to pages, token prompt, banner and live stream.
import { ApiError, get } from "./api.js";
import { h, fill, empty, loading } from "./dom.js";
import { connect } from "./live.js";
import { settings } from "./settings.js";
import { money, quantity } from "./format.js";
import * as overview from "./pages/overview.js";
import * as positions from "./pages/positions.js";
import * as prices from "./pages/prices.js";
import * as activity from "./pages/activity.js";
import * as days from "./pages/days.js";
import * as logs from "./pages/logs.js";
import * as decisions from "./pages/decisions.js";
import * as insights from "./pages/insights.js";

const PAGES = { overview, positions, prices, activity, days, logs, decisions, insights };
// Pages that show something without a portfolio.
const GLOBAL = new Set(["insights"]);
const $ = (id) => document.getElementById(id);

const state = {
  portfolios: [],
  portfolio: null,
  notice: null, // a warning shown once with the next page (e.g. an unknown portfolio in the URL)
  page: null, // the rendered page's handle: {refresh(types), dispose()}
  generation: 0,
  live: null,
  pending: new Set(),
  timer: null,
};

/**
 * The route in the hash: "#/activity?portfolio=alpha&day=2024-06-04" ->
 * {name: "activity", portfolio: "alpha", query: day=2024-06-04}. The portfolio is part of every
 * address, so a bookmarked or shared view opens on the same portfolio and filter.
 */
function route() {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const at = hash.indexOf("?");
  const path = at < 0 ? hash : hash.slice(0, at);
  const name = PAGES[path] ? path : "overview";
  const query = new URLSearchParams(at < 0 ? "" : hash.slice(at + 1));
  const portfolio = query.get("portfolio");
  query.delete("portfolio");
  return { name, portfolio, query };
}

/** The address of page NAME for PORTFOLIO with QUERY (an object or URLSearchParams; "" left out). */
function hashFor(name, portfolio, query = {}) {
  const qs = new URLSearchParams();
  if (portfolio) qs.set("portfolio", portfolio);
  const entries = query instanceof URLSearchParams ? query.entries() : Object.entries(query);
  for (const [k, v] of entries) if (v !== null && v !== undefined && v !== "") qs.set(k, v);
  const s = qs.toString();
  return `#/${name}${s ? `?${s}` : ""}`;
}

function selectedName() {
  return state.portfolio ? state.portfolio.name : null;
}

/** Changes the current route's query (e.g. the day filter) without a reload. */
function navigate(query) {
  window.location.hash = hashFor(route().name, selectedName(), query);
}

/** Writes the selected portfolio into the address, without a new history entry or a reload. */
function syncAddress() {
  const { name, query } = route();
  const wanted = hashFor(name, selectedName(), query);
  if (window.location.hash !== wanted) window.history.replaceState(null, "", wanted);
}

function unknownPortfolio(name) {
  return `There is no portfolio named '${name}'; showing ${selectedName() || "none"}.`;
}

/** Selects the portfolio the address names, if it names a known one other than the selected. */
function followAddress() {
  const { portfolio } = route();
  if (!portfolio || portfolio === selectedName() || state.portfolios.length === 0) return;
  const found = state.portfolios.find((p) => p.name === portfolio);
  if (!found) {
    state.notice = unknownPortfolio(portfolio);
    return;
  }
  state.portfolio = found;
  settings.setPortfolio(found.name);
  fillSelector();
  subscribe();
}

export function showBanner(message, kind = "error") {
  const banner = $("banner");
  banner.className = `banner ${kind}`;
  fill(banner, message);
  banner.hidden = !message;
}

function showTokenPanel(reason) {
  $("token-panel").hidden = false;
  if (reason) fill($("token-reason"), reason);
  $("token-input").value = settings.token();
  $("token-input").focus();
}

/** Shows an API failure: a missing token opens the token prompt, anything else the banner. */
export function report(error) {
  if (error instanceof ApiError && error.status === 401) {
    showTokenPanel(
      `${error.message}. Enter the server's API token (TRADECORE_API_TOKEN); it is kept in this browser.`,
    );
    showBanner("This server needs an API token: enter it above.", "warn");
  } else {
    showBanner(error instanceof ApiError ? error.message : `Cannot reach the server: ${error.message}`);
  }
}

function toast(text) {
  const el = h("div", { class: "toast" }, text);
  $("toasts").append(el);
  setTimeout(() => el.remove(), 6000);
}

function setLive(status) {
  const el = $("live-status");
  el.className = `live ${status === "live" ? "on" : "off"}`;
  el.textContent = status === "live" ? "live" : status;
}

function onLiveEvent(type, data) {
  if (type === "fill" && state.portfolio) {
    const c = state.portfolio.base_currency;
    toast(`New fill: ${data.side} ${quantity(data.quantity)} ${data.symbol} @ ${money(data.price, c, { digits: 4 })}`);
  }
  if (type === "daily_log") toast(`Daily log written for ${data.day}`);
  state.pending.add(type);
  clearTimeout(state.timer);
  state.timer = setTimeout(flushLive, 250);
}

function flushLive() {
  const types = new Set(state.pending);
  state.pending.clear();
  if (state.page && state.page.refresh) {
    state.page.refresh(types).catch(report);
  }
}

function subscribe() {
  if (state.live) state.live.close();
  state.live = null;
  if (!state.portfolio) {
    setLive("offline");
    return;
  }
  state.live = connect(state.portfolio.name, {
    onEvent: onLiveEvent,
    onStatus: setLive,
    onResume: () => render(),
  });
}

function markNav(name) {
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.dataset.page === name);
    a.setAttribute("href", hashFor(a.dataset.page, selectedName()));
  }
  document.querySelector(".brand").setAttribute("href", hashFor("overview", selectedName()));
}

/** Renders the page of the current route for the selected portfolio. */
async function render() {
  const { name, query } = route();
  markNav(name);
  const generation = ++state.generation;
  if (state.page && state.page.dispose) state.page.dispose();
  state.page = null;
  const main = $("page");
  if (!state.portfolio && !GLOBAL.has(name)) {
    fill(
      main,
      h("h1", {}, "TradeCore"),
      empty("No portfolio yet.", "./tradecore init", "to create one, then ./tradecore run ... to trade it."),
    );
    return;
  }
  fill(main, loading());
  const ctx = {
    portfolio: state.portfolio,
    currency: state.portfolio ? state.portfolio.base_currency : "USD",
    zone: state.portfolio ? state.portfolio.time_zone : "UTC",
    query,
    navigate,
    report,
    isCurrent: () => generation === state.generation,
  };
  try {
    const page = await PAGES[name].render(main, ctx);
    if (generation === state.generation) {
      state.page = page;
      showBanner(state.notice || "", "warn");
      state.notice = null;
    } else if (page && page.dispose) {
      page.dispose();
    }
  } catch (e) {
    if (generation === state.generation) {
      fill(main);
      report(e);
    }
  }
}

function fillSelector() {
  const select = $("portfolio-select");
  fill(
    select,
    state.portfolios.map((p) =>
      h("option", { value: p.name, selected: state.portfolio && p.name === state.portfolio.name }, p.name),
    ),
  );
  select.disabled = state.portfolios.length === 0;
}

/** Loads the portfolios and shows the remembered one (or the first). */
async function start() {
  try {
    const answer = await get("portfolios");
    state.portfolios = answer.portfolios;
  } catch (e) {
    state.portfolios = [];
    report(e);
    fill($("page"), e instanceof ApiError && e.status === 401 ? empty("Enter the API token to see the portfolios.") : null);
    return;
  }
  $("token-panel").hidden = true;
  // The address's portfolio first (a bookmark), then the one this browser remembers, then the first.
  const named = (name) => state.portfolios.find((p) => p.name === name);
  const wanted = route().portfolio;
  state.portfolio = named(wanted) || named(settings.portfolio()) || state.portfolios[0] || null;
  if (wanted && named(wanted)) settings.setPortfolio(wanted);
  else if (wanted) state.notice = unknownPortfolio(wanted);
  fillSelector();
  subscribe();
  syncAddress();
  await render();
}

function wire() {
  $("portfolio-select").addEventListener("change", (e) => {
    state.portfolio = state.portfolios.find((p) => p.name === e.target.value) || null;
    if (state.portfolio) settings.setPortfolio(state.portfolio.name);
    subscribe();
    // A filter of one portfolio (a day, a symbol) means nothing for another.
    window.location.hash = hashFor(route().name, selectedName());
  });
  $("token-button").addEventListener("click", () => {
    const panel = $("token-panel");
    if (panel.hidden) showTokenPanel(null);
    else panel.hidden = true;
  });
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    settings.setToken($("token-input").value);
    showBanner("");
    start();
  });
  $("token-clear").addEventListener("click", () => {
    settings.setToken("");
    $("token-input").value = "";
  });
  window.addEventListener("hashchange", () => {
    // A link within the page keeps the selected portfolio; an address naming another selects it.
    followAddress();
    syncAddress();
    render();
  });
}

wire();
start();
