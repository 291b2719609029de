// Document reader: the cleaned text by segment, with every record highlighted by kind. Records
// overlap (an entity inside a quote inside an event's sentence), so the text is cut at every
// record boundary and each piece carries the classes of all records covering it; each kind uses
// its own visual channel (underline, background, weight) so overlaps stay readable. A route's
// start/end marks one span (the sentence a record came from) and scrolls to it.

import { api } from "./data.js";
import { card, el, fmtNum, route, unavailable } from "./dom.js";

export const KINDS = [
  ["entities", "entity", "Entities"],
  ["places", "place", "Places"],
  ["times", "time", "Times"],
  ["figures", "figure", "Figures"],
  ["quotes", "quote", "Quotes"],
  ["speakers", "speaker", "Speakers"],
  ["events", "trigger", "Event triggers"],
];

/** Every highlightable span of an analysis: {kind, start, end, record}. */
export function spans(analysis) {
  const out = [];
  const add = (kind, start, end, record) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) out.push({ kind, start, end, record });
  };
  for (const [key, kind] of KINDS) {
    if (key === "speakers") continue;
    for (const record of analysis[key] || []) {
      if (key === "events") {
        if (record.trigger) add(kind, record.trigger.start, record.trigger.end, record);
      } else {
        add(kind, record.start, record.end, record);
      }
      if (key === "quotes" && record.speaker) add("speaker", record.speaker.start, record.speaker.end, record);
    }
  }
  return out;
}

/** Pieces of [from, to): [{start, end, covering: [span]}], cut at every span boundary. */
export function pieces(from, to, all) {
  const inside = all.filter((s) => s.end > from && s.start < to);
  const cuts = new Set([from, to]);
  for (const s of inside) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end, covering: inside.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}

function blocks(analysis) {
  const segments = [...(analysis.segments || [])].sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const segment of segments) {
    if (segment.start > at) out.push({ kind: "text", start: at, end: segment.start });
    out.push(segment);
    at = Math.max(at, segment.end);
  }
  if (at < analysis.text.length) out.push({ kind: "text", start: at, end: analysis.text.length });
  // Blank lines at a segment's edges would only add gaps: draw each from its first to its last
  // visible character (offsets are untouched, records never start in whitespace).
  return out
    .map((block) => {
      const slice = analysis.text.slice(block.start, block.end);
      const lead = slice.length - slice.trimStart().length;
      const trail = slice.length - slice.trimEnd().length;
      return { ...block, start: block.start + lead, end: block.end - trail };
    })
    .filter((block) => block.end > block.start);
}

function fieldsOf(span) {
  const r = span.record;
  const party = (p) => (p ? `${p.name || p.text}${p.actor_id ? ` (${p.actor_id})` : ""}` : null);
  switch (span.kind) {
    case "entity":
      return [["label", r.label], ["actor", r.actor_id]];
    case "place":
      return [["place", r.name], ["country", r.country_code], ["GeoNames", r.geonameid], ["class", r.feature_class], ["lat, lon", r.lat !== null && r.lat !== undefined ? `${r.lat}, ${r.lon}` : null]];
    case "time":
      return [["type", r.type], ["value", r.value], ["from", r.earliest], ["to", r.latest]];
    case "figure":
      return [["quantity", r.quantity], ["value", r.value], ["range", r.low !== r.high ? `${r.low ?? "?"}–${r.high ?? "?"}` : null], ["unit", r.unit], ["about", r.about], ["claimed by", r.claimed_by]];
    case "quote":
    case "speaker":
      return [["quote", r.text], ["direct", r.direct ? "yes" : "no"], ["cue", r.cue], ["speaker", party(r.speaker)]];
    case "trigger":
      return [["type", r.type], ["mode", r.mode], ["status", r.status], ["actor", party(r.actor)], ["recipient", party(r.recipient)], ["place", r.place && (r.place.name || r.place.text)], ["date", r.date && (r.date.value || r.date.text)], ["ACLED", r.acled && [r.acled.event_type, r.acled.sub_event_type].filter(Boolean).join(" / ")], ["sentence", r.text]];
    default:
      return [];
  }
}

function details(panel, covering, docId) {
  panel.replaceChildren(el("h2", null, "Selected"));
  for (const span of covering) {
    const rows = fieldsOf(span).filter(([, v]) => v !== null && v !== undefined && v !== "");
    const focus = span.kind === "trigger" ? span.record : span.kind === "speaker" ? span.record : span;
    panel.appendChild(
      el(
        "div",
        { class: `record-card kind-${span.kind}` },
        el("div", { class: "record-kind" }, span.kind === "trigger" ? "event" : span.kind, " · ", el("a", { href: route(`doc/${encodeURIComponent(docId)}`, { start: focus.start, end: focus.end }) }, "mark")),
        el("div", { class: "record-text" }, span.kind === "trigger" ? span.record.trigger.text : span.kind === "speaker" ? span.record.speaker.text : span.record.text),
        el("dl", null, rows.map(([k, v]) => [el("dt", null, k), el("dd", null, String(v))])),
      ),
    );
  }
}

