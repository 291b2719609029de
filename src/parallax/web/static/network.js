// Actor network: who acts on whom. Edges run from an event's actor to its recipient, blue when
// most of those events are cooperation, red when most are conflict, wider with more events.
// The layout is a small force simulation (repulsion between all actors, springs along edges,
// a pull to the centre) started from a circle, so the same data always draws the same picture.

import { api, itemsOf } from "./data.js";
import { card, el, fmtNum, route, svg, unavailable } from "./dom.js";
import { CONFLICT, COOPERATION, eventList } from "./events.js";
import { filterBar } from "./filters.js";

const WIDTH = 880;
const MAX_NODES = 45;
const SPECS = [
  { name: "since", label: "From", type: "date" },
  { name: "until", label: "To", type: "date" },
  { name: "outlet", label: "Outlet", placeholder: "any outlet" },
  {
    name: "status",
    label: "Status",
    type: "select",
    options: [["", "any"], ...["asserted", "reported", "hypothetical", "negated", "future"].map((s) => [s, s])],
  },
];

/** Fruchterman–Reingold in a square of side `size`: repulsion between all nodes, springs
 * along edges, a pull to the centre, and a cooling schedule; started from a circle, so the
 * same data always gives the same picture. */
function force(nodes, edges, size) {
  const n = nodes.length;
  const at = new Map();
  if (n <= 2) {
    // One tie: one actor above the other, so the labels under them cannot collide.
    nodes.forEach((node, i) => at.set(node.id, { x: size / 2, y: n === 1 ? size / 2 : i * size }));
    return at;
  }
  const k = (size / Math.sqrt(n)) * 0.7;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / n;
    at.set(node.id, { x: size / 2 + (size / 3) * Math.cos(angle), y: size / 2 + (size / 3) * Math.sin(angle), dx: 0, dy: 0 });
  });
  const list = [...at.values()];
  let heat = size / 6;
  for (let step = 0; step < 300; step += 1) {
    for (const a of list) {
      a.dx = (size / 2 - a.x) * 0.05;
      a.dy = (size / 2 - a.y) * 0.05;
    }
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const a = list[i];
        const b = list[j];
        const dx = a.x - b.x || 0.01;
        const dy = a.y - b.y || 0.01;
        const push = (k * k) / (dx * dx + dy * dy);
        a.dx += dx * push;
        a.dy += dy * push;
        b.dx -= dx * push;
        b.dy -= dy * push;
      }
    }
    for (const edge of edges) {
      const a = at.get(edge.source);
      const b = at.get(edge.target);
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const pull = Math.sqrt(dx * dx + dy * dy) / k;
      a.dx -= dx * pull;
      a.dy -= dy * pull;
      b.dx += dx * pull;
      b.dy += dy * pull;
    }
    for (const a of list) {
      const d = Math.sqrt(a.dx * a.dx + a.dy * a.dy) || 1;
      const move = Math.min(d, heat);
      a.x = Math.min(size, Math.max(0, a.x + (a.dx / d) * move));
      a.y = Math.min(size, Math.max(0, a.y + (a.dy / d) * move));
    }
    heat *= 0.985;
  }
  return at;
}

