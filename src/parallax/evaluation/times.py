"""Score :func:`parallax.extract.times.find_times` against TimeML corpora.

TimeBank/AQUAINT (``.tml``) and MEANTIME (token-anchored XML) give gold TIMEX3 spans with
normalised values and a document creation time, which plays the part of our publication date.
The figures answer two questions: do we find the expressions (recall/precision by overlap),
and when we find one, is its value exactly the annotated one (strict value accuracy)?

    python -m parallax.evaluation.times --timebank ../shared/data/timebank \
        [--meantime ../shared/data/meantime] [--errors 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parallax.extract.times import find_times
from parallax.schema import Time

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Gold:
    """One annotated expression, in the coordinates of the plain text."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass
class GoldDoc:
    """Plain text, its gold expressions and its creation date."""

    name: str
    text: str
    dct: dt.date | None
    gold: list[Gold]


@dataclass
class Tally:
    """Counts behind the reported ratios, with examples of each kind of error."""

    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    value_ok: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    pred_ok: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _date(value: str | None) -> dt.date | None:
    """The day of a creation-time value (``1998-01-08``, ``19980108``, ``1998-01-08T10:00``)."""
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", value or "")
    d = re.match(r"(\d\d)-(\d\d)-(\d{4})$", value or "")  # a few MEANTIME files: DD-MM-YYYY
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        return dt.date(int(d[3]), int(d[2]), int(d[1])) if d else None
    except ValueError:
        return None


