// Figures: every claim for a quantity (killed, displaced, troops...) grouped with the claims
// about the same thing, and the reconciled low / best / high drawn as a range bar with each
// claim on it. Groups whose claims cannot all be true are flagged. Every claim opens its
// sentence. Without the reconciliation pass, the raw figures are listed by quantity.

import { api, itemsOf } from "./data.js";
import { card, el, fmtNum, recordRoute, svg, unavailable } from "./dom.js";
import { filterBar, outletList } from "./filters.js";

const QUANTITIES = ["killed", "injured", "displaced", "troops", "strikes", "money", "area", "people", "other"];
const SPECS = [
  { name: "quantity", label: "Quantity", type: "select", options: [["", "any"], ...QUANTITIES.map((q) => [q, q])] },
  { name: "outlet", label: "Outlet", placeholder: "any outlet", list: "outlet-names" },
];
const BAR_WIDTH = 520;

function claimBounds(claim) {
  const values = [claim.low, claim.value, claim.high].filter((v) => v !== null && v !== undefined);
  return values.length ? [Math.min(...values), Math.max(...values)] : null;
}

/** The range bar: the reconciled band and best value, and each claim as a dot or a span. */
function rangeBar(group) {
  const bounds = group.claims.map(claimBounds).filter(Boolean);
  const values = [group.low, group.best, group.high, ...bounds.flat()].filter((v) => v !== null && v !== undefined);
  if (!values.length) return null;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    lo = lo * 0.9;
    hi = hi * 1.1 || 1;
  }
  const pad = (hi - lo) * 0.08;
  const x = (v) => 10 + ((v - (lo - pad)) / (hi - lo + 2 * pad)) * (BAR_WIDTH - 20);
  const node = svg("svg", { viewBox: `0 0 ${BAR_WIDTH} 54`, class: "range-bar", role: "img", "aria-label": "reconciled range" });
  node.appendChild(svg("line", { x1: 10, x2: BAR_WIDTH - 10, y1: 22, y2: 22, class: "axis" }));
  if (group.low !== null && group.high !== null && group.low !== undefined) {
    node.appendChild(svg("rect", { x: x(group.low), y: 14, width: Math.max(2, x(group.high) - x(group.low)), height: 16, rx: 3, class: group.disagreement ? "band disputed" : "band" }));
  }
  group.claims.forEach((claim, i) => {
    const b = claimBounds(claim);
    if (!b) return;
    const y = 22;
    const title = svg("title", null, `${claim.text} — ${claim.outlet || "?"}`);
    if (b[1] > b[0]) node.appendChild(svg("line", { x1: x(b[0]), x2: x(b[1]), y1: y, y2: y, class: "claim-span" }, title));
    node.appendChild(svg("circle", { cx: x(claim.value ?? b[1]), cy: y, r: 4, class: `claim-dot${(group.conflict || []).includes(i) ? " conflicting" : ""}` }, title.cloneNode(true)));
  });
  if (group.best !== null && group.best !== undefined) {
    node.appendChild(svg("line", { x1: x(group.best), x2: x(group.best), y1: 9, y2: 35, class: "best" }));
  }
  const label = (v, anchor) => svg("text", { x: x(v), y: 50, "text-anchor": anchor, class: "tick" }, fmtNum(v));
  if (group.low !== null && group.low !== undefined) node.appendChild(label(group.low, group.low === group.high ? "middle" : "end"));
  if (group.high !== null && group.high !== undefined && group.high !== group.low) node.appendChild(label(group.high, "start"));
  return node;
}

/** The claim's sentence with the figure's words in <mark>. */
function claimSentence(claim) {
  const sentence = String(claim.sentence || claim.text || "");
  const at = sentence.indexOf(claim.text);
  if (at < 0 || !claim.text) return [sentence];
  return [sentence.slice(0, at), el("mark", null, claim.text), sentence.slice(at + claim.text.length)];
}

