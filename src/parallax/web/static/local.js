// The API answered from a static report's embedded data. The report embeds what the server's
// endpoints return for the whole corpus (computed by the same Python functions); the filters
// a view offers are applied here with the API's rules (see docs/api.md), so a shared report
// can still be filtered by actor, outlet, place and date with no server at all.

const DAY = /^\d{4}-\d{2}-\d{2}/;

function dayOf(value) {
  const match = DAY.exec(String(value ?? ""));
  return match ? match[0] : null;
}

function contains(value, needle) {
  return String(value ?? "").toLowerCase().includes(needle);
}

/** An event's first and last possible day: its own date when precise, else its document's. */
export function eventDays(row) {
  const published = dayOf(row.published);
  return [dayOf(row.date_earliest) || published, dayOf(row.date_latest) || published];
}

function splitCodes(value) {
  return String(value ?? "").split("+");
}

/** The /api/events filters over a list of event rows. */
export function filterEvents(rows, params) {
  const actor = (params.actor || "").toLowerCase();
  const outlet = (params.outlet || "").toLowerCase();
  const place = (params.place || "").toLowerCase();
  const country = (params.country || "").toUpperCase();
  return rows.filter((row) => {
    if (params.type && String(row.type).toUpperCase() !== String(params.type).toUpperCase())
      return false;
    if (params.quad && row.quad !== params.quad && !String(row.quad).endsWith(` ${params.quad}`))
      return false;
    if (params.q && !contains(row.text, String(params.q).toLowerCase())) return false;
    if (params.status && row.status !== params.status) return false;
    if (params.doc && row.doc_id !== params.doc) return false;
    if (params.segment && row.segment !== params.segment) return false;
    if (outlet && !contains(row.outlet, outlet)) return false;
    if (actor) {
      const fields = [row.actor_id, row.actor_text, row.recipient_actor_id, row.recipient_text];
      if (!fields.some((f) => contains(f, actor))) return false;
    }
    if (place && !contains(row.place_text, place) && !contains(row.place_name, place))
      return false;
    if (country) {
      const inActor = splitCodes(row.actor_country).includes(country);
      const inRecipient = splitCodes(row.recipient_country).includes(country);
      if (!inActor && !inRecipient && row.place_country_code !== country) return false;
    }
    const [first, last] = eventDays(row);
    if (params.since && !(last && last >= params.since)) return false;
    if (params.until && !(first && first <= params.until)) return false;
    return true;
  });
}

/** The /api/merged-events filters that a merged event's own fields can answer (a report has
 * no per-outlet index of merged events, so `outlet` is not applied here). */
function filterMerged(rows, params) {
  const actor = (params.actor || "").toLowerCase();
  return rows.filter((row) => {
    if (params.type && String(row.type).toUpperCase() !== String(params.type).toUpperCase()) return false;
    if (params.quad && row.quad !== params.quad && !String(row.quad).endsWith(` ${params.quad}`)) return false;
    if (params.story && row.story_id !== params.story) return false;
    if (actor && ![row.actor_id, row.actor_name, row.recipient_actor_id, row.recipient_name].some((f) => contains(f, actor))) return false;
    if (params.since && !(dayOf(row.date_latest) && dayOf(row.date_latest) >= params.since)) return false;
    if (params.until && !(dayOf(row.date_earliest) && dayOf(row.date_earliest) <= params.until)) return false;
    return true;
  });
}

function page(rows, params) {
  const limit = params.limit ? Number(params.limit) : rows.length;
  const offset = params.offset ? Number(params.offset) : 0;
  return { total: rows.length, items: rows.slice(offset, offset + limit), limit, offset };
}

const QUAD_SIGN = {
  "verbal cooperation": "cooperation",
  "material cooperation": "cooperation",
  "verbal conflict": "conflict",
  "material conflict": "conflict",
};

