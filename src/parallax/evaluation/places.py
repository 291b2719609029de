"""Score toponym recognition and resolution against GeoWebNews (Gritta et al. 2019).

GeoWebNews annotates 200 news articles with a fine-grained "pragmatic taxonomy" of toponyms.
Following the paper's recommended geoparsing setup we count as toponyms its *literal* types
(Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal) and its *associative* types that
still point at a place (Metonymic, Non_Literal_Modifier - adjectival "Syrian forces" included -
and Embedded_Non_Lit, "Washington" in "Washington Post"). Those are exactly the types the corpus
gives coordinates for. Left out: Demonym (people: "Nigerians"), Language, Homonym (a place name
used as a person's name), Non_Toponym and the generic *_Expression phrases ("the city").

Geotagging is scored by **exact span match** (same start and end offsets), the paper's strict
setting; an overlap-based F1 is reported beside it for diagnosis. Geocoding is scored on the
exactly matched toponyms that have gold coordinates: the share within 161 km (100 miles, the
field's customary "accuracy@161km") and the median error. A match we could not put on the map
(no coordinates) counts as the largest possible error, 20,038 km, as in the paper.

    python -m parallax.evaluation.places ../shared/data/geowebnews [--errors 20]
"""

from __future__ import annotations

import argparse
import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.schema import Place

#: Gold types counted as toponyms (literal + place-denoting associative readings).
TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Metonymic",
        "Non_Literal_Modifier",
        "Embedded_Non_Lit",
    }
)
#: Distance under which a resolution counts as right (100 miles).
WITHIN_KM = 161.0
#: Half the Earth's circumference: the error charged for a match without coordinates.
MAX_ERROR_KM = 20038.0
_EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym in an article's text."""

    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    """An article's text with its gold toponyms."""

    name: str
    text: str
    toponyms: list[GoldToponym]


