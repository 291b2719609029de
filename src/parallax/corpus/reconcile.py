"""Reconciled figures: every report of one quantity about one event or thing, side by side.

Outlets rarely agree on a toll: one says 128 dead, another "at least 129", a third "about 130",
a party to the conflict 200. This pass collects every stored figure, groups the ones that count
the same thing about the same event (or the same standing thing: US troops in Iraq, coalition air
strikes to date), and gives each group a low / best / high with the rule that produced them, a
flag when two claims' stated ranges cannot both be true, and the claims themselves with outlet,
source, date and sentence so a reader can judge.

Grouping is by hash keys and sorted date windows, never by comparing all pairs of figures:

1. *bucket*: quantity, unit and kind of count (one-off, cumulative "to date", "additional"),
   so running totals and increments never meet one-off tolls;
2. *anchor*: the merged event a figure is linked to; a figure without one joins the merged event
   of its country whose dates fit its own, else a window of its country's figures whose dates
   chain (7 days for a figure dated by its publication, 1 day for one the text dates), split by
   city when the sentences name different cities;
3. *what and whose*: the normalised counted noun, then the owner ("US troops").

At steps 2–3 a figure that leaves something unsaid (no city, no counted noun, no owner) joins the
only group that says it; when there are several, it joins the default ("people") or stays apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final, get_args

import duckdb
import pycountry

from parallax.corpus.reconcile_claims import Claim, load_claims
from parallax.corpus.reconcile_text import DEFAULT_ABOUT, normalise_about
from parallax.errors import UsageError
from parallax.schema import Quantity

#: Two stated ranges disagree when one's low is above another's high by more than this share
#: (2%: "129" and "130" are one toll being updated, "130" and "200" are not).
TOLERANCE: Final = 0.02
_GAP_PUBLISHED: Final = dt.timedelta(days=7)
_GAP_DATED: Final = dt.timedelta(days=1)
#: How far back an event index is scanned from a figure's date (events last at most ~2 months).
_EVENT_SPAN: Final = dt.timedelta(days=62)


@dataclass
class _Anchor:
    """What a group of figures is about: a merged event, or a place and date window."""

    key: tuple[Hashable, ...]
    kind: str  # event | place
    event_id: str | None = None
    event_type: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    claims: list[Claim] = field(default_factory=list)


def reconcile_figures(
    con: duckdb.DuckDBPyConnection, *, quantity: str | None = None, outlet: str | None = None
) -> list[dict[str, Any]]:
    """Groups of figures counting the same thing about the same event or thing, reconciled.

    Each group: id, quantity, about, unit, kind, owner, anchor {kind, event_id, label, place,
    country, since, until}, low, best, high, rule, disagreement, conflict (indexes of the two
    claims that disagree most), sources, outlets, claims. Groups reported by most sources come
    first. ``outlet`` keeps only figures from outlets whose name contains it."""
    if quantity is not None and quantity not in get_args(Quantity):
        raise UsageError(f"{quantity}: not a quantity ({', '.join(get_args(Quantity))})")
    claims = load_claims(con, quantity=quantity, outlet=outlet)
    groups = [_summary(key, anchor, members) for key, anchor, members in group_claims(claims)]
    groups.sort(
        key=lambda g: (-g["sources"], -len(g["claims"]), g["quantity"], g["about"], g["id"])
    )
    return groups


def group_claims(
    claims: Iterable[Claim],
) -> list[tuple[tuple[Hashable, ...], _Anchor, list[Claim]]]:
    """(group key, anchor, claims) for every group, in a stable order."""
    buckets: dict[tuple[Hashable, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        buckets[(claim.quantity, claim.unit or "", claim.kind)].append(claim)
    out: list[tuple[tuple[Hashable, ...], _Anchor, list[Claim]]] = []
    for bucket in sorted(buckets, key=repr):
        quantity = str(bucket[0])
        for anchor in _anchors(buckets[bucket]):
            abouts = _partition(
                anchor.claims, lambda c: normalise_about(c.about_raw), DEFAULT_ABOUT[quantity]
            )
            for about, members in sorted(abouts.items(), key=lambda kv: str(kv[0])):
                owners = _partition(members, lambda c: c.owner, None)
                for owner, group in sorted(owners.items(), key=lambda kv: str(kv[0])):
                    group.sort(key=lambda c: (c.published or dt.date.min, c.doc_id, c.start))
                    out.append(((*bucket, *anchor.key, about, owner), anchor, group))
    return out


def _partition(
    claims: list[Claim], key: Callable[[Claim], Hashable | None], default: Hashable | None
) -> dict[Hashable | None, list[Claim]]:
    """Claims by ``key``; those whose key is None join the only keyed part, else ``default``."""
    parts: dict[Hashable | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        parts[key(claim)].append(claim)
    loose = parts.pop(None, [])
    if loose:
        target = next(iter(parts)) if len(parts) == 1 else default
        parts[target].extend(loose)
    return parts


def _anchors(claims: list[Claim]) -> list[_Anchor]:
    """The anchors of one bucket's claims: merged events first, then place/date windows."""
    events: dict[str, _Anchor] = {}
    loose: list[Claim] = []
    for claim in claims:
        merged = claim.event.merged_id if claim.event is not None else None
        if merged is None:
            loose.append(claim)
            continue
        if merged not in events:
            ev = claim.event
            assert ev is not None
            since, until = _event_dates(ev.merged_earliest, ev.merged_latest)
            events[merged] = _Anchor(
                ("event", merged), "event", merged, ev.merged_type or ev.type, ev.merged_place
            )
            events[merged].since, events[merged].until = since, until
        events[merged].claims.append(claim)
    for anchor in events.values():
        if anchor.since is None:  # the merged event has no date: its reports date it
            dated = [c for c in anchor.claims if c.since is not None and c.until is not None]
            anchor.since = min((c.since for c in dated if c.since), default=None)
            anchor.until = max((c.until for c in dated if c.until), default=None)
    index = _event_index(events.values())
    rest: list[Claim] = []
    for claim in loose:
        found = _matching_event(index, claim)
        (found.claims if found is not None else rest).append(claim)
    return [*sorted(events.values(), key=lambda a: str(a.event_id)), *_windows(rest)]


