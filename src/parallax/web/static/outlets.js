// Outlet comparison: each outlet's profile (naming, voices, verbs, stance, selection, genre)
// side by side, one column per outlet. Profiles come from the perspective pass; their parts are
// drawn generically (counts, tables, lists of labelled numbers), and a number that carries its
// evidence opens the sentences it was counted from. Without the pass, a basic profile is built
// from the documents and events so the view still compares something.

import { api, itemsOf, tryApi } from "./data.js";
import { card, el, fmtNum, recordRoute, route, shorten, unavailable } from "./dom.js";

const IDENTITY = new Set(["outlet", "name", "id", "outlet_id"]);
const ORDER = ["documents", "words", "genre", "genres", "naming", "voices", "verbs", "stance", "selection"];
const LABEL_KEYS = ["label", "name", "term", "actor_name", "actor", "actor_id", "speaker", "verb", "cue", "type", "quantity", "text", "word", "key", "value_label"];
const NUMBER_KEYS = ["count", "n", "mentions", "events", "documents", "quotes", "share", "score", "mean", "value"];
const EVIDENCE_KEYS = ["evidence", "examples", "sentences", "mentions_list", "records"];
const MAX_ITEMS = 8;

function titleCase(key) {
  const text = String(key).replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRecord(value) {
  return value && typeof value === "object" && "doc_id" in value && "start" in value && "end" in value;
}

function evidenceOf(item) {
  for (const key of EVIDENCE_KEYS) if (Array.isArray(item[key]) && item[key].some(isRecord)) return item[key].filter(isRecord);
  return isRecord(item) ? [item] : [];
}

/** The words around [start, end) within its sentence, the counted words marked: a bare "ISIS"
 * says nothing, its sentence says how the outlet used it. */
function inContext(text, start, end) {
  const before = text.slice(Math.max(0, start - 120), start);
  const after = text.slice(end, end + 120);
  const cut = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"));
  const left = cut >= 0 ? before.slice(cut + 1).trimStart() : `…${before}`;
  const stop = after.search(/[.!?](\s|$)|\n/);
  const right = stop >= 0 ? after.slice(0, stop + 1) : `${after}…`;
  return [left, el("mark", null, text.slice(start, end)), right];
}

function evidenceItem(record) {
  const label = shorten(record.sentence || record.text || `${record.doc_id} ${record.start}–${record.end}`, 200);
  const anchor = el("a", { href: recordRoute(record) }, label);
  return { record, anchor, node: el("li", null, anchor, record.outlet ? el("span", { class: "muted" }, ` — ${record.outlet}`) : null) };
}

/** Records that carry only their words get their sentence from the document, once, on opening. */
async function addSentences(items) {
  for (const { record, anchor } of items) {
    if (record.sentence || !record.doc_id) continue;
    const doc = await tryApi(`documents/${encodeURIComponent(record.doc_id)}`);
    const text = doc && typeof doc.text === "string" ? doc.text : "";
    if (text.length >= record.end) anchor.replaceChildren(...inContext(text, record.start, record.end));
  }
}

/** A number that, when it has evidence, toggles the list of its sentences. */
function countWithEvidence(number, evidence) {
  const shown = typeof number === "number" ? fmtNum(number, Math.abs(number) < 1 && number !== 0 ? 2 : 1) : String(number ?? "");
  if (!evidence.length) return el("span", { class: "num" }, shown);
  const items = evidence.slice(0, 20).map(evidenceItem);
  const list = el("ol", { class: "evidence", hidden: true }, items.map((item) => item.node));
  const button = el("button", { type: "button", class: "num evidence-toggle", title: "show the sentences" }, shown);
  let enriched = false;
  button.addEventListener("click", () => {
    list.hidden = !list.hidden;
    if (!enriched) {
      enriched = true;
      addSentences(items).catch((error) => console.error(error));
    }
  });
  return el("span", { class: "with-evidence" }, button, list);
}

function labelOf(item) {
  for (const key of LABEL_KEYS) if (item[key] !== null && item[key] !== undefined && typeof item[key] !== "object") return String(item[key]);
  return "";
}

function numberOf(item) {
  for (const key of NUMBER_KEYS) if (typeof item[key] === "number") return item[key];
  return null;
}

/** Any JSON value of a profile, drawn readably. */
export function valueView(value, depth = 0) {
  if (value === null || value === undefined || value === "") return el("span", { class: "muted" }, "–");
  if (typeof value === "number") return el("span", { class: "num" }, fmtNum(value, Math.abs(value) < 1 && value !== 0 ? 2 : 1));
  if (typeof value !== "object") return el("span", null, String(value));
  if (Array.isArray(value)) {
    if (!value.length) return el("span", { class: "muted" }, "none");
    if (value.every((v) => typeof v !== "object" || v === null)) return el("span", null, value.join(", "));
    const items = value.slice(0, MAX_ITEMS).map((item) => {
      const number = numberOf(item);
      const evidence = evidenceOf(item);
      const label = labelOf(item);
      return el("li", null, el("span", { class: "item-label" }, label || (isRecord(item) ? shorten(item.text, 80) : "")), number !== null || evidence.length ? countWithEvidence(number ?? evidence.length, evidence) : null);
    });
    const more = value.length > MAX_ITEMS ? el("li", { class: "muted" }, `and ${value.length - MAX_ITEMS} more`) : null;
    return el("ol", { class: "ranked" }, items, more);
  }
  const entries = Object.entries(value);
  if (!entries.length) return el("span", { class: "muted" }, "none");
  if (depth > 1) return el("span", { class: "muted" }, shorten(JSON.stringify(value), 120));
  return el(
    "dl",
    { class: "kv" },
    entries.slice(0, 14).map(([k, v]) => [
      el("dt", null, titleCase(k)),
      el(
        "dd",
        null,
        EVIDENCE_KEYS.includes(k) && Array.isArray(v)
          ? countWithEvidence(v.length, v.filter(isRecord))
          : valueView(v, depth + 1),
      ),
    ]),
  );
}

function nameOf(profile) {
  return String(profile.outlet ?? profile.name ?? profile.id ?? "?");
}

const cell = (child) => el("td", null, child);
const rowHead = (label, cls) => el("th", { scope: "row", class: cls || null }, label);

/** One row: a label and a cell per outlet. */
function row(label, profiles, make, cls) {
  return el("tr", null, rowHead(label, cls), profiles.map((p) => cell(make(p))));
}

/** A section heading spanning the table. */
function sectionRow(title, profiles, note) {
  return el("tr", { class: "section" }, el("th", { colspan: String(profiles.length + 1), scope: "colgroup" }, title, note ? el("span", { class: "muted" }, ` — ${note}`) : null));
}

function percent(value) {
  return typeof value === "number" ? `${Math.round(100 * value)}%` : "–";
}

function namingRows(profiles) {
  const groups = new Map();
  for (const p of profiles) {
    for (const [key, group] of Object.entries(p.naming || {})) {
      if (!groups.has(key)) groups.set(key, { label: group.label || key, names: new Map() });
      for (const v of group.variants || []) groups.get(key).names.set(v.name, (groups.get(key).names.get(v.name) || 0) + v.count);
    }
  }
  const rows = [];
  for (const [key, group] of groups) {
    rows.push(sectionRow(`Naming: ${group.label}`, profiles));
    const names = [...group.names.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([n]) => n);
    for (const name of names) {
      rows.push(
        row(name, profiles, (p) => {
          const found = ((p.naming || {})[key]?.variants || []).find((v) => v.name === name);
          return found ? countWithEvidence(found.count, evidenceOf(found)) : el("span", { class: "muted" }, "0");
        }, "sub"),
      );
    }
  }
  return rows;
}

function voiceRows(profiles) {
  const sectors = new Set();
  for (const p of profiles) for (const s of p.voices?.sectors || []) sectors.add(s.sector);
  const rows = [sectionRow("Voices: whom each quotes", profiles, "quotes (share of its quotes)")];
  rows.push(row("quotes", profiles, (p) => el("span", { class: "num" }, fmtNum(p.voices?.quotes ?? 0))));
  for (const sector of sectors) {
    rows.push(
      row(sector, profiles, (p) => {
        const found = (p.voices?.sectors || []).find((s) => s.sector === sector);
        if (!found) return el("span", { class: "muted" }, "0");
        return el("span", null, countWithEvidence(found.quotes, evidenceOf(found)), el("span", { class: "muted" }, ` (${percent(found.share)})`));
      }, "sub"),
    );
  }
  rows.push(
    row("most quoted", profiles, (p) => {
      const named = (p.voices?.speakers || []).filter((s) => s.speaker && s.actor_id || s.sector !== "unknown").slice(0, 5);
      if (!named.length) return el("span", { class: "muted" }, "no identified speaker");
      return el("ol", { class: "ranked" }, named.map((s) => el("li", null, el("span", { class: "item-label" }, `${s.speaker} (${s.sector})`), countWithEvidence(s.quotes, evidenceOf(s)))));
    }, "sub"),
  );
  return rows;
}

function verbRows(profiles) {
  const classes = new Set();
  for (const p of profiles) for (const c of p.verbs?.classes || []) classes.add(c.class);
  const rows = [sectionRow("Attribution verbs", profiles, "neutral (said) vs loaded (claimed, boasted, admitted)")];
  for (const name of classes) {
    rows.push(
      row(name, profiles, (p) => {
        const found = (p.verbs?.classes || []).find((c) => c.class === name);
        return found ? countWithEvidence(found.count, evidenceOf(found)) : el("span", { class: "muted" }, "0");
      }, "sub"),
    );
  }
  rows.push(
    row("loaded verbs", profiles, (p) => {
      const loaded = (p.verbs?.verbs || []).filter((v) => v.class === "loaded");
      if (!loaded.length) return el("span", { class: "muted" }, "none");
      return el("ol", { class: "ranked" }, loaded.slice(0, 6).map((v) => el("li", null, el("span", { class: "item-label" }, v.verb), countWithEvidence(v.count, evidenceOf(v)))));
    }, "sub"),
  );
  return rows;
}

function stanceRows(profiles) {
  const totals = new Map();
  for (const p of profiles) for (const a of p.stance?.actors || []) totals.set(a.actor_id, { name: a.name || a.actor_id, n: (totals.get(a.actor_id)?.n || 0) + (a.mentions || 0) });
  const actors = [...totals.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 10);
  const rows = [sectionRow("Stance toward actors", profiles, "mean sentiment of the sentences about each (−1 hostile … +1 favourable); + / − open them")];
  for (const [id, { name }] of actors) {
    rows.push(
      row(name, profiles, (p) => {
        const found = (p.stance?.actors || []).find((a) => a.actor_id === id);
        if (!found) return el("span", { class: "muted" }, "–");
        const mean = found.mean ?? 0;
        const tone = mean > 0.05 ? "pos" : mean < -0.05 ? "neg" : "neu";
        return el(
          "span",
          { class: "stance" },
          el("span", { class: `num stance-${tone}` }, `${mean > 0 ? "+" : ""}${fmtNum(mean, 2)}`),
          el("span", { class: "muted" }, " +"),
          countWithEvidence(found.positive?.count ?? 0, evidenceOf(found.positive || {})),
          el("span", { class: "muted" }, " −"),
          countWithEvidence(found.negative?.count ?? 0, evidenceOf(found.negative || {})),
        );
      }, "sub"),
    );
  }
  return rows;
}

function genreRows(profiles) {
  const rows = [sectionRow("Genre cues", profiles, "per 1,000 words outside quotes")];
  for (const key of ["first_person", "normative", "evaluative"]) {
    rows.push(
      row(titleCase(key), profiles, (p) => {
        const found = p.genre?.[key];
        if (!found) return el("span", { class: "muted" }, "–");
        return el("span", null, countWithEvidence(found.per_1000 ?? found.count ?? 0, evidenceOf(found)), el("span", { class: "muted" }, ` (${fmtNum(found.count ?? 0)})`));
      }, "sub"),
    );
  }
  rows.push(row("reads as", profiles, (p) => el("span", null, String(p.genre?.lean ?? "–"))));
  return rows;
}

function table(profiles) {
  return el(
    "div",
    { class: "table-scroll" },
    el(
      "table",
      { class: "table compare" },
      el("thead", null, el("tr", null, el("th", null, ""), profiles.map((p) => el("th", { scope: "col" }, el("a", { href: route("timeline", { outlet: nameOf(p) }) }, nameOf(p)))))),
      el(
        "tbody",
        null,
        row("documents", profiles, (p) => el("span", { class: "num" }, fmtNum(p.documents ?? 0))),
        row("words", profiles, (p) => el("span", { class: "num" }, fmtNum(p.words ?? 0))),
        profiles.some((p) => p.naming) ? namingRows(profiles) : null,
        profiles.some((p) => p.voices) ? voiceRows(profiles) : null,
        profiles.some((p) => p.verbs) ? verbRows(profiles) : null,
        profiles.some((p) => p.stance) ? stanceRows(profiles) : null,
        profiles.some((p) => p.genre?.first_person) ? genreRows(profiles) : null,
        profiles.some((p) => p.naming) ? null : sections(profiles).map((key) => el("tr", { "data-section": key }, el("th", { scope: "row" }, titleCase(key)), profiles.map((p) => el("td", null, valueView(p[key]))))),
      ),
    ),
  );
}

function bump(counts, key) {
  counts[key] = (counts[key] || 0) + 1;
}

/** Profiles from documents and events alone, when the perspective pass is not there. */
async function basicProfiles() {
  const [docs, events] = await Promise.all([api("documents", { limit: 1000 }), api("events", { limit: 1000 })]);
  const profiles = new Map();
  const profile = (outlet) => {
    const name = outlet || "unknown outlet";
    if (!profiles.has(name)) profiles.set(name, { outlet: name, documents: 0, words: 0, genre: {}, "event quad classes": {}, "event types": {}, "first published": null, "last published": null });
    return profiles.get(name);
  };
  for (const doc of itemsOf(docs)) {
    const p = profile(doc.outlet);
    p.documents += 1;
    p.words += doc.words || 0;
    bump(p.genre, doc.genre || "unknown");
    if (doc.published && (!p["first published"] || doc.published < p["first published"])) p["first published"] = doc.published;
    if (doc.published && (!p["last published"] || doc.published > p["last published"])) p["last published"] = doc.published;
  }
  for (const row of itemsOf(events)) {
    const p = profile(row.outlet);
    bump(p["event quad classes"], row.quad || "unclassified");
    bump(p["event types"], row.type);
  }
  return [...profiles.values()].sort((a, b) => b.documents - a.documents);
}

/** Selection: for each story two or more outlets share, which merged events each reports. */
function selectionCard(selection) {
  const stories = (selection?.stories || []).filter((s) => Object.keys(s.documents || {}).length > 1);
  if (!stories.length) return card("Selection", el("p", { class: "muted" }, selection?.note || "No story is shared by two outlets yet."));
  return card(
    "Selection: what each outlet includes or leaves out of a shared story",
    stories.map((story) => {
      const outlets = Object.keys(story.documents);
      const items = (story.events?.items || []).filter((e) => Object.keys(e.reported_by || {}).length);
      const shared = items.filter((e) => !(e.left_out_by || []).length).length;
      return el(
        "section",
        { class: "selection" },
        el("h3", null, story.label || story.story_id),
        el("p", { class: "muted" }, `${fmtNum(items.length)} merged events; ${fmtNum(shared)} reported by every outlet here`),
        el(
          "div",
          { class: "table-scroll" },
          el(
            "table",
            { class: "table compare" },
            el("thead", null, el("tr", null, el("th", null, "event"), outlets.map((o) => el("th", { scope: "col" }, o)))),
            el(
              "tbody",
              null,
              el("tr", null, rowHead("included / left out", "sub"), outlets.map((o) => cell(el("span", { class: "num" }, `${fmtNum(story.events.by_outlet?.[o]?.included ?? 0)} / ${fmtNum(story.events.by_outlet?.[o]?.left_out ?? 0)}`)))),
              items.slice(0, 25).map((e) =>
                el(
                  "tr",
                  null,
                  rowHead(el("a", { href: route(`event/${encodeURIComponent(e.event_id)}`) }, [e.type, e.actor, e.recipient ? `→ ${e.recipient}` : null, e.place ? `@ ${e.place}` : null].filter(Boolean).join(" ")), "sub"),
                  outlets.map((o) => {
                    const found = e.reported_by?.[o];
                    return cell(found ? countWithEvidence(found.count, evidenceOf(found)) : el("span", { class: "muted" }, "left out"));
                  }),
                ),
              ),
            ),
          ),
        ),
      );
    }),
  );
}

export async function render(root) {
  root.appendChild(
    el(
      "header",
      { class: "view-head" },
      el("h1", null, "Outlets"),
      el("p", { class: "lede" }, "How each outlet names, quotes, frames and selects, side by side. Numbers with a dotted underline open the sentences they count."),
    ),
  );
  let profiles;
  try {
    profiles = itemsOf(await api("outlets", { limit: 100 }));
  } catch (error) {
    root.appendChild(unavailable("Outlet profiles", error));
    try {
      profiles = await basicProfiles();
      root.appendChild(el("p", { class: "muted" }, "A basic comparison from the documents and their events:"));
    } catch (inner) {
      root.appendChild(unavailable("Documents", inner));
      return;
    }
  }
  if (!profiles.length) {
    root.appendChild(el("p", { class: "muted" }, "No outlets in this corpus."));
    return;
  }
  root.appendChild(card(`${profiles.length} outlet${profiles.length === 1 ? "" : "s"}`, table(profiles)));
  if (profiles.length > 1 && profiles.some((p) => p.naming)) {
    try {
      const compared = await api("compare", { outlet: profiles.map(nameOf) });
      root.appendChild(selectionCard(compared.selection));
    } catch (error) {
      root.appendChild(unavailable("Selection", error));
    }
  }
}
