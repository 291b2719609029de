// One merged event: the same happening as reported by several articles, every mention side by
// side (outlet, date, status, sentence), so agreement and disagreement are visible at once.

import { api } from "./data.js";
import { card, el, fmtNum, route, unavailable } from "./dom.js";
import { eventList, quadColour } from "./events.js";

function fact(label, value) {
  return value === null || value === undefined || value === "" ? null : [el("dt", null, label), el("dd", null, String(value))];
}

export async function render(root, params, eventId) {
  let event;
  try {
    event = await api(`merged-events/${encodeURIComponent(eventId)}`);
  } catch (error) {
    root.append(el("header", { class: "view-head" }, el("h1", null, "Merged event")), unavailable(`Merged event ${eventId}`, error));
    return;
  }
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = quadColour(event.quad);
  const who = [event.actor_name || event.actor_id, event.recipient_name || event.recipient_actor_id].filter(Boolean).join(" → ");
  const dates = [event.date_earliest, event.date_latest].filter(Boolean);
  root.appendChild(
    el(
      "header",
      { class: "view-head" },
      el("h1", null, swatch, ` ${event.type}${who ? `: ${who}` : ""}`),
      el("p", { class: "lede" }, [event.place_name, dates.length ? [...new Set(dates)].join(" – ") : null].filter(Boolean).join(" · ")),
    ),
  );
  const statuses = event.statuses && typeof event.statuses === "object" ? Object.entries(event.statuses).map(([s, n]) => `${s} ${n}`).join(", ") : event.statuses;
  root.appendChild(
    card(
      null,
      el(
        "dl",
        { class: "kv wide" },
        fact("quad class", event.quad),
        fact("mentions", fmtNum(event.mention_count ?? (event.mentions || []).length)),
        fact("outlets", fmtNum(event.outlets)),
        fact("independent sources", fmtNum(event.corroboration)),
        fact("confidence", event.confidence !== undefined ? fmtNum(event.confidence, 2) : null),
        fact("statuses", statuses),
        fact("disputed", event.disputed ? "yes: the mentions disagree" : "no"),
      ),
    ),
  );
  root.appendChild(card("Mentions", eventList(event.mentions || [], "No mentions stored.")));
}

/** Merged events as a list: each opens its mentions side by side. */
export function mergedList(items) {
  return el(
    "ol",
    { class: "event-list merged-list" },
    items.map((event) => {
      const chip = el("span", { class: "chip", title: event.quad || "" }, event.type || "?");
      chip.style.setProperty("--chip", quadColour(event.quad));
      const who = [event.actor_name || event.actor_id, event.recipient_name || event.recipient_actor_id].filter(Boolean).join(" → ");
      return el(
        "li",
        { class: "event-item" },
        el(
          "a",
          { href: route(`event/${encodeURIComponent(event.id)}`), class: "event-link" },
          el("span", { class: "when" }, event.date_earliest ? String(event.date_earliest).slice(0, 10) : "undated"),
          chip,
          el("span", { class: "what" }, el("span", { class: "who" }, who || "unnamed actors", event.disputed ? el("span", { class: "status" }, "disputed") : null), el("span", { class: "sentence muted" }, event.place_name || "")),
          el("span", { class: "outlet" }, `${fmtNum(event.mentions)} mentions · ${fmtNum(event.outlets)} outlet${event.outlets === 1 ? "" : "s"}`),
        ),
      );
    }),
  );
}
