// The timeline chart: one lane per group (quad class or PLOVER type), each event a dot. Dots of
// the same time bin pile up like a unit bar chart (bottom to top, then the next column), and the
// bin is the smallest calendar unit (day, week, month, quarter, year) whose piles fit side by
// side, so a corpus of five articles and one of five thousand both stay readable. Every dot is
// an event mention and opens its sentence.

import { el, recordRoute, svg } from "./dom.js";
import { actorLine, quadColour } from "./events.js";

const WIDTH = 1160;
const LEFT = 200;
const RIGHT = 24;
const PITCH = 9;
const DOT = 3.7;
const ROWS = 8;
const LANE = ROWS * PITCH + 18;
const DAY = 864e5;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function fixed(days) {
  // Weeks start on Monday (1970-01-05 was one).
  const origin = Date.UTC(1970, 0, 5);
  return {
    key: (t) => Math.floor((t - origin) / (days * DAY)),
    range: (k) => [origin + k * days * DAY, origin + (k + 1) * days * DAY],
  };
}

function monthly(months) {
  return {
    key: (t) => {
      const d = new Date(t);
      return Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth()) / months);
    },
    range: (k) => {
      const first = k * months;
      return [Date.UTC(Math.floor(first / 12), first % 12, 1), Date.UTC(Math.floor((first + months) / 12), (first + months) % 12, 1)];
    },
  };
}

const BINS = [
  ["day", fixed(1)],
  ["week", fixed(7)],
  ["month", monthly(1)],
  ["quarter", monthly(3)],
  ["year", monthly(12)],
  ["5 years", monthly(60)],
];

function ticks(start, end) {
  const years = (end - start) / (365.25 * DAY);
  const step = years > 12 ? Math.ceil(years / 10) * 12 : years > 5 ? 12 : years > 2.5 ? 6 : years > 0.8 ? 3 : 1;
  const out = [];
  const first = new Date(start);
  let index = Math.floor((first.getUTCFullYear() * 12 + first.getUTCMonth()) / step) * step;
  for (;;) {
    const time = Date.UTC(Math.floor(index / 12), index % 12, 1);
    if (time > end) break;
    if (time >= start) out.push([time, index % 12 === 0 ? String(index / 12) : `${MONTHS[index % 12]} ${String(Math.floor(index / 12)).slice(2)}`]);
    index += step;
  }
  return out;
}

/** The bin whose piles fit their width, and the piles: Map(lane -> Map(bin key -> points)). */
function binning(lanes, x) {
  for (const [name, bin] of BINS) {
    let fits = true;
    const piles = new Map();
    for (const lane of lanes) {
      const byKey = new Map();
      for (const point of lane.points) {
        const key = bin.key(point.time);
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key).push(point);
      }
      for (const [key, points] of byKey) {
        const [t0, t1] = bin.range(key);
        const room = Math.max(PITCH, x(t1) - x(t0));
        if (Math.ceil(points.length / ROWS) * PITCH > room) fits = false;
      }
      piles.set(lane.key, byKey);
    }
    if (fits || name === "5 years") return { name, bin, piles };
  }
  throw new Error("unreachable");
}

function dot(point, cx, cy) {
  const { row } = point;
  const title = `${point.day}${point.own ? "" : " (article date)"} · ${row.type} · ${actorLine(row)}\n${row.text}\n— ${row.outlet || "unknown outlet"}`;
  const colour = quadColour(row.quad);
  const node = svg(
    "circle",
    { cx: cx.toFixed(1), cy: cy.toFixed(1), r: DOT, fill: colour, class: point.own ? "dot event-dot" : "dot event-dot article-dated", tabindex: 0, role: "link", "data-doc": row.doc_id },
    svg("title", null, title),
  );
  if (!point.own) node.style.stroke = colour;
  const open = () => {
    location.hash = recordRoute(row);
  };
  node.addEventListener("click", open);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter") open();
  });
  return node;
}

/** The SVG chart of `points` ({row, day, own, time}) in lanes keyed by `keyOf(row)`. */
export function timeChart(points, order, keyOf) {
  if (!points.length) return el("p", { class: "muted" }, "No dated events to draw.");
  let start = Math.min(...points.map((p) => p.time));
  let end = Math.max(...points.map((p) => p.time));
  const pad = Math.max((end - start) * 0.04, 20 * DAY);
  start -= pad;
  end += pad;
  const x = (time) => LEFT + ((time - start) / (end - start)) * (WIDTH - LEFT - RIGHT);
  const lanes = order.map((key) => ({ key, points: points.filter((p) => keyOf(p.row) === key) })).filter((l) => l.points.length);
  const { name, bin, piles } = binning(lanes, x);
  const top = 6;
  const height = top + lanes.length * LANE + 26;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "chart timeline-chart", role: "img", "aria-label": `events over time, one dot per event, piled by ${name}` });
  for (const [time, label] of ticks(start, end)) {
    chart.appendChild(svg("line", { x1: x(time), x2: x(time), y1: top, y2: height - 22, class: "grid" }));
    chart.appendChild(svg("text", { x: x(time), y: height - 7, class: "tick", "text-anchor": "middle" }, label));
  }
  lanes.forEach((lane, i) => {
    const y0 = top + i * LANE;
    const base = y0 + LANE - 7;
    chart.appendChild(svg("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: base + 3, y2: base + 3, class: "lane-rule" }));
    chart.appendChild(svg("text", { x: LEFT - 12, y: y0 + LANE / 2 + 4, class: "lane-label", "text-anchor": "end" }, `${lane.key} · ${lane.points.length}`));
    for (const [key, pile] of piles.get(lane.key)) {
      const [t0, t1] = bin.range(key);
      const centre = (x(t0) + x(t1)) / 2;
      const cols = Math.ceil(pile.length / ROWS);
      pile.sort((a, b) => a.time - b.time);
      pile.forEach((point, n) => {
        const col = Math.floor(n / ROWS);
        const cx = centre - ((cols - 1) * PITCH) / 2 + col * PITCH;
        chart.appendChild(dot(point, cx, base - DOT - (n % ROWS) * PITCH));
      });
    }
  });
  chart.dataset.bin = name;
  return chart;
}