/** The actor network of some events: actor -> recipient, counted by quad sign. */
export function networkOf(rows) {
  const nodes = new Map();
  const edges = new Map();
  const node = (id, name, country, sector) => {
    if (!nodes.has(id)) nodes.set(id, { id, name: name || id, country, sector, events: 0 });
    return nodes.get(id);
  };
  for (const row of rows) {
    if (!row.actor_id || !row.recipient_actor_id || row.actor_id === row.recipient_actor_id)
      continue;
    node(row.actor_id, row.actor_name, row.actor_country, row.actor_sector).events += 1;
    node(row.recipient_actor_id, row.recipient_name, row.recipient_country, row.recipient_sector)
      .events += 1;
    const key = `${row.actor_id}\u0000${row.recipient_actor_id}`;
    if (!edges.has(key)) {
      edges.set(key, {
        source: row.actor_id,
        target: row.recipient_actor_id,
        cooperation: 0,
        conflict: 0,
        events: 0,
        types: {},
      });
    }
    const edge = edges.get(key);
    edge.events += 1;
    const sign = QUAD_SIGN[row.quad];
    if (sign) edge[sign] += 1;
    edge.types[row.type] = (edge.types[row.type] || 0) + 1;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Places aggregated like /api/map: mentions from place records, events from event places. */
export function mapOf(places, events) {
  const found = new Map();
  const entry = (id, row, prefix) => {
    if (!found.has(id)) {
      found.set(id, {
        geonameid: id,
        name: row[`${prefix}name`],
        country_code: row[`${prefix}country_code`],
        lat: row[`${prefix}lat`],
        lon: row[`${prefix}lon`],
        mentions: 0,
        events: 0,
      });
    }
    return found.get(id);
  };
  for (const row of places) {
    if (row.geonameid === null || row.geonameid === undefined || row.lat === null) continue;
    entry(row.geonameid, row, "").mentions += 1;
  }
  for (const row of events) {
    if (row.place_geonameid === null || row.place_geonameid === undefined) continue;
    if (row.place_lat === null || row.place_lat === undefined) continue;
    entry(row.place_geonameid, row, "place_").events += 1;
  }
  return [...found.values()].sort((a, b) => b.events - a.events || b.mentions - a.mentions);
}

function inRange(row, params) {
  const day = dayOf(row.published);
  if (params.since && !(day && day >= params.since)) return false;
  if (params.until && !(day && day <= params.until)) return false;
  if (params.outlet && !contains(row.outlet, params.outlet.toLowerCase())) return false;
  return true;
}

const SEARCHED = ["entities", "places", "quotes", "events", "figures", "times"];

function snippet(text, needle) {
  const at = text.toLowerCase().indexOf(needle);
  if (at < 0) return { start: null, end: null, snippet: text.slice(0, 160) };
  const left = Math.max(0, at - 80);
  const right = Math.min(text.length, at + needle.length + 80);
  const body = `${left ? "…" : ""}${text.slice(left, right).trim()}${right < text.length ? "…" : ""}`;
  return { start: at, end: at + needle.length, snippet: body };
}

/** /api/search over the embedded documents: their titles and text, and their records. */
function search(data, params) {
  const needle = String(params.q || "").toLowerCase();
  const limit = Number(params.limit || 20);
  if (!needle) return { q: "", documents: [], records: [] };
  const analyses = data.analyses || {};
  const documents = [];
  for (const doc of data.documents || []) {
    const text = String((analyses[doc.id] || {}).text || "");
    const hits = text.toLowerCase().split(needle).length - 1;
    if (!hits && !contains(doc.title, needle)) continue;
    documents.push({ ...doc, hits, ...snippet(text, needle) });
  }
  const records = [];
  for (const kind of SEARCHED) {
    for (const [docId, analysis] of Object.entries(analyses)) {
      const outlet = (analysis.doc || {}).outlet;
      for (const record of analysis[kind] || []) {
        if (contains(record.text, needle)) {
          records.push({ kind, doc_id: docId, start: record.start, end: record.end, text: record.text, outlet });
        }
      }
    }
  }
  records.sort((a, b) => (b.text.toLowerCase() === needle) - (a.text.toLowerCase() === needle) || a.text.length - b.text.length);
  documents.sort((a, b) => contains(b.title, needle) - contains(a.title, needle) || b.hits - a.hits);
  return { q: params.q, documents: documents.slice(0, limit), records: records.slice(0, limit) };
}

function needs(value, path, ApiError) {
  if (value === null || value === undefined) {
    throw new ApiError(path, 404, "not included in this report");
  }
  return value;
}

/** Answer /api/<path>?params from the embedded data, or throw ApiError like the server. */
export function localApi(data, path, params, ApiError) {
  const [head, ...rest] = path.split("/");
  const id = rest.length ? decodeURIComponent(rest.join("/")) : null;
  const filtered = Object.keys(params).some((k) => !["limit", "offset"].includes(k));
  switch (head) {
    case "stats":
      return needs(data.stats, path, ApiError);
    case "documents":
      if (id) return needs((data.analyses || {})[id], path, ApiError);
      return page((data.documents || []).filter((row) => inRange(row, params)), params);
    case "events":
      return page(filterEvents(data.events || [], params), params);
    case "network":
      if (!filtered && data.network) return data.network;
      return networkOf(filterEvents(data.events || [], params));
    case "map": {
      if (!filtered && data.map) return data.map;
      const places = (data.places || []).filter((row) => inRange(row, params));
      return mapOf(places, filterEvents(data.events || [], params));
    }
    case "figures":
      if (id === "reconciled") return needs(data.reconciled, path, ApiError);
      return page(data.figures || [], params);
    case "outlets":
      return needs(data.outlets, path, ApiError);
    case "compare":
      return needs(data.compare, path, ApiError);
    case "stories":
      if (id) return needs((data.stories || []).find((s) => s.id === id), path, ApiError);
      return needs(data.stories, path, ApiError);
    case "merged-events":
      if (id) return needs((data.merged_detail || {})[id], path, ApiError);
      return page(filterMerged(needs(data.merged, path, ApiError), params), params);
    case "search":
      return search(data, params);
    default:
      throw new ApiError(path, 404, "not included in this report");
  }
}

/** A static asset embedded in the report (the country shapes). */
export function localAsset(name, ApiError) {
  const data = window.PARALLAX_DATA || {};
  return needs((data.assets || {})[name], name, ApiError);
}