def _event_dates(earliest: str | None, latest: str | None) -> tuple[dt.date | None, ...]:
    try:
        since = dt.date.fromisoformat(earliest[:10]) if earliest else None
        until = dt.date.fromisoformat(latest[:10]) if latest else since
    except ValueError:
        return None, None
    return since, until


def _event_index(
    anchors: Iterable[_Anchor],
) -> dict[str, list[tuple[dt.date, dt.date, _Anchor]]]:
    """Dated merged events by country, sorted by start date."""
    index: dict[str, list[tuple[dt.date, dt.date, _Anchor]]] = defaultdict(list)
    for anchor in anchors:
        country = Counter(c.country for c in anchor.claims if c.country).most_common(1)
        if country and anchor.since is not None and anchor.until is not None:
            index[country[0][0]].append((anchor.since, anchor.until, anchor))
    for rows in index.values():
        rows.sort(key=lambda r: (r[0], str(r[2].event_id)))
    return index


def _matching_event(
    index: dict[str, list[tuple[dt.date, dt.date, _Anchor]]], claim: Claim
) -> _Anchor | None:
    """The merged event of the claim's country whose dates fit the claim's: the only one, or
    the only one in the place the claim names. Ambiguous claims join none.

    A figure dated only by its publication may report an event up to a week old."""
    if claim.country is None or claim.since is None or claim.until is None:
        return None
    rows = index.get(claim.country, [])
    published = claim.date_source == "published"
    fitting: list[_Anchor] = []
    # Scan from the last event starting before the claim ends, back to ~2 months earlier.
    k = _bisect_dates(rows, claim.until + _GAP_DATED)
    while k > 0:
        k -= 1
        since, until, anchor = rows[k]
        if since < claim.since - _EVENT_SPAN:
            break
        if published:
            fits = since - _GAP_DATED <= claim.since <= until + _GAP_PUBLISHED
        else:
            fits = claim.since <= until + _GAP_DATED and claim.until >= since - _GAP_DATED
        if fits:
            fitting.append(anchor)
    if len(fitting) > 1:
        fitting = [a for a in fitting if claim.place and a.place == claim.place]
    return fitting[0] if len(fitting) == 1 else None