function components(nodes, edges) {
  const parent = new Map(nodes.map((n) => [n.id, n.id]));
  const find = (id) => (parent.get(id) === id ? id : find(parent.get(id)));
  for (const e of edges) parent.set(find(e.source), find(e.target));
  const groups = new Map();
  for (const node of nodes) {
    const root = find(node.id);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(node);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/** Positions for every node and the drawing's height: each connected group of actors is laid
 * out on its own, then the groups are packed: the largest starts a row, smaller ones stack in
 * columns beside it while they fit its height, and the next row starts below. */
export function layout(nodes, edges, width = WIDTH) {
  const at = new Map();
  const margin = { x: 64, y: 30 };
  let row = { y: 0, height: 0, x: 0 };
  let column = { x: 0, y: 0, width: 0 };
  for (const group of components(nodes, edges)) {
    const ids = new Set(group.map((n) => n.id));
    const size = Math.min(width - 2 * margin.x, group.length <= 2 ? 90 : Math.max(150, 110 * Math.sqrt(group.length)));
    const local = force(group, edges.filter((e) => ids.has(e.source)), size);
    const w = size + 2 * margin.x;
    const h = size + 2 * margin.y;
    if (row.height && column.y + h <= row.height && column.x + w <= width) {
      // fits under the previous group in the current column
    } else if (row.height && column.x + column.width + w <= width && h <= row.height) {
      column = { x: column.x + column.width, y: 0, width: 0 };
    } else {
      row = { y: row.y + row.height, height: h, x: 0 };
      column = { x: 0, y: 0, width: 0 };
    }
    for (const [id, p] of local) at.set(id, { x: column.x + margin.x + p.x, y: row.y + column.y + margin.y + p.y });
    column.y += h;
    column.width = Math.max(column.width, w);
  }
  at.height = row.y + row.height;
  // Centre the packing horizontally when it does not fill the width.
  const right = Math.max(...[...at.values()].map((p) => p.x)) + margin.x;
  const shift = Math.max(0, (width - right) / 2);
  for (const p of at.values()) p.x += shift;
  return at;
}

function nodeRadius(node) {
  return 5 + 2.2 * Math.sqrt(node.events || 1);
}

function edgeColour(edge) {
  return edge.conflict > edge.cooperation ? CONFLICT : edge.cooperation > 0 ? COOPERATION : "#94a3b8";
}

function edgeKind(edge) {
  return edge.conflict > edge.cooperation ? "conflict" : edge.cooperation > 0 ? "cooperation" : "other";
}

/** A slightly curved path from a to b, stopping at b's rim, so a→b and b→a stay apart. */
function curve(a, b, rb) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d = Math.sqrt(dx * dx + dy * dy) || 1;
  const mx = (a.x + b.x) / 2 - (dy / d) * d * 0.12;
  const my = (a.y + b.y) / 2 + (dx / d) * d * 0.12;
  const ex = b.x - ((b.x - mx) / Math.hypot(b.x - mx, b.y - my)) * (rb + 3);
  const ey = b.y - ((b.y - my) / Math.hypot(b.x - mx, b.y - my)) * (rb + 3);
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

function typesText(types) {
  return Object.entries(types || {})
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => `${type} ${count}`)
    .join(", ");
}

async function showEdge(panel, edge, names, params) {
  panel.replaceChildren(
    el("h2", null, `${names.get(edge.source)} → ${names.get(edge.target)}`),
    el("p", { class: "muted" }, `${fmtNum(edge.events)} events: ${fmtNum(edge.cooperation)} cooperation, ${fmtNum(edge.conflict)} conflict`),
    el("p", { class: "muted" }, typesText(edge.types)),
  );
  try {
    const answer = await api("events", { actor: edge.source, since: params.since, until: params.until, outlet: params.outlet, status: params.status, limit: 1000 });
    const rows = itemsOf(answer).filter((r) => r.actor_id === edge.source && r.recipient_actor_id === edge.target);
    panel.appendChild(eventList(rows, "No event mentions found."));
  } catch (error) {
    panel.appendChild(unavailable("Events", error));
  }
}

function showNode(panel, node, edges, names) {
  const out = edges.filter((e) => e.source === node.id);
  const incoming = edges.filter((e) => e.target === node.id);
  const line = (edge, other) =>
    el("li", null, el("span", { class: `dot-key ${edgeKind(edge)}` }), `${names.get(other)}: ${fmtNum(edge.events)}`);
  panel.replaceChildren(
    el("h2", null, node.name || node.id),
    el("p", { class: "muted" }, [node.id, node.country, node.sector].filter(Boolean).join(" · ")),
    el("p", null, `${fmtNum(node.events)} events`),
    el("p", null, el("a", { href: route("timeline", { actor: node.id }) }, "Timeline of this actor →")),
    out.length ? el("h3", null, "Acts on") : null,
    out.length ? el("ul", { class: "plain" }, out.map((e) => line(e, e.target))) : null,
    incoming.length ? el("h3", null, "Acted on by") : null,
    incoming.length ? el("ul", { class: "plain" }, incoming.map((e) => line(e, e.source))) : null,
  );
}

function legend() {
  const item = (kind, text) => el("span", { class: "legend-item" }, el("span", { class: `line-key ${kind}` }), text);
  return el("div", { class: "legend" }, item("cooperation", "mostly cooperation"), item("conflict", "mostly conflict"), el("span", { class: "legend-item muted" }, "width: number of events · circle: events involving the actor"));
}

function draw(nodes, edges, panel, params) {
  const names = new Map(nodes.map((n) => [n.id, n.name || n.id]));
  const at = layout(nodes, edges);
  const node = svg("svg", { viewBox: `0 0 ${WIDTH} ${Math.max(200, at.height).toFixed(0)}`, class: "chart network", role: "img", "aria-label": "actor network" });
  node.appendChild(
    svg(
      "defs",
      null,
      ["cooperation", "conflict", "other"].map((kind) =>
        svg(
          "marker",
          { id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse", class: `arrow ${kind}` },
          svg("path", { d: "M0,0L10,5L0,10Z" }),
        ),
      ),
    ),
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edgeGroup = svg("g", { class: "edges" });
  for (const edge of [...edges].sort((a, b) => b.events - a.events)) {
    const a = at.get(edge.source);
    const b = at.get(edge.target);
    const kind = edgeKind(edge);
    const path = svg(
      "path",
      {
        d: curve(a, b, nodeRadius(byId.get(edge.target))),
        class: `edge ${kind}`,
        stroke: edgeColour(edge),
        "stroke-width": (1 + 1.6 * Math.log2(1 + edge.events)).toFixed(2),
        "marker-end": `url(#arrow-${kind})`,
        tabindex: 0,
        "data-source": edge.source,
        "data-target": edge.target,
      },
      svg("title", null, `${names.get(edge.source)} → ${names.get(edge.target)}: ${edge.events} events (${edge.cooperation} cooperation, ${edge.conflict} conflict)`),
    );
    path.addEventListener("click", () => showEdge(panel, edge, names, params));
    path.addEventListener("keydown", (event) => event.key === "Enter" && showEdge(panel, edge, names, params));
    edgeGroup.appendChild(path);
  }
  const nodeGroup = svg("g", { class: "nodes" });
  for (const item of nodes) {
    const p = at.get(item.id);
    const r = nodeRadius(item);
    const group = svg(
      "g",
      { class: "node", tabindex: 0, "data-id": item.id },
      svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) }),
      svg("text", { x: p.x.toFixed(1), y: (p.y + r + 12).toFixed(1), "text-anchor": "middle" }, item.name || item.id),
      svg("title", null, `${item.name || item.id} — ${item.events} events`),
    );
    group.addEventListener("keydown", (event) => event.key === "Enter" && group.dispatchEvent(new MouseEvent("click")));
    group.addEventListener("click", () => {
      for (const other of nodeGroup.children) other.classList.toggle("selected", other === group);
      for (const path of edgeGroup.children) {
        const touches = path.dataset.source === item.id || path.dataset.target === item.id;
        path.classList.toggle("faded", !touches);
      }
      showNode(panel, item, edges, names);
    });
    nodeGroup.appendChild(group);
  }
  node.append(edgeGroup, nodeGroup);
  return node;
}

