"""Loading figure claims for reconciliation: each stored figure with who, where and when.

A stored figure knows its number and what it counts; to tell whether two figures are about the
same event it also needs the sentence, the outlet and date, the event it was linked to (and that
event's merged event, when the merge pass has run), the place and date the sentence names, whose
troops or strikes they are, and who said it. All of that is in the store already; this module
gathers it with a handful of queries (one per table, each a semi-join on the selected figures)
and per-document indexes, so the cost grows with the number of figures, never with their pairs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

import duckdb

from parallax.corpus.reconcile_text import (
    DEFAULT_ABOUT,
    CountKind,
    count_kind,
    is_locative,
    normalise_about,
    sentence_bounds,
)

#: Segments whose numbers are not reported figures: readers' comments, site furniture, bylines.
_SKIP_SEGMENTS: Final = ("comment", "boilerplate", "byline")
#: Characters of document text fetched either side of a figure to find its sentence.
_CONTEXT: Final = 400
#: A date range longer than this ("2016", "last year") does not date a one-off event.
_MAX_EVENT_DAYS: Final = 31
_OWNER_LABELS: Final = ("GPE", "NORP", "ORG")
#: The word after a named actor, past quotes, hyphens and one modifier ("US “Special Forces”").
_NOUN_AFTER: Final = re.compile(r"[\s\"“”‘’'-]*([A-Za-z-]+)(?:\s+([A-Za-z-]+))?")

#: The selected figures: reported (not comments), of the quantity and outlets asked for.
_WHERE: Final = f"""
    WHERE coalesce(f.segment, 'body') NOT IN {_SKIP_SEGMENTS!r}
      AND CASE WHEN $1 IS NULL THEN f.quantity <> 'other' ELSE f.quantity = $1 END
      AND ($2 IS NULL OR d.outlet ILIKE '%' || $2 || '%')
"""
_FROM: Final = f"FROM figures f JOIN documents d ON d.id = f.doc_id {_WHERE}"
_DOCS: Final = f"(SELECT DISTINCT f.doc_id {_FROM})"


@dataclass(frozen=True)
class EventRef:
    """The stored event a figure is linked to, with its merged event when there is one."""

    idx: int
    start: int
    end: int
    text: str
    type: str
    place: str | None
    country: str | None
    geonameid: int | None
    city: bool
    earliest: str | None
    latest: str | None
    actor: str | None
    merged_id: str | None
    merged_type: str | None
    merged_place: str | None
    merged_country: str | None
    merged_earliest: str | None
    merged_latest: str | None


@dataclass
class Claim:
    """One reported figure and the context reconciliation groups it by."""

    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    segment: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    quantity: str
    about_raw: str | None
    claimed_by: str | None
    outlet: str | None
    published: dt.date | None
    title: str | None
    source: str  # the source family (syndicated copies count once), else the document
    sentence: str = ""
    speaker: str | None = None
    event: EventRef | None = None
    kind: CountKind = "one-off"
    owner: str | None = None
    place: str | None = None
    country: str | None = None
    city: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    date_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The claim as printed and served: provenance first, then what and who."""
        return {
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "quantity": self.quantity,
            "about": self.about_raw,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "segment": self.segment,
            "claimed_by": self.claimed_by,
            "speaker": self.speaker,
            "sentence": self.sentence,
            "kind": self.kind,
            "owner": self.owner,
            "place": self.place,
            "country": self.country,
            "date": _span(self.since, self.until),
            "date_source": self.date_source,
            "event": None if self.event is None else self.event.idx,
            "merged_event_id": None if self.event is None else self.event.merged_id,
        }


def _span(since: dt.date | None, until: dt.date | None) -> str | None:
    if since is None or until is None:
        return None
    return since.isoformat() if since == until else f"{since.isoformat()}..{until.isoformat()}"


def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _dated(earliest: str | None, latest: str | None, days: int) -> tuple[dt.date, dt.date] | None:
    """A (since, until) pair when both ends parse and the range is at most ``days`` long."""
    lo, hi = _day(earliest), _day(latest)
    if lo is None or hi is None or hi < lo or (hi - lo).days > days:
        return None
    return lo, hi


