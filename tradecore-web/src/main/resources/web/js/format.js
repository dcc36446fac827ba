// Display formatting: money in the portfolio's base currency, ratios as percentages, times in its zone.
const cache = new Map();

function formatter(key, make) {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}

/** The API's exact decimal string as a number, for display only (null stays null). */
export function num(text) {
  if (text === null || text === undefined || text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function decimals(text) {
  const s = String(text);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Money: "$100,076.94"; signed: "+$76.94" / "-$3.06". */
export function money(text, currency, { signed = false, digits = null } = {}) {
  const n = num(text);
  if (n === null) return "–";
  const max = digits === null ? 2 : digits;
  const f = formatter(`m:${currency}:${signed}:${max}`, () => {
    try {
      return new Intl.NumberFormat(undefined, {
        style: "currency",
        currency,
        minimumFractionDigits: Math.min(2, max),
        maximumFractionDigits: max,
        signDisplay: signed ? "exceptZero" : "auto",
      });
    } catch (e) {
      return new Intl.NumberFormat(undefined, { maximumFractionDigits: max });
    }
  });
  return f.format(n);
}

/** A price keeps every decimal it has (at least two): "$52.65", "$0.00042". */
export function price(text, currency) {
  if (num(text) === null) return "–";
  return money(text, currency, { digits: Math.min(8, Math.max(2, decimals(text))) });
}

/** A ratio as a percentage: "0.0007694" -> "0.08%"; signed: "+0.08%". */
export function percent(text, { signed = false, digits = 2 } = {}) {
  const n = typeof text === "number" ? text : num(text);
  if (n === null) return "–";
  const f = formatter(`p:${signed}:${digits}`, () =>
    new Intl.NumberFormat(undefined, {
      style: "percent",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? "exceptZero" : "auto",
    }),
  );
  return f.format(n);
}

/** A quantity, exact up to eight decimals: "5", "0.125". */
export function quantity(text) {
  const n = num(text);
  if (n === null) return "–";
  const f = formatter("q", () => new Intl.NumberFormat(undefined, { maximumFractionDigits: 8 }));
  return f.format(n);
}

/** A plain count: "1,234". */
export function count(n) {
  if (n === null || n === undefined) return "–";
  return formatter("c", () => new Intl.NumberFormat(undefined)).format(n);
}

/** A CSS class for the sign of a value: "pos", "neg" or "". */
export function signClass(text) {
  const n = typeof text === "number" ? text : num(text);
  if (!n) return "";
  return n > 0 ? "pos" : "neg";
}

function isDateOnly(iso) {
  return typeof iso === "string" && iso.endsWith("T00:00:00Z");
}

function parts(iso, zone) {
  const f = formatter(`z:${zone}`, () =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
  );
  const out = {};
  for (const p of f.formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
}

/**
 * A time in the portfolio's zone: "2024-06-03 15:00"; a date-only time (a daily bar, 00:00 UTC)
 * is its own date: "2024-06-03".
 */
export function time(iso, zone) {
  if (!iso) return "–";
  if (isDateOnly(iso)) return iso.slice(0, 10);
  const p = parts(iso, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The trading day of a time in the zone, as the server files it (yyyy-mm-dd). */
export function dayOf(iso, zone) {
  if (!iso) return null;
  if (isDateOnly(iso)) return iso.slice(0, 10);
  const p = parts(iso, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A wall-clock instant for people: "2026-11-21 13:09" in the browser's zone. */
export function localTime(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
