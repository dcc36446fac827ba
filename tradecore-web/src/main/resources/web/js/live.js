// Live updates: one EventSource on the selected portfolio's stream, events handed to a callback.
import { settings } from "./settings.js";

const EVENTS = ["fill", "plan", "equity", "daily_log"];

/**
 * Subscribes to api/portfolios/NAME/stream. onEvent(type, data) gets each pushed event;
 * onStatus("live" | "reconnecting" | "offline") tells the state; onResume() is called when the
 * stream comes back after a break (the stream does not replay, so the page reloads what it shows).
 */
export function connect(name, { onEvent, onStatus, onResume }) {
  const token = settings.token();
  const url =
    `api/portfolios/${encodeURIComponent(name)}/stream` +
    (token ? `?access_token=${encodeURIComponent(token)}` : "");
  const source = new EventSource(url);
  let broken = false;
  source.addEventListener("ready", () => {
    onStatus("live");
    if (broken) {
      broken = false;
      onResume();
    }
  });
  for (const type of EVENTS) {
    source.addEventListener(type, (e) => {
      let data = null;
      try {
        data = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      onEvent(type, data);
    });
  }
  source.onerror = () => {
    broken = true;
    onStatus(source.readyState === EventSource.CLOSED ? "offline" : "reconnecting");
  };
  return { close: () => source.close() };
}
