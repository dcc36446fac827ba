// What the dashboard remembers in this browser (localStorage): the portfolio and the API token.
const PORTFOLIO = "tradecore.portfolio";
const TOKEN = "tradecore.apiToken";

function read(key) {
  try {
    return window.localStorage.getItem(key) || "";
  } catch (e) {
    return "";
  }
}

function write(key, value) {
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch (e) {
    // storage refused (private mode): the value lasts for this page only
  }
}

export const settings = {
  portfolio: () => read(PORTFOLIO),
  setPortfolio: (name) => write(PORTFOLIO, name),
  token: () => read(TOKEN),
  setToken: (token) => write(TOKEN, (token || "").trim()),
};