function claimItem(claim, conflicting) {
  const who = claim.claimed_by || claim.speaker;
  return el(
    "li",
    { class: conflicting ? "claim conflicting" : "claim" },
    el(
      "a",
      { href: recordRoute(claim), class: "claim-link" },
      el("span", { class: "claim-value" }, claim.text),
      el("span", { class: "claim-sentence" }, claimSentence(claim)),
      el("span", { class: "claim-source" }, [claim.outlet, claim.published, who ? `per ${who}` : null].filter(Boolean).join(" · ")),
    ),
  );
}

function groupCard(group) {
  const anchor = group.anchor || {};
  const head = [group.quantity, group.about && group.about !== group.quantity ? group.about : null, group.owner].filter(Boolean).join(" · ");
  return el(
    "section",
    { class: group.disagreement ? "card figure-group disputed" : "card figure-group", "data-quantity": group.quantity },
    el(
      "div",
      { class: "figure-head" },
      el("h2", null, head || "figure"),
      el("span", { class: "muted" }, anchor.label || ""),
      group.disagreement ? el("span", { class: "badge danger" }, "sources disagree") : null,
      el("span", { class: "badge" }, `${fmtNum(group.sources)} source${group.sources === 1 ? "" : "s"}`),
    ),
    el(
      "div",
      { class: "figure-body" },
      el(
        "div",
        { class: "figure-range" },
        el("div", { class: "estimates" }, ["low", "best", "high"].map((k) => el("div", { class: `estimate ${k}` }, el("span", null, k), el("strong", null, fmtNum(group[k], 1))))),
        rangeBar(group),
        group.unit ? el("p", { class: "muted" }, `unit: ${group.unit}`) : null,
        el("details", { class: "rule" }, el("summary", null, "How this was reconciled"), el("p", null, group.rule || "")),
      ),
      el("ol", { class: "claims" }, group.claims.map((c, i) => claimItem(c, (group.conflict || []).includes(i)))),
    ),
  );
}

async function rawFigures(root, params, error) {
  root.appendChild(unavailable("Reconciled figures", error));
  let answer;
  try {
    answer = await api("figures", { outlet: params.outlet, limit: 1000 });
  } catch (inner) {
    root.appendChild(unavailable("Figures", inner));
    return;
  }
  const rows = itemsOf(answer).filter((r) => !params.quantity || r.quantity === params.quantity);
  const byQuantity = new Map();
  for (const row of rows) byQuantity.set(row.quantity, [...(byQuantity.get(row.quantity) || []), row]);
  for (const [quantity, claims] of byQuantity) {
    root.appendChild(card(`${quantity} (${claims.length} claims)`, el("ol", { class: "claims" }, claims.map((c) => claimItem(c, false)))));
  }
}

export async function render(root, params) {
  root.appendChild(
    el(
      "header",
      { class: "view-head" },
      el("h1", null, "Figures"),
      el("p", { class: "lede" }, "Every claim for a quantity, grouped by what it counts, with the reconciled range. Red: claims that cannot all be true."),
    ),
  );
  root.appendChild(outletList("outlet-names"));
  root.appendChild(filterBar("figures", SPECS, params));
  let answer;
  try {
    answer = await api("figures/reconciled", { quantity: params.quantity, outlet: params.outlet, limit: 1000 });
  } catch (error) {
    await rawFigures(root, params, error);
    return;
  }
  const groups = itemsOf(answer).filter((g) => Array.isArray(g.claims) && g.claims.length);
  const disputed = groups.filter((g) => g.disagreement).length;
  root.appendChild(el("p", { class: "count", id: "figure-count" }, `${fmtNum(groups.length)} groups of figures, ${fmtNum(disputed)} with disagreeing sources`));
  if (!groups.length) root.appendChild(el("p", { class: "muted" }, "No figures match."));
  for (const group of groups) root.appendChild(groupCard(group));
}