def _bisect_dates(rows: list[tuple[dt.date, dt.date, _Anchor]], day: dt.date) -> int:
    """Number of rows starting on or before ``day``."""
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi) // 2
        if rows[mid][0] <= day:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _windows(claims: list[Claim]) -> list[_Anchor]:
    """Claims with no merged event: by country, then chained date windows, then by city."""
    by_country: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_country[claim.country].append(claim)
    anchors: list[_Anchor] = []
    for country in sorted(by_country, key=str):
        members = sorted(
            by_country[country],
            key=lambda c: (c.since is None, c.since or dt.date.min, c.doc_id, c.start),
        )
        window: _Anchor | None = None
        for claim in members:
            gap = _GAP_PUBLISHED if claim.date_source == "published" else _GAP_DATED
            joins = window is not None and (
                (claim.since is None and window.since is None)
                or (
                    claim.since is not None
                    and window.until is not None
                    and claim.since <= window.until + gap
                )
            )
            if window is None or not joins:
                window = _Anchor(("place", country, claim.since), "place", since=claim.since)
                anchors.append(window)
            window.claims.append(claim)
            if claim.until is not None and (window.until is None or claim.until > window.until):
                window.until = claim.until
    # Different cities named in one window are different events.
    return [part for anchor in anchors for part in _by_city(anchor)]


def _by_city(anchor: _Anchor) -> list[_Anchor]:
    """One window split by the cities its sentences name (figures naming none join the only
    city, or stay apart)."""
    parts = _partition(anchor.claims, lambda c: c.city, None)
    if len(parts) == 1:
        return [anchor]
    out = []
    for city, members in sorted(parts.items(), key=lambda kv: str(kv[0])):
        out.append(
            _Anchor(
                (*anchor.key, city),
                "place",
                since=min((c.since for c in members if c.since), default=None),
                until=max((c.until for c in members if c.until), default=None),
                claims=members,
            )
        )
    return out


def _floor(c: Claim) -> float:
    """A claim's lowest stated value; an open lower bound ("up to 117") counts as the figure."""
    for v in (c.low, c.value, c.high):
        if v is not None:
            return v
    raise AssertionError("load_claims keeps only claims with a number")


def _ceiling(c: Claim) -> float:
    """A claim's highest stated value; an open upper bound ("at least 129") counts as the figure."""
    for v in (c.high, c.value, c.low):
        if v is not None:
            return v
    raise AssertionError("load_claims keeps only claims with a number")


def _votes(claims: list[Claim]) -> list[tuple[int, Claim]]:
    """One vote per source and stated figure: an article repeating its toll, or a syndicated
    copy of it, does not outvote an outlet that reports it once."""
    seen: set[tuple[object, ...]] = set()
    votes = []
    for i, c in enumerate(claims):
        key = (c.source, c.value, c.low, c.high)
        if key not in seen:
            seen.add(key)
            votes.append((i, c))
    return votes


