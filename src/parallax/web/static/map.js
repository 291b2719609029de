// Map: the places of the corpus on Natural Earth country shapes (vendored TopoJSON, decoded by
// topo.js), circles sized by how many events happened there. Wheel or buttons zoom, dragging
// pans, a click lists the events at a place, each opening its sentence.

import { api, asset, itemsOf } from "./data.js";
import { card, el, fmtNum, route, svg, unavailable } from "./dom.js";
import { eventList } from "./events.js";
import { filterBar, outletList } from "./filters.js";
import { features, graticule, outline, pathData, projection } from "./topo.js";

const WIDTH = 960;
const ANTARCTICA = "010";
const SPECS = [
  { name: "since", label: "From", type: "date" },
  { name: "until", label: "To", type: "date" },
  { name: "outlet", label: "Outlet", placeholder: "any outlet", list: "outlet-names" },
];

function radius(place) {
  return place.events > 0 ? 3 + 2.2 * Math.sqrt(place.events) : 2.5;
}

/** Pan and zoom by rewriting the viewBox; dots and labels keep their size on screen. */
class View {
  constructor(node, full, onZoom) {
    this.node = node;
    this.full = full;
    this.onZoom = onZoom;
    this.box = { ...full };
  }

  set(box) {
    const w = Math.min(this.full.w, Math.max(this.full.w / 40, box.w));
    const h = (w * this.full.h) / this.full.w;
    const x = Math.min(this.full.x + this.full.w - w, Math.max(this.full.x, box.x));
    const y = Math.min(this.full.y + this.full.h - h, Math.max(this.full.y, box.y));
    this.box = { x, y, w, h };
    this.node.setAttribute("viewBox", `${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`);
    this.onZoom(w / this.full.w);
  }

  zoom(factor, cx, cy) {
    const { x, y, w, h } = this.box;
    const px = cx ?? x + w / 2;
    const py = cy ?? y + h / 2;
    this.set({ x: px - (px - x) * factor, y: py - (py - y) * factor, w: w * factor, h: h * factor });
  }

  fit(points) {
    if (!points.length) return this.set(this.full);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const pad = 40;
    let w = Math.max(...xs) - Math.min(...xs) + 2 * pad;
    let h = Math.max(...ys) - Math.min(...ys) + 2 * pad;
    const ratio = this.full.w / this.full.h;
    if (w / h < ratio) w = h * ratio;
    else h = w / ratio;
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    return this.set({ x: cx - w / 2, y: cy - h / 2, w, h });
  }

  toSvg(event) {
    const rect = this.node.getBoundingClientRect();
    return [
      this.box.x + ((event.clientX - rect.left) / rect.width) * this.box.w,
      this.box.y + ((event.clientY - rect.top) / rect.height) * this.box.h,
    ];
  }

  interactive() {
    this.node.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const [cx, cy] = this.toSvg(event);
        this.zoom(event.deltaY > 0 ? 1.25 : 0.8, cx, cy);
      },
      { passive: false },
    );
    let drag = null;
    this.node.addEventListener("pointerdown", (event) => {
      if (event.target.closest(".place-dot")) return;
      drag = { start: this.toSvg(event), box: { ...this.box } };
    });
    window.addEventListener("pointerup", () => {
      drag = null;
    });
    this.node.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const rect = this.node.getBoundingClientRect();
      const dx = ((event.clientX - rect.left) / rect.width) * drag.box.w + drag.box.x - drag.start[0];
      const dy = ((event.clientY - rect.top) / rect.height) * drag.box.h + drag.box.y - drag.start[1];
      this.set({ ...drag.box, x: drag.box.x - dx, y: drag.box.y - dy });
    });
  }
}

function countries(topology, project) {
  const group = svg("g", { class: "countries" });
  for (const feature of features(topology, "countries")) {
    if (feature.id === ANTARCTICA) continue;
    group.appendChild(
      svg("path", { d: pathData(feature, project), class: "country", "fill-rule": "evenodd" }, svg("title", null, feature.name)),
    );
  }
  return group;
}

async function showPlace(panel, place, params) {
  panel.replaceChildren(
    el("h2", null, place.name || "Unnamed place"),
    el(
      "p",
      { class: "muted" },
      [place.country_code, `${fmtNum(place.events)} events`, `${fmtNum(place.mentions)} mentions`].filter(Boolean).join(" · "),
    ),
    el("p", null, el("a", { href: route("timeline", { place: place.name }) }, "Show on the timeline →")),
  );
  if (!place.events) return;
  try {
    const answer = await api("events", { place: place.name, since: params.since, until: params.until, outlet: params.outlet, limit: 100 });
    const rows = itemsOf(answer).filter((row) => row.place_geonameid === undefined || String(row.place_geonameid) === String(place.geonameid));
    panel.appendChild(eventList(rows, "No events recorded at this place."));
  } catch (error) {
    panel.appendChild(unavailable("Events", error));
  }
}

function placeTable(places, select) {
  const rows = places.slice(0, 15).map((place) =>
    el(
      "tr",
      null,
      el(
        "td",
        null,
        el("a", { href: "#/map", class: "place-pick", on: { click: (event) => { event.preventDefault(); select(place); } } }, place.name || "?"),
        place.country_code ? el("span", { class: "muted" }, ` ${place.country_code}`) : null,
      ),
      el("td", { class: "num" }, fmtNum(place.events)),
      el("td", { class: "num" }, fmtNum(place.mentions)),
    ),
  );
  return el(
    "table",
    { class: "table compact" },
    el("thead", null, el("tr", null, el("th", null, "Place"), el("th", { class: "num" }, "Events"), el("th", { class: "num" }, "Mentions"))),
    el("tbody", null, rows),
  );
}

