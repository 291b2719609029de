// Timeline: every event mention on a time axis, one row per quad class (or PLOVER type),
// filterable by actor, outlet, place, date, type and status. A dot opens its sentence.

import { api, itemsOf, tryApi } from "./data.js";
import { card, el, fmtNum, route, unavailable } from "./dom.js";
import { QUADS, eventDay, eventList } from "./events.js";
import { filterBar, outletList } from "./filters.js";
import { mergedList } from "./merged.js";
import { timeChart } from "./timechart.js";

const LIMIT = 5000;
const PAGE = 1000;

const SPECS = [
  { name: "actor", label: "Actor", placeholder: "id or name: RUS" },
  { name: "outlet", label: "Outlet", placeholder: "any outlet", list: "outlet-names" },
  { name: "place", label: "Place", placeholder: "e.g. Mosul" },
  { name: "since", label: "From", type: "date" },
  { name: "until", label: "To", type: "date" },
  {
    name: "status",
    label: "Status",
    type: "select",
    options: [["", "any"], ...["asserted", "reported", "hypothetical", "negated", "future"].map((s) => [s, s])],
  },
  {
    name: "group",
    label: "Rows",
    type: "select",
    options: [
      ["", "quad class"],
      ["type", "PLOVER type"],
    ],
  },
];

const FILTERS = ["actor", "outlet", "place", "since", "until", "status", "type", "quad"];

function toTime(day) {
  return Date.parse(`${day}T00:00:00Z`);
}

function chart(rows, group) {
  const points = rows
    .map((row) => ({ row, ...eventDay(row) }))
    .filter((p) => p.day)
    .map((p) => ({ ...p, time: toTime(p.day) }))
    .filter((p) => Number.isFinite(p.time));
  const keyOf = group === "type" ? (r) => r.type || "?" : (r) => r.quad || "unclassified";
  const order =
    group === "type"
      ? [...new Set(points.map((p) => keyOf(p.row)))].sort()
      : [...QUADS.map(([q]) => q), "unclassified"];
  return timeChart(points, order, keyOf);
}

function legend() {
  return el(
    "div",
    { class: "legend" },
    QUADS.map(([quad, colour]) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colour;
      return el("a", { class: "legend-item", href: route("timeline", { quad }) }, swatch, quad);
    }),
    el("span", { class: "legend-item muted" }, el("span", { class: "swatch hollow" }), "dated by its article"),
  );
}

/** Up to LIMIT events, fetched in pages of PAGE (the API's largest page). */
async function allEvents(query) {
  const rows = [];
  let total = 0;
  do {
    const answer = await api("events", { ...query, limit: PAGE, offset: rows.length });
    const items = itemsOf(answer);
    total = answer.total ?? items.length;
    rows.push(...items);
    if (!items.length) break;
  } while (rows.length < Math.min(total, LIMIT));
  return [rows, total];
}

export async function render(root, params) {
  const query = {};
  for (const name of FILTERS) if (params[name]) query[name] = params[name];
  const extra = {};
  for (const name of ["type", "quad"]) if (params[name]) extra[name] = params[name];
  root.appendChild(
    el(
      "header",
      { class: "view-head" },
      el("h1", null, "Timeline"),
      el("p", { class: "lede" }, "Every event mention by PLOVER quad class over time. Click a dot to read its sentence."),
    ),
  );
  root.appendChild(outletList("outlet-names"));
  const bar = filterBar("timeline", SPECS, params, extra);
  if (params.type || params.quad) {
    bar.prepend(el("span", { class: "pinned" }, `${params.type || params.quad}`, " ", el("a", { href: route("timeline", { ...params, type: "", quad: "" }) }, "×")));
  }
  root.appendChild(bar);
  let rows;
  let total;
  try {
    [rows, total] = await allEvents(query);
  } catch (error) {
    root.appendChild(unavailable("Events", error));
    return;
  }
  const shown = rows.length < total ? ` (showing the first ${fmtNum(rows.length)})` : "";
  root.appendChild(
    card(
      null,
      el("div", { class: "card-head" }, el("p", { class: "count", id: "event-count", "data-count": total }, `${fmtNum(total)} events${shown}`), legend()),
      chart(rows, params.group),
    ),
  );
  const sorted = [...rows].sort((a, b) => String(eventDay(a).day).localeCompare(String(eventDay(b).day)));
  const stats = await tryApi("stats");
  if (stats && stats.merged_events > 0) {
    const merged = { limit: 25 };
    for (const name of ["actor", "outlet", "since", "until", "type", "quad"]) if (params[name]) merged[name] = params[name];
    const answer = await tryApi("merged-events", merged);
    if (answer && itemsOf(answer).length) {
      root.appendChild(card(`Events reported across articles (${fmtNum(answer.total ?? itemsOf(answer).length)})`, mergedList(itemsOf(answer))));
    }
  }
  root.appendChild(card("Event mentions", eventList(sorted.slice(0, 300), "No events match these filters.")));
}
