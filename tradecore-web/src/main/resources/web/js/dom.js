// Small DOM helpers: an element builder, tables, panels and the empty states that say what to do.

/**
 * Makes an element: h("td", {class: "num"}, "12"); attributes starting with "on" are listeners.
 * A style is set through the element's style object, which the page's Content-Security-Policy
 * allows, rather than as a style attribute, which it refuses.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "style") el.style.cssText = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A table: columns are {label, cell: row => content, num: true for right-aligned figures,
 * cls: row => extra class}; id names the table for tests and links.
 */
export function table(columns, rows, { id = null, rowAttrs = null, caption = null } = {}) {
  const head = h("tr", {}, columns.map((c) => h("th", { class: c.num ? "num" : null }, c.label)));
  const body = rows.map((r) =>
    h(
      "tr",
      rowAttrs ? rowAttrs(r) : {},
      columns.map((c) =>
        h("td", { class: [c.num ? "num" : "", c.cls ? c.cls(r) : ""].join(" ").trim() || null }, c.cell(r)),
      ),
    ),
  );
  return h(
    "div",
    { class: "table-wrap" },
    h("table", { id }, caption ? h("caption", {}, caption) : null, h("thead", {}, head), h("tbody", {}, body)),
  );
}

/** A titled panel; id lets live updates and tests find it. */
export function panel(title, id, ...children) {
  return h("section", { class: "panel", id }, title ? h("h2", {}, title) : null, ...children);
}

/** An empty state: what is missing and the command that makes it. */
export function empty(message, command = null, more = null) {
  return h(
    "div",
    { class: "empty" },
    h("p", {}, message),
    command ? h("p", {}, "Run ", h("code", {}, command), more ? ` ${more}` : "") : null,
  );
}

/** A loading placeholder. */
export function loading() {
  return h("p", { class: "muted" }, "Loading…");
}

/** A value coloured by its sign. */
export function signed(text, cls) {
  return h("span", { class: cls || null }, text);
}
