// The app shell: a hash router (#/timeline, #/map, #/network, #/outlets, #/figures,
// #/doc/{id}?start=&end=, #/event/{merged id}, #/search?q=), the navigation and the corpus
// counts. Views are plain functions render(container, params, id) that build DOM safely.

import { api, reportMode } from "./data.js";
import { el, fmtNum, mount, route } from "./dom.js";
import { render as renderFigures } from "./figures.js";
import { render as renderMap } from "./map.js";
import { render as renderMerged } from "./merged.js";
import { render as renderNetwork } from "./network.js";
import { render as renderOutlets } from "./outlets.js";
import { render as renderReader } from "./reader.js";
import { render as renderSearch } from "./search.js";
import { render as renderTimeline } from "./timeline.js";

const VIEWS = {
  timeline: ["Timeline", renderTimeline],
  map: ["Map", renderMap],
  network: ["Network", renderNetwork],
  outlets: ["Outlets", renderOutlets],
  figures: ["Figures", renderFigures],
  search: ["Search", renderSearch],
  doc: ["Document", renderReader],
  event: ["Merged event", renderMerged],
};
const NAV = ["timeline", "map", "network", "outlets", "figures"];

/** "#/doc/abc?start=1" -> {name: "doc", id: "abc", params: {start: "1"}}. */
export function parseRoute(hash) {
  const text = String(hash || "").replace(/^#\/?/, "");
  const [path, query = ""] = text.split("?", 2);
  const [name, ...rest] = path.split("/");
  const params = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  let id = null;
  try {
    id = rest.length ? decodeURIComponent(rest.join("/")) : null;
  } catch {
    id = rest.join("/");
  }
  return { name: VIEWS[name] ? name : "timeline", id, params };
}

function navigation() {
  const nav = document.getElementById("nav");
  mount(nav, NAV.map((name) => el("a", { href: route(name), "data-view": name }, VIEWS[name][0])));
  const form = document.getElementById("global-search");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    if (q) location.hash = route("search", { q });
  });
}

async function stats() {
  const box = document.getElementById("stats");
  const parts = [];
  if (reportMode()) {
    const data = window.PARALLAX_DATA || {};
    parts.push(el("span", { class: "report-tag" }, `Static report${data.generated ? ` · ${String(data.generated).slice(0, 10)}` : ""}`));
  }
  try {
    const s = await api("stats");
    const counts = [
      ["documents", s.documents],
      ["outlets", s.outlets],
      ["events", s.events],
      ["places", s.places],
      ["figures", s.figures],
      ["quotes", s.quotes],
    ];
    for (const [label, value] of counts) parts.push(el("span", { class: "stat" }, el("strong", null, fmtNum(value)), ` ${label}`));
    if (s.first_published) parts.push(el("span", { class: "stat" }, `${s.first_published} – ${s.last_published}`));
  } catch (error) {
    parts.push(el("span", { class: "stat muted" }, "corpus counts not available"));
  }
  mount(box, parts);
}

let shown = "";

async function show() {
  const { name, id, params } = parseRoute(location.hash);
  // A new page starts at its top; a filter change on the same page keeps the reader's place.
  const page = `${name}/${id || ""}`;
  if (page !== shown) window.scrollTo(0, 0);
  shown = page;
  const [title, render] = VIEWS[name];
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("active", link.dataset.view === name);
  }
  document.title = `${title} — Parallax`;
  const container = el("div", { class: `view view-${name}`, "aria-busy": "true" });
  const loading = el("p", { class: "loading muted" }, "Loading…");
  mount(document.getElementById("view"), container, loading);
  try {
    await render(container, params, id);
  } catch (error) {
    console.error(error);
    container.appendChild(el("div", { class: "notice error" }, `This view failed: ${error.message}`));
  } finally {
    loading.remove();
    container.setAttribute("aria-busy", "false");
    container.dataset.ready = "true";
  }
}

navigation();
stats();
window.addEventListener("hashchange", show);
show();