def _reconcile(claims: list[Claim]) -> dict[str, Any]:
    """low, best, high, rule, disagreement and conflict over one group's claims."""
    votes = _votes(claims)
    points = [c.value for _, c in votes if c.value is not None]
    if points:
        best = statistics.median(points)
        how = f"best = median of {len(points)} reported figure{'s' * (len(points) != 1)}"
    else:
        points = [(_floor(c) + _ceiling(c)) / 2 for _, c in votes]
        best = statistics.median(points)
        how = f"best = median of the midpoints of {len(points)} vague range(s)"
    lows = [(c.low, i) for i, c in votes if c.low is not None]
    highs = [(c.high, i) for i, c in votes if c.high is not None]
    top_low = max(lows, key=lambda t: (t[0], -t[1]), default=None)
    bottom_high = min(highs, default=None)
    conflict = None
    if (
        top_low is not None
        and bottom_high is not None
        and top_low[0] > bottom_high[0] * (1 + TOLERANCE)
    ):
        conflict = [top_low[1], bottom_high[1]]
    elif top_low is not None or bottom_high is not None:
        # The claims agree: keep best inside what all of them allow ("scores" and "as high as
        # 117" allow 40..99, so 117 is not a best estimate).
        floor = top_low[0] if top_low is not None else best
        ceiling = bottom_high[0] if bottom_high is not None else best
        if floor <= ceiling and not floor <= best <= ceiling:
            best = min(max(best, floor), ceiling)
            how += f", kept within the {floor:g}..{ceiling:g} all claims allow"
    return {
        "low": min(_floor(c) for _, c in votes),
        "best": best,
        "high": max(_ceiling(c) for _, c in votes),
        "rule": (
            f"{how}; one vote per source and figure; range = lowest .. highest stated bound, "
            f"an open bound counting as its figure; disagreement = one claim's low above "
            f"another's high by more than {TOLERANCE:.0%}"
        ),
        "disagreement": conflict is not None,
        "conflict": conflict,
    }


def _label(anchor: _Anchor, place: str | None, about: str, owner: str | None, kind: str) -> str:
    """A short human name for the anchor: "ASSAULT in Paris, 2015-11-13" or
    "USA troops in Iraq, as of 2016-08-20"."""
    when = _dates(anchor.since, anchor.until)
    where = place or "unknown place"
    if anchor.kind == "event":
        head = f"{anchor.event_type} in {where}"
    else:
        head = f"{owner} {about} in {where}" if owner else where
    if when:
        head += f", as of {when}" if kind == "cumulative" else f", {when}"
    return f"{head} (additional)" if kind == "additional" else head


def _dates(since: dt.date | None, until: dt.date | None) -> str:
    if since is None:
        return ""
    if until is None or until == since:
        return since.isoformat()
    return f"{since.isoformat()}..{until.isoformat()}"


def _country_name(code: str | None) -> str | None:
    """ "Iraq" for "IRQ": a figure placed only by its document's main country."""
    if code is None:
        return None
    found = pycountry.countries.get(alpha_3=code)
    return str(found.name) if found is not None else code


def _summary(key: tuple[Hashable, ...], anchor: _Anchor, claims: list[Claim]) -> dict[str, Any]:
    first = claims[0]
    about = str(key[-2])
    owner = None if key[-1] is None else str(key[-1])
    places = Counter(c.place for c in claims if c.place)
    countries = Counter(c.country for c in claims if c.country)
    country = min(countries, key=lambda k: (-countries[k], k)) if countries else None
    place = min(places, key=lambda k: (-places[k], k)) if places else _country_name(country)
    since = min((c.since for c in claims if c.since), default=None)
    until = max((c.until for c in claims if c.until), default=None)
    if anchor.kind == "event":
        since, until = anchor.since or since, anchor.until or until
    shown = _Anchor(anchor.key, anchor.kind, anchor.event_id, anchor.event_type, None, since, until)
    outlets = sorted({c.outlet for c in claims if c.outlet})
    return {
        "id": hashlib.sha1(repr(key).encode(), usedforsecurity=False).hexdigest()[:16],
        "quantity": first.quantity,
        "about": about,
        "unit": first.unit,
        "kind": first.kind,
        "owner": owner,
        "anchor": {
            "kind": anchor.kind,
            "event_id": anchor.event_id,
            "label": _label(shown, place, about, owner, first.kind),
            "place": place,
            "country": country,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        },
        **_reconcile(claims),
        "sources": len({c.source for c in claims}),
        "outlets": outlets,
        "claims": [c.to_dict() for c in claims],
    }