@dataclass
class Tally:
    """Counts behind the reported ratios, plus error samples for ``--errors``."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    overlap_gold: int = 0
    overlap_pred: int = 0
    errors_km: list[float] = field(default_factory=list)
    gold_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    far: list[str] = field(default_factory=list)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def read_gwn(path: Path) -> list[GoldArticle]:
    """The articles of ``GWN.xml`` (``path`` is the file or the folder holding it).

    A few annotations in the release point at the wrong characters; they are dropped, since no
    system could match them."""
    xml = path / "GWN.xml" if path.is_dir() else path
    root = ET.parse(xml).getroot()
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            kind = node.findtext("type") or ""
            start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
            name = node.findtext("extractedName") or ""
            if kind not in TOPONYM_TYPES or text[start:end] != name:
                continue
            lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
            toponyms.append(GoldToponym(start, end, name, kind, lat, lon))
        articles.append(GoldArticle(article.get("file", ""), text, toponyms))
    return articles


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def predict(nlp: Any, articles: Sequence[GoldArticle]) -> list[list[Place]]:
    """The ``Place`` records the pipeline reports for each article (the contract's records,
    via ``records_of``, so the score is the one users get)."""
    from parallax.extract.annotate import records_of

    out: list[list[Place]] = []
    for doc in nlp.pipe((a.text for a in articles), batch_size=16):
        places = records_of(doc, 0)["places"]
        out.append([p for p in places if isinstance(p, Place)])
    return out


def _context(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - 30) : start]}[{text[start:end]}]{text[end : end + 30]}".replace(
        "\n", " "
    )


def tally(articles: Sequence[GoldArticle], predictions: Iterable[Sequence[Place]]) -> Tally:
    """Compare gold toponyms with predicted places, article by article."""
    t = Tally()
    for article, places in zip(articles, predictions, strict=True):
        gold = {(g.start, g.end): g for g in article.toponyms}
        pred = {(p.start, p.end): p for p in places}
        t.gold += len(gold)
        t.predicted += len(pred)
        for key, g in gold.items():
            t.gold_by_type[g.type] += 1
            if any(s < g.end and g.start < e for s, e in pred):
                t.overlap_gold += 1
            p = pred.get(key)
            if p is None:
                t.missed.append(f"{article.name}: {g.type} {_context(article.text, *key)}")
                continue
            t.matched += 1
            t.found_by_type[g.type] += 1
            if g.lat is None or g.lon is None:
                continue
            if p.lat is None or p.lon is None:
                km = MAX_ERROR_KM
            else:
                km = distance_km(g.lat, g.lon, p.lat, p.lon)
            t.errors_km.append(km)
            if km > WITHIN_KM:
                t.far.append(f"{article.name}: {g.text} -> {p.name} ({p.country_code}) {km:.0f} km")
        for key, p in pred.items():
            if any(g.start < key[1] and key[0] < g.end for g in article.toponyms):
                t.overlap_pred += 1
            if key not in gold:
                t.spurious.append(f"{article.name}: {_context(article.text, *key)} -> {p.name}")
    return t


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(t: Tally, documents: int) -> dict[str, float]:
    """The reported scores of a tally."""
    precision, recall = _ratio(t.matched, t.predicted), _ratio(t.matched, t.gold)
    o_precision, o_recall = _ratio(t.overlap_pred, t.predicted), _ratio(t.overlap_gold, t.gold)
    within = sum(1 for km in t.errors_km if km <= WITHIN_KM)
    out = {
        "documents": float(documents),
        "gold": float(t.gold),
        "predicted": float(t.predicted),
        "matched": float(t.matched),
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "overlap_f1": _f1(o_precision, o_recall),
        "geocoded": float(len(t.errors_km)),
        "within_161km": _ratio(within, len(t.errors_km)),
        "median_km": statistics.median(t.errors_km) if t.errors_km else 0.0,
    }
    for kind in sorted(TOPONYM_TYPES):
        out[f"recall_{kind}"] = _ratio(t.found_by_type[kind], t.gold_by_type[kind])
        out[f"gold_{kind}"] = float(t.gold_by_type[kind])
    return out


def _default_nlp() -> Any:
    from parallax.extract.annotate import build_full_pipeline

    return build_full_pipeline()


def score_geowebnews(path: Path, nlp: Any = None) -> dict[str, float]:
    """Geotagging and geocoding scores on GeoWebNews under ``path`` (about 20 s on 2 cores).

    ``nlp`` defaults to the full pipeline ``parallax analyze`` runs."""
    articles = read_gwn(Path(path))
    nlp = nlp if nlp is not None else _default_nlp()
    return figures(tally(articles, predict(nlp, articles)), len(articles))


def table(title: str, scores: dict[str, float]) -> str:
    """A markdown table of the geotagging and geocoding scores, then recall by gold type."""
    rows = [
        f"### {title}",
        "",
        "| gold | predicted | precision | recall | F1 | overlap F1 | within 161 km | median km |",
        "|---|---|---|---|---|---|---|---|",
        f"| {int(scores['gold'])} | {int(scores['predicted'])} | {scores['precision']:.3f} | "
        f"{scores['recall']:.3f} | {scores['f1']:.3f} | {scores['overlap_f1']:.3f} | "
        f"{scores['within_161km']:.3f} | {scores['median_km']:.0f} |",
        "",
        "| gold type | gold | recall |",
        "|---|---|---|",
    ]
    for kind in sorted(TOPONYM_TYPES):
        rows.append(f"| {kind} | {int(scores[f'gold_{kind}'])} | {scores[f'recall_{kind}']:.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Command line: print the table and, optionally, samples of each kind of error."""
    ap = argparse.ArgumentParser(prog="python -m parallax.evaluation.places", description=__doc__)
    ap.add_argument("path", type=Path, help="GeoWebNews folder (with GWN.xml) or the XML file")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    args = ap.parse_args(argv)
    articles = read_gwn(args.path)
    t = tally(articles, predict(_default_nlp(), articles))
    print(table("GeoWebNews", figures(t, len(articles))))
    for label, items in (("missed", t.missed), ("spurious", t.spurious), ("far", t.far)):
        if args.errors and items:
            print(f"\n#### {label} ({len(items)}; first {args.errors})")
            for line in items[: args.errors]:
                print("-", line)


if __name__ == "__main__":
    main()
