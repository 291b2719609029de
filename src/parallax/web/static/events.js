// How an event mention looks everywhere: its colour (PLOVER quad class), its day, its
// "actor → recipient" line and a list row that opens its sentence in the document reader.

import { el, recordRoute, route, shorten } from "./dom.js";
import { eventDays } from "./local.js";

export const QUADS = [
  ["verbal cooperation", "#60a5fa"],
  ["material cooperation", "#1d4ed8"],
  ["verbal conflict", "#f59e0b"],
  ["material conflict", "#dc2626"],
];
const QUAD_COLOUR = new Map(QUADS);
export const COOPERATION = "#2563eb";
export const CONFLICT = "#dc2626";

export function quadColour(quad) {
  return QUAD_COLOUR.get(quad) || "#64748b";
}

const MONTH = 31 * 864e5;

/** The day an event is drawn at: its own date when the text pins it to a day, a week or a
 * month (its first day), else its article's date ("in 2003" says little about when). */
export function eventDay(row) {
  const [first, last] = eventDays(row);
  const published = String(row.published ?? "").slice(0, 10) || null;
  const own = /^\d{4}-\d{2}-\d{2}/.test(String(row.date_earliest ?? ""));
  if (own && Date.parse(last) - Date.parse(first) <= MONTH) return { day: first, own: true };
  return { day: published || first, own: false };
}

function party(name, text, id) {
  return name || text || id || null;
}

export function actorLine(row) {
  const actor = party(row.actor_name, row.actor_text, row.actor_id);
  const recipient = party(row.recipient_name, row.recipient_text, row.recipient_actor_id);
  if (actor && recipient) return `${actor} → ${recipient}`;
  if (actor) return `${actor} →`;
  if (recipient) return `→ ${recipient}`;
  return "";
}

/** The sentence of an event mention with its trigger word in <strong>. */
export function sentence(row, size = 240) {
  const text = String(row.text ?? "");
  const from = Number(row.trigger_start) - Number(row.start);
  const to = Number(row.trigger_end) - Number(row.start);
  if (!(from >= 0 && to > from && to <= text.length)) return [shorten(text, size)];
  const before = text.slice(0, from);
  const after = text.slice(to);
  const room = Math.max(40, size - (to - from));
  return [
    before.length > room / 2 ? `…${before.slice(before.length - room / 2)}` : before,
    el("strong", { class: "trigger" }, text.slice(from, to)),
    after.length > room / 2 ? `${after.slice(0, room / 2)}…` : after,
  ];
}

export function typeChip(row) {
  const chip = el("span", { class: "chip", title: row.quad || "" }, row.type || "?");
  chip.style.setProperty("--chip", quadColour(row.quad));
  return chip;
}

export function statusTag(status) {
  return status && status !== "asserted" ? el("span", { class: `status status-${status}` }, status) : null;
}

/** One event mention as a row of a list: click anywhere opens the sentence. */
export function eventItem(row) {
  const { day, own } = eventDay(row);
  return el(
    "li",
    { class: "event-item" },
    el(
      "a",
      { href: recordRoute(row), class: "event-link" },
      el("span", { class: "when", title: own ? "the event's date" : "the article's date" }, day || "undated"),
      typeChip(row),
      el(
        "span",
        { class: "what" },
        el("span", { class: "who" }, actorLine(row), statusTag(row.status)),
        el("span", { class: "sentence" }, sentence(row)),
      ),
      el("span", { class: "outlet" }, row.outlet || ""),
    ),
    row.merged_event_id && row.merged_mentions > 1
      ? el("a", { href: route(`event/${encodeURIComponent(row.merged_event_id)}`), class: "merged-link", title: "the same event in every report of it" }, `${row.merged_mentions} reports →`)
      : null,
  );
}

/** A list of event mentions, or a line saying there are none. */
export function eventList(rows, empty = "No events match.") {
  if (!rows.length) return el("p", { class: "muted" }, empty);
  return el("ol", { class: "event-list" }, rows.map(eventItem));
}
