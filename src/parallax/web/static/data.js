// The data layer: every view asks api(path, params). Served by `parallax serve`, that is a GET
// of /api/<path>; inside a static report (no server), the same questions are answered from the
// JSON the report embeds in <script type="application/json" id="parallax-data">, so the views
// are the same code in both places.

import { localApi, localAsset } from "./local.js";

export class ApiError extends Error {
  constructor(path, status, detail) {
    super(`${path}: ${detail || `HTTP ${status}`}`);
    this.path = path;
    this.status = status;
  }
}

let embedded;
const cache = new Map();

/** The report's embedded data (also exposed as window.PARALLAX_DATA), or null when served. */
export function embeddedData() {
  if (embedded === undefined) {
    embedded = window.PARALLAX_DATA || null;
    const node = document.getElementById("parallax-data");
    if (!embedded && node) {
      embedded = JSON.parse(node.textContent);
      window.PARALLAX_DATA = embedded;
    }
  }
  return embedded;
}

export function reportMode() {
  return embeddedData() !== null;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  return search.toString();
}

/** GET /api/<path>?params as JSON (cached: the store is read-only while served). */
export async function api(path, params) {
  const data = embeddedData();
  if (data) return localApi(data, path, params || {}, ApiError);
  const text = query(params);
  const url = `/api/${path}${text ? `?${text}` : ""}`;
  if (!cache.has(url)) {
    const pending = fetchJson(path, url);
    cache.set(url, pending);
    // A pass that is not installed (501) stays missing while the server runs: ask once.
    pending.catch((error) => {
      if (!(error instanceof ApiError && error.status === 501)) cache.delete(url);
    });
  }
  return cache.get(url);
}

async function fetchJson(path, url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch {
    throw new ApiError(path, 0, "the server could not be reached");
  }
  if (!response.ok) {
    let detail = "";
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : "";
    } catch {
      detail = "";
    }
    throw new ApiError(path, response.status, detail);
  }
  return response.json();
}

/** A static file of the UI (the country shapes): /static/<name>, or embedded in a report. */
export async function asset(name) {
  const data = embeddedData();
  if (data) return localAsset(name, ApiError);
  if (!cache.has(`asset:${name}`)) {
    cache.set(`asset:${name}`, fetchJson(name, `/static/${name}`));
  }
  return cache.get(`asset:${name}`);
}

/** api() that answers null instead of throwing, for optional parts of a view. */
export async function tryApi(path, params) {
  try {
    return await api(path, params);
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/** The items of a list answer ({total, items}) or of a bare list. */
export function itemsOf(answer) {
  if (Array.isArray(answer)) return answer;
  if (answer && Array.isArray(answer.items)) return answer.items;
  return [];
}