export async function render(root, params) {
  root.appendChild(
    el(
      "header",
      { class: "view-head" },
      el("h1", null, "Actor network"),
      el("p", { class: "lede" }, "Who acts on whom: arrows run from an event's actor to its recipient. Click an arrow for its events, an actor for its ties."),
    ),
  );
  root.appendChild(filterBar("network", SPECS, params));
  let answer;
  try {
    answer = await api("network", { since: params.since, until: params.until, outlet: params.outlet, status: params.status });
  } catch (error) {
    root.appendChild(unavailable("The actor network", error));
    return;
  }
  const edgesAll = (answer.edges || []).filter((e) => e.source !== e.target);
  const degree = new Map();
  for (const edge of edgesAll) {
    degree.set(edge.source, (degree.get(edge.source) || 0) + edge.events);
    degree.set(edge.target, (degree.get(edge.target) || 0) + edge.events);
  }
  const nodes = (answer.nodes || [])
    .filter((n) => degree.has(n.id))
    .sort((a, b) => degree.get(b.id) - degree.get(a.id) || String(a.id).localeCompare(String(b.id)))
    .slice(0, MAX_NODES);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = edgesAll.filter((e) => kept.has(e.source) && kept.has(e.target));
  const panel = el("div", { class: "side-panel" });
  const hidden = (answer.nodes || []).length - nodes.length;
  panel.append(
    el("h2", null, "Ties"),
    el("p", { class: "muted" }, `${fmtNum(nodes.length)} actors linked by ${fmtNum(edges.length)} directed ties${hidden > 0 ? `; ${fmtNum(hidden)} actors without a coded counterpart (or beyond the ${MAX_NODES} busiest) are not drawn` : ""}.`),
    el("p", { class: "muted" }, "Select an actor or an arrow."),
  );
  if (!nodes.length) {
    root.appendChild(card(null, legend(), el("p", { class: "muted", id: "network-empty" }, "No events with both an actor and a recipient in this range.")));
    return;
  }
  root.appendChild(card(null, legend(), el("div", { class: "split" }, el("div", { class: "chart-frame" }, draw(nodes, edges, panel, params)), panel)));
}
