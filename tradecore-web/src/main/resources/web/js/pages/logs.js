// Daily logs page: each day's log with its tier, observations and the person's sections, and a form to add a note.
import { ApiError, get, post, portfolioPath } from "../api.js";
import { h, fill, panel, empty } from "../dom.js";
import { count, localTime, money, percent, signClass } from "../format.js";
import { settings } from "../settings.js";

const SECTIONS = [
  ["notes", "Notes"],
  ["lessons", "Lessons"],
  ["context", "Market context"],
  ["focus", "Focus"],
];
const FIELDS = { notes: "notes", lessons: "lessons", context: "market_context", focus: "focus" };

function tierClass(tier) {
  if (tier.endsWith("_UP")) return "tier up";
  if (tier.endsWith("_DOWN")) return "tier down";
  return "tier flat";
}

function logCard(log, c) {
  const written = SECTIONS.filter(([key]) => log[FIELDS[key]]);
  const sections = written.length
    ? h(
        "div",
        { class: "sections" },
        written.map(([key, label]) =>
          h("div", { class: "section", dataset: { section: key } }, h("h4", {}, label), h("p", { class: "person" }, log[FIELDS[key]])),
        ),
      )
    : h("p", { class: "muted small quiet" }, "No notes, lessons, market context or focus written for this day yet.");
  return h(
    "article",
    { class: "log", id: `log-${log.day}`, dataset: { day: log.day } },
    h(
      "header",
      {},
      h("h3", {}, log.day),
      h("span", { class: tierClass(log.tier) }, log.tier.replace("_", " ")),
      h("span", { class: `badge ${log.market_status === "OPEN" ? "active" : "closed"}` }, `market ${log.market_status.toLowerCase()}`),
      h(
        "span",
        { class: "figures" },
        h("span", { class: signClass(log.daily_pnl) }, `${money(log.daily_pnl, c, { signed: true })} (${percent(log.daily_return, { signed: true, digits: 3 })})`),
        ` · account ${money(log.account_value, c)} · total ${money(log.total_pnl, c, { signed: true })}`,
      ),
    ),
    h(
      "p",
      { class: "muted small" },
      `${count(log.trades)} trades · ${count(log.signals)} signals · ${count(log.warnings)} warnings · ${count(log.errors)} errors · written ${localTime(log.generated)}`,
    ),
    log.observations.length
      ? h(
          "ul",
          { class: "observations" },
          log.observations.map((o) =>
            h(
              "li",
              { title: Object.entries(o.facts || {}).map(([k, v]) => `${k}: ${v}`).join(", ") },
              h("code", { class: "obs" }, o.code),
              " ",
              o.message,
            ),
          ),
        )
      : h("p", { class: "muted small" }, "No observations."),
    sections,
  );
}

function noteForm(days, ctx, onAdded) {
  const day = h("select", { id: "note-day", name: "day", "aria-label": "Day" }, days.map((d) => h("option", { value: d }, d)));
  const section = h("select", { id: "note-section", name: "section", "aria-label": "Section" }, SECTIONS.map(([k, l]) => h("option", { value: k }, l)));
  const text = h("textarea", { id: "note-text", name: "text", rows: 3, maxlength: 10000, required: true, placeholder: "What happened, what you learned, what to watch…" });
  const token = h("input", { id: "note-token", type: "password", autocomplete: "off", placeholder: "TRADECORE_API_TOKEN", value: settings.token() });
  const status = h("p", { id: "note-status", class: "small", role: "status" });
  const button = h("button", { type: "submit", id: "note-submit" }, "Add note");
  const form = h(
    "form",
    { id: "note-form", class: "note-form" },
    h("div", { class: "row" }, h("label", {}, "Day ", day), h("label", {}, "Section ", section), h("label", {}, "API token ", token)),
    text,
    h("div", { class: "row" }, button, status),
    h("p", { class: "muted small" }, "Writes always need the server's API token; it is kept in this browser (localStorage). The note is added after what the section already holds."),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    settings.setToken(token.value);
    button.disabled = true;
    fill(status, "Saving…");
    status.className = "small";
    try {
      await post(portfolioPath(ctx.portfolio.name, `logs/${day.value}/notes`), { section: section.value, text: text.value });
      text.value = "";
      fill(status, `Added to ${day.value}.`);
      status.className = "small pos";
      await onAdded(day.value);
    } catch (err) {
      fill(status, err instanceof ApiError ? `Not saved: ${err.message}` : `Not saved: ${err.message}`);
      status.className = "small neg error";
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

export async function render(main, ctx) {
  const name = ctx.portfolio.name;
  const formPanel = panel("Add a note", "note-panel");
  const listPanel = h("div", { id: "logs" });
  fill(main, h("div", { class: "page-head" }, h("h1", {}, `${name}: daily logs`)), formPanel, listPanel);
  let chosen = null;

  async function load() {
    const answer = await get(portfolioPath(name, "logs"), { last: 60 });
    if (!ctx.isCurrent()) return;
    const logs = [...answer.logs].reverse();
    if (logs.length === 0) {
      fill(formPanel);
      fill(listPanel, panel(null, "logs-empty", empty("No daily logs yet: a day's log is written after its close while a runner trades, or on demand.", `./tradecore log daily --portfolio ${name}`)));
      return;
    }
    if (!formPanel.querySelector("form")) {
      fill(formPanel, h("h2", {}, "Add a note"), noteForm(logs.map((l) => l.day), ctx, async (day) => {
        chosen = day;
        await load();
      }));
    }
    fill(listPanel, logs.map((l) => logCard(l, ctx.currency)));
    if (chosen) {
      const el = document.getElementById(`log-${chosen}`);
      if (el) el.classList.add("just-noted");
    }
  }

  await load();
  return { refresh: (types) => (types.has("daily_log") ? load() : Promise.resolve()) };
}