_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> GoldDoc:
    """A TimeML file: strip the tags inside ``<TEXT>`` while keeping gold offsets exact."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct = None
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m[1]))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = _date(attrs.get("value"))
            break
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    parts: list[str] = []
    pos = 0
    gold: list[Gold] = []
    open_timex: list[tuple[int, dict[str, str]]] = []
    for piece in re.finditer(r"<[^>]*>|[^<]+", body[1] if body else ""):
        tok = piece[0]
        if not tok.startswith("<"):
            plain = html.unescape(tok)
            parts.append(plain)
            pos += len(plain)
        elif tok.startswith("<TIMEX3"):
            open_timex.append((pos, dict(_ATTR.findall(tok))))
        elif tok.startswith("</TIMEX3") and open_timex:
            start, attrs = open_timex.pop()
            gold.append(Gold(start, pos, attrs.get("type", "DATE"), attrs.get("value")))
    return GoldDoc(path.name, "".join(parts), dct, gold)


_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$")


def read_meantime(path: Path) -> GoldDoc:
    """A MEANTIME file: detokenise (one sentence per line), map token anchors to offsets."""
    root = ET.parse(path).getroot()
    # Only the first sentences of each article are annotated; score only what was annotated.
    sentence_of = {t.get("t_id"): int(t.get("sentence") or 0) for t in root.iter("token")}
    anchored = [sentence_of.get(a.get("t_id"), 0) for a in root.iter("token_anchor")]
    last_sentence = max(anchored, default=0)
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos, sentence, glue = 0, None, True
    for tok in root.iter("token"):
        if int(tok.get("sentence") or 0) > last_sentence:
            break
        word = tok.text or ""
        if sentence is not None and tok.get("sentence") != sentence:
            parts.append("\n")
            pos, glue = pos + 1, True
        elif not glue and not _NO_SPACE_BEFORE.match(word):
            parts.append(" ")
            pos += 1
        sentence = tok.get("sentence")
        spans[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        glue = word in {"(", "$", "[", "``"}
    dct = None
    gold: list[Gold] = []
    for timex in root.iter("TIMEX3"):
        anchors = [
            spans[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in spans
        ]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _date(timex.get("value"))
        if anchors:
            start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
            gold.append(Gold(start, end, timex.get("type", "DATE"), timex.get("value") or None))
    return GoldDoc(path.name, "".join(parts), dct, gold)


def same_value(pred: str | None, gold: str | None) -> bool:
    """Strict equality up to two spelling variants that TimeML itself allows.

    ISO week numbers compare unpadded ("W7" is "W07"), and a decade or century may be written
    truncated or padded with ``X`` for the unknown digits: TimeBank writes "the 1980s" both as
    ``198`` and ``198X`` and "the 20th century" as ``19`` and ``19XX``. Both spell the same
    period, so neither should count as a wrong value. Anything else (``1998`` vs ``1998-XX``,
    ``P10Y`` vs ``P1E``) stays strict.
    """

    def norm(v: str | None) -> str | None:
        if v is None:
            return None
        v = re.sub(r"^(\d{2,3})X+$", r"\1", v)
        return re.sub(r"-W0(\d)\b", r"-W\1", v)

    return norm(pred) == norm(gold)


def _context(doc: GoldDoc, span: Gold | Time) -> str:
    """The expression with some text either side, for error listings."""
    return doc.text[max(0, span.start - 40) : span.end + 20]


def _overlap(a: Gold | Time, b: Gold | Time) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_docs(docs: Iterable[GoldDoc], tally: Tally | None = None) -> Tally:
    """Match predictions to gold by overlap and count hits, values and errors."""
    t = tally or Tally()
    for doc in docs:
        preds = find_times(doc.text, doc.dct)
        for g in doc.gold:
            t.gold[g.type] += 1
            hits = [p for p in preds if _overlap(g, p) > 0]
            snippet = f"{doc.name}: {doc.text[g.start : g.end]!r} gold={g.value} ({g.type})"
            if not hits:
                t.missed.append(snippet + f" dct={doc.dct} ctx={_context(doc, g)!r}")
                continue
            t.found[g.type] += 1
            best = max(hits, key=lambda p: _overlap(g, p))
            if same_value(best.value, g.value):
                t.value_ok[g.type] += 1
            else:
                t.wrong.append(
                    snippet + f" pred={best.text!r} {best.value} ({best.type}) dct={doc.dct}"
                )
        for p in preds:
            t.pred[p.type] += 1
            if any(_overlap(g, p) > 0 for g in doc.gold):
                t.pred_ok[p.type] += 1
            else:
                t.spurious.append(
                    f"{doc.name}: {p.text!r} {p.value} ({p.type}) ctx={_context(doc, p)!r}"
                )
    return t


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def figures(t: Tally) -> dict[str, float]:
    """Overall and per-type recall, precision and strict value accuracy."""
    out = {
        "recall": _ratio(sum(t.found.values()), sum(t.gold.values())),
        "precision": _ratio(sum(t.pred_ok.values()), sum(t.pred.values())),
        "value_accuracy": _ratio(sum(t.value_ok.values()), sum(t.found.values())),
        "gold": float(sum(t.gold.values())),
        "predicted": float(sum(t.pred.values())),
    }
    for ty in TYPES:
        out[f"recall_{ty}"] = _ratio(t.found[ty], t.gold[ty])
        out[f"precision_{ty}"] = _ratio(t.pred_ok[ty], t.pred[ty])
        out[f"value_accuracy_{ty}"] = _ratio(t.value_ok[ty], t.found[ty])
        out[f"gold_{ty}"] = float(t.gold[ty])
    return out


def timebank_docs(path: Path) -> Iterator[GoldDoc]:
    """Every ``.tml`` file under ``path`` (TimeBank and AQUAINT), each document once."""
    seen: set[str] = set()
    for f in sorted(Path(path).rglob("*.tml")):
        if f.name not in seen:  # the test-pipeline folder repeats a TimeBank file
            seen.add(f.name)
            yield read_tml(f)


def meantime_docs(path: Path) -> Iterator[GoldDoc]:
    """The intra-document MEANTIME annotation under ``path``."""
    for f in sorted(Path(path).glob("intra-doc_annotation/corpus_*/*.xml")):
        yield read_meantime(f)


def score_timebank(path: str | Path) -> dict[str, float]:
    """Figures for TimeBank+AQUAINT found under ``path``."""
    return figures(score_docs(timebank_docs(Path(path))))


def score_meantime(path: str | Path) -> dict[str, float]:
    """Figures for the English MEANTIME corpus found under ``path``."""
    return figures(score_docs(meantime_docs(Path(path))))


def table(name: str, f: dict[str, float]) -> str:
    """A markdown table of one corpus's figures."""
    rows = [
        f"### {name}",
        "",
        "| type | gold | recall | precision | value accuracy |",
        "|---|---|---|---|---|",
    ]
    rows.append(
        f"| all | {int(f['gold'])} | {f['recall']:.3f} | {f['precision']:.3f} | "
        f"{f['value_accuracy']:.3f} |"
    )
    for ty in TYPES:
        rows.append(
            f"| {ty} | {int(f[f'gold_{ty}'])} | {f[f'recall_{ty}']:.3f} | "
            f"{f[f'precision_{ty}']:.3f} | {f[f'value_accuracy_{ty}']:.3f} |"
        )
    return "\n".join(rows)


def _report(name: str, docs: Iterable[GoldDoc], errors: int) -> None:
    t = score_docs(docs)
    print(table(name, figures(t)))
    print()
    for label, items in (("missed", t.missed), ("wrong value", t.wrong), ("spurious", t.spurious)):
        if errors and items:
            print(f"#### {label} ({len(items)}; first {errors})")
            for line in items[:errors]:
                print("-", line)
            print()


def main(argv: list[str] | None = None) -> None:
    """Command line: print the tables (and optionally error samples) for the given corpora."""
    ap = argparse.ArgumentParser(prog="python -m parallax.evaluation.times", description=__doc__)
    ap.add_argument("--timebank", type=Path, help="directory with TimeBank/AQUAINT .tml files")
    ap.add_argument("--meantime", type=Path, help="MEANTIME root (with intra-doc_annotation/)")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    args = ap.parse_args(argv)
    if not args.timebank and not args.meantime:
        ap.error("give --timebank and/or --meantime")
    if args.timebank:
        _report("TimeBank + AQUAINT", timebank_docs(args.timebank), args.errors)
    if args.meantime:
        _report("MEANTIME (English)", meantime_docs(args.meantime), args.errors)


if __name__ == "__main__":
    main()