class _ByDoc:
    """Rows of one table keyed by document, sorted by start, for "what lies inside this span"."""

    def __init__(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in rows:
            self.rows[row[0]].append(row)
        self.starts = {doc: [r[1] for r in rows] for doc, rows in self.rows.items()}

    def within(self, doc_id: str, lo: int, hi: int) -> list[tuple[Any, ...]]:
        starts = self.starts.get(doc_id, [])
        k = bisect.bisect_left(starts, lo)
        out = []
        for row in self.rows.get(doc_id, [])[k:]:
            if row[1] >= hi:
                break
            if row[2] <= hi:
                out.append(row)
        return out

    def covering(self, doc_id: str, start: int, end: int) -> list[tuple[Any, ...]]:
        """Rows whose span contains ``start:end`` (quotes around a figure)."""
        starts = self.starts.get(doc_id, [])
        k = bisect.bisect_right(starts, start)
        return [r for r in self.rows.get(doc_id, [])[:k] if r[2] >= end]


def _event_links(
    con: duckdb.DuckDBPyConnection, params: list[object]
) -> dict[tuple[str, int, int], EventRef]:
    """(doc_id, figure start, figure end) → the event whose ``figures`` JSON lists that figure.

    A figure linked to two events of one sentence keeps the one that was merged, else the first."""
    rows = con.execute(
        f"""
        SELECT e.doc_id, e.idx, e.start, e."end", e.text, e.type, e.place_name,
               e.place_country_code, e.place_geonameid, e.place_feature_class, e.date_earliest,
               e.date_latest, coalesce(e.actor_id, e.actor_name), e.figures, m.event_id,
               me.type, me.place_name, me.country_code, me.date_earliest, me.date_latest
        FROM events e
        LEFT JOIN event_mentions m ON m.doc_id = e.doc_id AND m.idx = e.idx
        LEFT JOIN merged_events me ON me.id = m.event_id
        WHERE e.figures IS NOT NULL AND e.figures <> '[]' AND e.doc_id IN {_DOCS}
        ORDER BY e.doc_id, e.idx
        """,
        params,
    ).fetchall()
    links: dict[tuple[str, int, int], EventRef] = {}
    for r in rows:
        ref = EventRef(
            idx=r[1], start=r[2], end=r[3], text=r[4], type=r[5], place=r[6], country=r[7],
            geonameid=r[8], city=r[9] == "P", earliest=r[10], latest=r[11], actor=r[12],
            merged_id=r[14], merged_type=r[15], merged_place=r[16], merged_country=r[17],
            merged_earliest=r[18], merged_latest=r[19],
        )  # fmt: skip
        for fig in json.loads(r[13]):
            key = (r[0], int(fig["start"]), int(fig["end"]))
            known = links.get(key)
            if known is None or (known.merged_id is None and ref.merged_id is not None):
                links[key] = ref
    return links


def _side_tables(con: duckdb.DuckDBPyConnection, params: list[object]) -> dict[str, _ByDoc]:
    """Places, dates, named owners and quotes of the documents holding the selected figures."""
    queries = {
        "places": """SELECT doc_id, start, "end", coalesce(name, text), geonameid, country_code,
                     feature_class, coalesce(segment, 'body') FROM places""",
        "times": """SELECT doc_id, start, "end", earliest, latest FROM times
                    WHERE type IN ('DATE', 'TIME')
                      AND earliest IS NOT NULL AND latest IS NOT NULL""",
        "entities": f"""SELECT doc_id, start, "end", coalesce(actor_id, text) FROM entities
                        WHERE label IN {_OWNER_LABELS!r}""",
        "quotes": """SELECT doc_id, start, "end", speaker FROM quotes
                     WHERE speaker IS NOT NULL""",
    }
    out: dict[str, _ByDoc] = {}
    for name, sql in queries.items():
        joiner = " AND " if "WHERE" in sql else " WHERE "
        rows = con.execute(
            f"{sql}{joiner}doc_id IN {_DOCS} ORDER BY doc_id, start", params
        ).fetchall()
        out[name] = _ByDoc(rows)
    return out


def _main_countries(places: _ByDoc) -> dict[str, str]:
    """Each document's most named country (body text): the fallback place of its figures."""
    main: dict[str, str] = {}
    for doc_id, rows in places.rows.items():
        counts = Counter(r[5] for r in rows if r[5] and r[7] not in _SKIP_SEGMENTS)
        if counts:
            main[doc_id] = min(counts, key=lambda c: (-counts[c], c))
    return main


def load_claims(
    con: duckdb.DuckDBPyConnection, *, quantity: str | None = None, outlet: str | None = None
) -> list[Claim]:
    """Every reported figure of the store (optionally one quantity, outlets matching ``outlet``)
    with its sentence, event, place, date, owner and speaker.

    Without ``quantity`` the figures the extractor could not classify (``other``) are left out:
    "two countries" and "four countermeasures" are numbers, not reported tolls."""
    params: list[object] = [quantity, outlet]
    rows = con.execute(
        f"""
        SELECT f.doc_id, f.idx, f.start, f."end", f.text, f.segment, f.value, f.low, f.high,
               f.unit, f.quantity, f.about, f.claimed_by, d.outlet, d.published, d.title,
               coalesce(fa.family_id, f.doc_id), greatest(f.start - {_CONTEXT}, 0),
               substr(d.text, greatest(f.start - {_CONTEXT}, 0) + 1,
                      f."end" + {_CONTEXT} - greatest(f.start - {_CONTEXT}, 0))
        FROM figures f JOIN documents d ON d.id = f.doc_id
        LEFT JOIN families fa ON fa.doc_id = f.doc_id
        {_WHERE}
        ORDER BY f.doc_id, f.idx
        """,
        params,
    ).fetchall()
    claims = [_claim(r) for r in rows if _countable(r[6], r[7], r[8], r[10])]
    if not claims:
        return []
    links = _event_links(con, params)
    side = _side_tables(con, params)
    main = _main_countries(side["places"])
    windows = {(r[0], r[1]): (r[17], r[18] or "") for r in rows}
    for claim in claims:
        w0, window = windows[(claim.doc_id, claim.idx)]
        _locate(claim, links.get((claim.doc_id, claim.start, claim.end)), w0, window, side)
        if claim.country is None:
            claim.country = main.get(claim.doc_id)
    return claims


def _countable(value: float | None, low: float | None, high: float | None, quantity: str) -> bool:
    """A figure with some number in it; fractions ("half") are shares, not counts."""
    if value is None and low is None and high is None:
        return False
    if quantity in ("money", "area"):
        return True
    return value is None or value >= 1


def _claim(r: tuple[Any, ...]) -> Claim:
    published = r[14]
    return Claim(
        doc_id=r[0], idx=r[1], start=r[2], end=r[3], text=r[4], segment=r[5], value=r[6],
        low=r[7], high=r[8], unit=r[9], quantity=r[10], about_raw=r[11], claimed_by=r[12],
        outlet=r[13], published=published if isinstance(published, dt.date) else None,
        title=r[15], source=r[16],
    )  # fmt: skip


def _locate(
    claim: Claim, event: EventRef | None, w0: int, window: str, side: dict[str, _ByDoc]
) -> None:
    """Fill the claim's sentence, kind, owner, place, date and speaker."""
    claim.event = event
    if event is not None and event.start <= claim.start and claim.end <= event.end:
        s0, sentence = event.start, event.text
    else:
        lo, hi = sentence_bounds(window, claim.start - w0, claim.end - w0)
        s0, sentence = w0 + lo, window[lo:hi]
    s1 = s0 + len(sentence)
    claim.sentence = sentence.strip()
    claim.kind = count_kind(sentence, claim.start - s0, claim.end - s0)
    owner_span = _owner(claim, sentence, s0, side["entities"])
    places = side["places"].within(claim.doc_id, min(w0, s0), s1)
    _place(claim, event, places, owner_span, (window, w0), s0)
    _date(claim, event, side["times"].within(claim.doc_id, s0, s1))
    quotes = side["quotes"].covering(claim.doc_id, claim.start, claim.end)
    claim.speaker = quotes[-1][3] if quotes else None


def _owner(claim: Claim, sentence: str, s0: int, entities: _ByDoc) -> tuple[int, int] | None:
    """Whose troops or strikes: a named actor between the number and the counted noun ("5,000
    US troops"), or right before such a noun elsewhere in the sentence ("the number of US
    soldiers in Iraq"), else "coalition" in between, else the actor of the linked event.

    Returns the owner's span, so the place finder does not take "US" for where troops are."""
    if claim.quantity not in ("troops", "strikes"):
        return None
    local = claim.end - s0
    stop = local
    if claim.about_raw:
        k = sentence.find(claim.about_raw, local, local + 40)
        stop = k if k >= 0 else local
    named = entities.within(claim.doc_id, s0, s0 + len(sentence))
    wanted = DEFAULT_ABOUT[claim.quantity]
    for row in named:
        after = _NOUN_AFTER.match(sentence, row[2] - s0)
        nouns = [normalise_about(w) for w in after.groups()] if after is not None else []
        between = claim.end <= row[1] and row[2] <= s0 + stop
        if between or wanted in nouns:
            claim.owner = row[3]
            return row[1], row[2]
    if "coalition" in sentence[local:stop].lower():
        claim.owner = "coalition"
    elif claim.event is not None and claim.event.actor:
        claim.owner = claim.event.actor
    return None


def _place(
    claim: Claim,
    event: EventRef | None,
    places: list[tuple[Any, ...]],
    owner_span: tuple[int, int] | None,
    context: tuple[str, int],
    s0: int,
) -> None:
    """Where: the linked (merged) event's place, else a place the sentence names after "in",
    "near"... (a city before a country; never the owner, "US" in "5,000 US troops in Iraq"), else
    any city the sentence names, else the nearest such place in the text just before ("ISIS in
    Manbij. ... civilians were killed on 19 July"). Left empty otherwise: the document's main
    country is the fallback."""
    if event is not None and (event.merged_country or event.country):
        claim.country = event.merged_country or event.country
        claim.place = event.merged_place or event.place
        claim.city = event.geonameid if event.city else None
        return
    window, w0 = context
    if owner_span is not None:
        places = [p for p in places if p[2] <= owner_span[0] or p[1] >= owner_span[1]]
    places = [p for p in places if p[5] and p[1] >= w0]

    def located(p: tuple[Any, ...]) -> bool:
        return is_locative(window[max(0, p[1] - w0 - 40) : p[1] - w0], window[p[2] - w0 :][:30])

    inside = [p for p in places if p[1] >= s0]
    here = [p for p in inside if located(p)]
    brk = window.rfind("\n\n", 0, max(0, s0 - w0))
    paragraph = w0 + brk + 2 if brk >= 0 else w0
    before = [p for p in reversed(places) if paragraph <= p[1] < s0 and located(p)]
    ranked = [p for p in here if p[6] == "P"] + here + [p for p in inside if p[6] == "P"] + before
    if ranked:
        chosen = ranked[0]
        claim.place, claim.country = chosen[3], chosen[5]
        claim.city = chosen[4] if chosen[6] == "P" else None


def _date(claim: Claim, event: EventRef | None, times: list[tuple[Any, ...]]) -> None:
    """When: a running total is "as of" its publication; a one-off count is dated by its
    merged event, its event, the nearest date in the sentence, or else its publication."""
    found: tuple[dt.date, dt.date] | None = None
    source = "published"
    if claim.kind != "cumulative":
        if event is not None:
            found = _dated(event.merged_earliest, event.merged_latest, 2 * _MAX_EVENT_DAYS)
            found = found or _dated(event.earliest, event.latest, _MAX_EVENT_DAYS)
            source = "event"
        if found is None:
            nearest = sorted(times, key=lambda t: abs(t[1] - claim.start))
            found = next((d for t in nearest if (d := _dated(t[3], t[4], _MAX_EVENT_DAYS))), None)
            source = "text"
    if found is None and claim.published is not None:
        found, source = (claim.published, claim.published), "published"
    if found is not None:
        claim.since, claim.until = found
        claim.date_source = source
