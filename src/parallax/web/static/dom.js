// Building the page safely. Article text, titles, outlet names and every other stored string are
// untrusted: they only ever reach the page through textContent or setAttribute on a short list
// of harmless attributes. Nothing here parses HTML, and links can only point inside the app
// (#/...), so a hostile document cannot run script, load a resource or navigate away.

const SVG_NS = "http://www.w3.org/2000/svg";
const BLOCKED = /^(on|style$|src$|srcdoc$|href$|xlink:href$|action$|formaction$)/i;

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "on") {
      for (const [type, handler] of Object.entries(value)) node.addEventListener(type, handler);
    } else if (name === "class") {
      node.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (name === "href") {
      node.setAttribute("href", safeHref(value));
    } else if (BLOCKED.test(name)) {
      throw new Error(`refusing to set attribute ${name}`);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
  return node;
}

/** Only routes of this app: "#/...". Anything else (javascript:, data:, http:) becomes "#/". */
export function safeHref(value) {
  const text = String(value);
  return text.startsWith("#/") ? text : "#/";
}

/** An HTML element: el("a", {href: "#/map", class: "x", on: {click}}, "text", child). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** An SVG element, with the same rules (presentation attributes only, no handlers as text). */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** Replace a node's children. */
export function mount(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The hash of a route: route("doc/abc", {start: 3}) -> "#/doc/abc?start=3". */
export function route(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
  }
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ""}`;
}

/** A link to a record's sentence in the document reader. */
export function recordRoute(record) {
  return route(`doc/${encodeURIComponent(record.doc_id)}`, {
    start: record.start,
    end: record.end,
  });
}

/** A link inside the app; the href is checked by safeHref. */
export function link(href, ...children) {
  return el("a", { href }, ...children);
}

export function fmtNum(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return "–";
  return Number(value).toLocaleString("en-GB", { maximumFractionDigits: digits });
}

export function shorten(text, size = 160) {
  const value = String(text ?? "").replace(/\s+/g, " ").trim();
  return value.length > size ? `${value.slice(0, size - 1)}…` : value;
}

/** A panel saying a part of the data is missing, and why, instead of a broken view. */
export function unavailable(what, error) {
  let why = "";
  if (error && error.status === 404) why = "This corpus does not have it (yet).";
  else if (error && error.status) why = `The server answered ${error.status}.`;
  else if (error && error.message) why = error.message;
  return el(
    "div",
    { class: "notice", role: "status" },
    el("strong", null, `${what} not available.`),
    why ? ` ${why}` : null,
  );
}

/** A card with a heading. */
export function card(title, ...children) {
  return el("section", { class: "card" }, title ? el("h2", null, title) : null, ...children);
}

/** A label + control pair for filter forms. */
export function field(label, control) {
  return el("label", { class: "field" }, el("span", null, label), control);
}

/** Text with every case-insensitive occurrence of `needle` wrapped in <mark>. */
export function marked(text, needle) {
  const value = String(text ?? "");
  if (!needle) return [value];
  const parts = [];
  const lower = value.toLowerCase();
  const target = needle.toLowerCase();
  let at = 0;
  for (;;) {
    const hit = lower.indexOf(target, at);
    if (hit < 0) break;
    parts.push(value.slice(at, hit), el("mark", null, value.slice(hit, hit + target.length)));
    at = hit + target.length;
  }
  parts.push(value.slice(at));
  return parts;
}
