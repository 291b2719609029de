"""Bring the cross-source passes up to date after documents were stored or analysed.

``analyze`` (and :meth:`parallax.store.corpus.Corpus.ingest` with an annotator) call
:func:`update_corpus` at the end of a run. Each pass remembers in ``corpus_passes`` which
documents it has seen since they last changed, so families, stories and stances only look at
new or re-analysed documents; the merge is rebuilt only when one of those changed something
(its ids are stable, so a rebuild keeps the ids of unchanged events). Every pass runs in its own
transaction: an interrupted update leaves the store consistent and the next run completes it.
Running it twice in a row changes nothing.
"""

from __future__ import annotations

import duckdb

from parallax.corpus import families, merge, stance, stories
from parallax.corpus.pass_state import Transaction, forget_removed


def update_corpus(con: duckdb.DuckDBPyConnection, *, workers: int = 1) -> dict[str, int]:
    """Run families, stories, stances and (when anything changed) the merge; return counts.
    ``workers``: processes for the stances pass (the one pass that is per document)."""
    with Transaction(con):
        family_report = families.update_families(con)
        placed = stories.update_stories(con)
        removed = forget_removed(con)
    scored = stance.update_stances(con, workers=workers)
    counts = {"families_updated": family_report.handled, "stories_updated": placed}
    counts["stances_updated"] = scored
    stale = con.execute(
        "SELECT count(*) FROM events e LEFT JOIN event_mentions m "
        "ON m.doc_id = e.doc_id AND m.idx = e.idx WHERE m.event_id IS NULL"
    ).fetchone()
    orphans = con.execute(
        "SELECT count(*) FROM event_mentions m LEFT JOIN events e "
        "ON m.doc_id = e.doc_id AND m.idx = e.idx WHERE e.doc_id IS NULL"
    ).fetchone()
    changed = family_report.handled or placed or removed or family_report.removed
    if changed or (stale and stale[0]) or (orphans and orphans[0]):
        with Transaction(con):
            counts["merged_events"] = merge.update_merge(con)
    else:
        row = con.execute("SELECT count(*) FROM merged_events").fetchone()
        counts["merged_events"] = int(row[0]) if row else 0
    return counts
