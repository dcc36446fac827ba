// The REST API client: JSON requests with the stored API token, errors as ApiError.
import { settings } from "./settings.js";

/** An error answer of the API: its HTTP status, message and the parameter at fault. */
export class ApiError extends Error {
  constructor(status, message, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter || null;
  }
}

function headers(extra) {
  const h = { Accept: "application/json", ...extra };
  const token = settings.token();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `HTTP ${response.status}`;
    throw new ApiError(response.status, message, body && body.parameter);
  }
  return body;
}

/** GET api/PATH with QUERY (an object; null and "" values are left out). */
export async function get(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== "") params.set(k, v);
  }
  const qs = params.toString();
  const response = await fetch(`api/${path}${qs ? `?${qs}` : ""}`, { headers: headers() });
  return answer(response);
}

/** POST a JSON body to api/PATH. */
export async function post(path, body) {
  const response = await fetch(`api/${path}`, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
  return answer(response);
}

/** The API path of one portfolio, with the rest of the path after it. */
export function portfolioPath(name, rest = "") {
  return `portfolios/${encodeURIComponent(name)}${rest ? `/${rest}` : ""}`;
}