function legend(text, counts) {
  const box = el("div", { class: "legend reader-legend" });
  for (const [, kind, label] of KINDS) {
    const input = el("input", { type: "checkbox", "data-kind": kind });
    input.checked = true;
    input.addEventListener("change", () => text.classList.toggle(`hide-${kind}`, !input.checked));
    box.appendChild(el("label", { class: `legend-item toggle key-${kind}` }, input, el("span", { class: `hl hl-${kind}` }, label), ` ${fmtNum(counts[kind] || 0)}`));
  }
  return box;
}

function meta(doc) {
  const parts = [doc.outlet, doc.published, doc.author].filter(Boolean);
  return el(
    "div",
    { class: "doc-meta" },
    el("p", { class: "muted" }, parts.join(" · ")),
    // The URL is shown, never linked: a stored URL is untrusted (javascript:, data:...).
    doc.url ? el("p", { class: "muted url" }, doc.url) : null,
    el("p", { class: "muted mono" }, `id ${doc.id}`),
  );
}

export async function render(root, params, docId) {
  let analysis;
  try {
    analysis = await api(`documents/${encodeURIComponent(docId)}`);
  } catch (error) {
    root.appendChild(el("header", { class: "view-head" }, el("h1", null, "Document")));
    root.appendChild(unavailable(`Document ${docId}`, error));
    return;
  }
  const doc = analysis.doc || {};
  const text = String(analysis.text || "");
  const all = spans(analysis);
  const focusStart = Number.parseInt(params.start, 10);
  const focusEnd = Number.parseInt(params.end, 10);
  const focused = Number.isInteger(focusStart) && Number.isInteger(focusEnd) && focusEnd > focusStart;
  if (focused) all.push({ kind: "focus", start: focusStart, end: focusEnd, record: null });
  const counts = {};
  for (const span of all) counts[span.kind] = (counts[span.kind] || 0) + 1;

  const panel = el("aside", { class: "side-panel reader-panel" });
  const body = el("article", { class: "doc-text", lang: "en" });
  for (const block of blocks(analysis)) {
    const node = el("div", { class: `seg seg-${block.kind}`, "data-kind": block.kind });
    if (!["body", "text"].includes(block.kind)) node.appendChild(el("span", { class: "seg-label" }, block.kind));
    const para = el("div", { class: "seg-text" });
    for (const piece of pieces(block.start, block.end, all)) {
      const slice = text.slice(piece.start, piece.end);
      const records = piece.covering.filter((s) => s.kind !== "focus");
      const inFocus = piece.covering.length !== records.length;
      if (!records.length && !inFocus) {
        para.appendChild(document.createTextNode(slice));
        continue;
      }
      const classes = ["hl", ...new Set(records.map((s) => `hl-${s.kind}`)), inFocus ? "focus" : null];
      const span = el("span", { class: classes, "data-start": piece.start, "data-end": piece.end }, slice);
      if (records.length) {
        span.title = records.map((s) => `${s.kind === "trigger" ? `event ${s.record.type}` : s.kind}: ${s.kind === "trigger" ? s.record.trigger.text : s.record.text}`).join("\n");
        span.addEventListener("click", () => details(panel, records, doc.id || docId));
      }
      para.appendChild(span);
    }
    node.appendChild(para);
    body.appendChild(node);
  }

  root.appendChild(el("header", { class: "view-head" }, el("h1", null, doc.title || "Untitled document"), meta(doc)));
  panel.append(
    el("h2", null, "Records"),
    el("p", { class: "muted" }, "Click any highlighted words to see what was extracted there."),
    focused ? el("p", null, el("a", { href: "#/", class: "jump", on: { click: (event) => { event.preventDefault(); scrollToFocus(body); } } }, "Back to the marked passage")) : null,
  );
  root.appendChild(card(null, legend(body, counts), el("div", { class: "split reader" }, body, panel)));
  if (focused) {
    if (!body.querySelector(".focus")) root.prepend(el("div", { class: "notice" }, `The passage ${focusStart}–${focusEnd} is outside this document's text.`));
    requestAnimationFrame(() => scrollToFocus(body));
  } else {
    window.scrollTo(0, 0);
  }
}

function scrollToFocus(body) {
  const first = body.querySelector(".focus");
  if (first) first.scrollIntoView({ block: "center" });
}