export async function render(root, params) {
  root.appendChild(
    el(
      "header",
      { class: "view-head" },
      el("h1", null, "Map"),
      el("p", { class: "lede" }, "Places the corpus mentions; circles grow with the number of events there. Click one for its events."),
    ),
  );
  root.appendChild(outletList("outlet-names"));
  root.appendChild(filterBar("map", SPECS, params));
  const filters = { since: params.since, until: params.until, outlet: params.outlet };
  const [topology, answer] = await Promise.allSettled([asset("countries-110m.json"), api("map", filters)]);
  const project = projection(WIDTH);
  const full = { x: 0, y: 0, w: WIDTH, h: project.height };
  const node = svg("svg", { viewBox: `0 0 ${WIDTH} ${project.height.toFixed(1)}`, class: "chart map", role: "img", "aria-label": "map of places and events" });
  node.appendChild(svg("defs", null, svg("clipPath", { id: "sphere" }, svg("path", { d: outline(project) }))));
  node.appendChild(svg("path", { d: outline(project), class: "ocean" }));
  node.appendChild(svg("path", { d: graticule(project), class: "graticule", "clip-path": "url(#sphere)" }));
  const notes = [];
  if (topology.status === "fulfilled") {
    const shapes = countries(topology.value, project);
    shapes.setAttribute("clip-path", "url(#sphere)");
    node.appendChild(shapes);
  } else {
    notes.push(unavailable("Country shapes", topology.reason));
  }
  const places = answer.status === "fulfilled" ? itemsOf(answer.value).filter((p) => p.lat !== null && p.lon !== null && p.lat !== undefined) : [];
  if (answer.status === "rejected") notes.push(unavailable("Places", answer.reason));
  const dots = svg("g", { class: "places" });
  const labels = svg("g", { class: "place-labels" });
  const panel = el("div", { class: "map-panel" });
  const drawn = [];
  const select = (place) => {
    for (const item of drawn) item.dot.classList.toggle("selected", item.place === place);
    showPlace(panel, place, params);
  };
  const sorted = [...places].sort((a, b) => radius(b) - radius(a));
  for (const place of sorted) {
    const [x, y] = project(Number(place.lon), Number(place.lat));
    const dot = svg(
      "circle",
      { cx: x.toFixed(1), cy: y.toFixed(1), r: radius(place), class: place.events > 0 ? "place-dot" : "place-dot mention-only", tabindex: 0, role: "button", "data-name": place.name || "" },
      svg("title", null, `${place.name} — ${place.events} events, ${place.mentions} mentions`),
    );
    dot.addEventListener("click", () => select(place));
    dot.addEventListener("keydown", (event) => event.key === "Enter" && select(place));
    dots.appendChild(dot);
    drawn.push({ dot, place, x, y });
  }
  const labelled = [...places].filter((p) => p.events > 0).sort((a, b) => b.events - a.events).slice(0, 14);
  for (const place of labelled) {
    const item = drawn.find((d) => d.place === place);
    const label = svg("text", { x: item.x, y: item.y, class: "place-label" }, place.name || "");
    labels.appendChild(label);
    item.label = label;
  }
  node.append(dots, labels);
  const view = new View(node, full, (scale) => {
    const placed = [];
    for (const item of drawn) {
      item.dot.setAttribute("r", (radius(item.place) * Math.sqrt(scale)).toFixed(2));
    }
    // Labels of the busiest places first; one that would overlap a shown label is hidden.
    for (const place of labelled) {
      const item = drawn.find((d) => d.place === place);
      const size = 11 * scale;
      const x = item.x + (radius(place) + 2) * Math.sqrt(scale);
      const y = item.y + 4 * scale;
      const box = [x, y - size, x + String(place.name).length * size * 0.62, y + size * 0.25];
      const clash = placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
      item.label.setAttribute("font-size", size.toFixed(2));
      item.label.setAttribute("x", x.toFixed(2));
      item.label.setAttribute("y", y.toFixed(2));
      item.label.setAttribute("visibility", clash ? "hidden" : "visible");
      if (!clash) placed.push(box);
    }
  });
  view.interactive();
  const eventful = drawn.filter((d) => d.place.events > 0);
  const fit = () => view.fit((eventful.length ? eventful : drawn).map((d) => [d.x, d.y]));
  fit();
  const controls = el(
    "div",
    { class: "map-controls" },
    el("button", { type: "button", title: "Zoom in", on: { click: () => view.zoom(0.7) } }, "+"),
    el("button", { type: "button", title: "Zoom out", on: { click: () => view.zoom(1.4) } }, "−"),
    el("button", { type: "button", on: { click: fit } }, "Fit"),
    el("button", { type: "button", on: { click: () => view.set(full) } }, "World"),
  );
  panel.appendChild(el("h2", null, "Places by events"));
  panel.appendChild(places.length ? placeTable([...places].sort((a, b) => b.events - a.events || b.mentions - a.mentions), select) : el("p", { class: "muted" }, "No located places."));
  root.append(...notes);
  root.appendChild(card(null, el("div", { class: "map-layout" }, el("div", { class: "map-frame" }, node, controls), panel)));
}
