// Search: documents (title or text) and records (entities, places, quotes, events, figures,
// times) containing the words typed, each opening the document at the hit.

import { api } from "./data.js";
import { card, el, fmtNum, marked, recordRoute, route, shorten, unavailable } from "./dom.js";

const KIND_LABEL = {
  entities: "entity",
  places: "place",
  quotes: "quote",
  events: "event",
  figures: "figure",
  times: "time",
};

function documentItem(doc, q) {
  const target =
    doc.start !== null && doc.start !== undefined
      ? recordRoute({ doc_id: doc.id, start: doc.start, end: doc.end })
      : route(`doc/${encodeURIComponent(doc.id)}`);
  return el(
    "li",
    { class: "result" },
    el("a", { href: target, class: "result-title" }, marked(doc.title || "Untitled", q)),
    el("div", { class: "muted" }, [doc.outlet, doc.published, doc.hits ? `${fmtNum(doc.hits)} hit${doc.hits === 1 ? "" : "s"}` : null].filter(Boolean).join(" · ")),
    doc.snippet ? el("p", { class: "snippet" }, marked(doc.snippet, q)) : null,
  );
}

function occurrence(record, q) {
  return el(
    "li",
    null,
    el("a", { href: recordRoute(record) }, marked(shorten(record.text, 220), q)),
    el("span", { class: "muted" }, ` — ${record.outlet || "unknown outlet"}`),
  );
}

/** Records with the same kind and text ("Russia", entity) as one line with their count; the
 * line opens the first, and the others unfold beneath it. */
function recordGroups(records, q) {
  const groups = new Map();
  for (const record of records) {
    const key = `${record.kind}\u0000${String(record.text).toLowerCase()}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(record);
  }
  return [...groups.values()].map((group) => {
    const [first] = group;
    const outlets = new Set(group.map((r) => r.outlet)).size;
    const item = el(
      "li",
      { class: "result record" },
      el("span", { class: `kind-tag kind-${first.kind}` }, KIND_LABEL[first.kind] || first.kind),
      el("a", { href: recordRoute(first) }, marked(shorten(first.text, 220), q)),
      el("span", { class: "muted" }, group.length > 1 ? ` — ${group.length} times in ${outlets} outlet${outlets === 1 ? "" : "s"}` : ` — ${first.outlet || "unknown outlet"}`),
    );
    if (group.length > 1) {
      const list = el("ol", { class: "evidence", hidden: true }, group.map((r) => occurrence(r, q)));
      const toggle = el("button", { type: "button", class: "evidence-toggle more" }, "show all");
      toggle.addEventListener("click", () => {
        list.hidden = !list.hidden;
        toggle.textContent = list.hidden ? "show all" : "hide";
      });
      item.append(" ", toggle, list);
    }
    return item;
  });
}

export async function render(root, params) {
  const q = String(params.q || "").trim();
  const input = el("input", { type: "search", name: "q", id: "search-page-input", placeholder: "Words, names, places…", "aria-label": "search" });
  input.value = q;
  const form = el("form", { class: "filters search-form", role: "search" }, input, el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = route("search", { q: input.value.trim() });
  });
  root.append(el("header", { class: "view-head" }, el("h1", null, "Search")), form);
  if (!q) {
    root.appendChild(el("p", { class: "muted" }, "Search the text of every document and every extracted record."));
    input.focus();
    return;
  }
  let answer;
  try {
    answer = await api("search", { q, limit: 200 });
  } catch (error) {
    root.appendChild(unavailable("Search", error));
    return;
  }
  const docs = answer.documents || [];
  const records = answer.records || [];
  root.appendChild(el("p", { class: "count", id: "search-count" }, `${fmtNum(docs.length)} documents and ${fmtNum(records.length)}${records.length >= 200 ? "+" : ""} records contain “${q}”`));
  root.appendChild(
    el(
      "div",
      { class: "two-columns" },
      card("Documents", docs.length ? el("ol", { class: "results" }, docs.map((d) => documentItem(d, q))) : el("p", { class: "muted" }, "No document.")),
      card("Records", records.length ? el("ol", { class: "results" }, recordGroups(records, q)) : el("p", { class: "muted" }, "No record.")),
    ),
  );
}
