"""A tiny two-outlet corpus with known perspectives, analysed through the real CLI.

"The Daily Front" says "Daesh" and "terrorists", quotes Iraq's defence minister, and runs an
op-ed in the first person ("We must…", "should"). "Plain Wire" says "ISIS" and "militants",
quotes nobody, and reports without evaluative words. Both cover the same events.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CliRun
from parallax.corpus.stance import update_stances
from parallax.store.db import connect

FRONT = "The Daily Front"
WIRE = "Plain Wire"

DOCUMENTS = [
    {
        "outlet": FRONT,
        "published": "2016-10-20",
        "genre": "news",
        "title": "Daesh terrorists shell Mosul suburbs",
        "text": (
            "Daesh terrorists shelled the suburbs of Mosul on Monday, killing 12 civilians. "
            "The Iraqi army liberated the village of Hamdaniya after heavy fighting.\n\n"
            '"We will crush Daesh," Iraqi Defence Minister Khaled al-Obeidi said.'
        ),
    },
    {
        "outlet": FRONT,
        "published": "2016-10-21",
        "genre": "opinion",
        "title": "Stand with Iraq",
        "text": (
            "We must stand with the brave Iraqi soldiers. I believe the terrorists of Daesh "
            "should be defeated, and our leaders should say so plainly. The barbaric terrorists "
            "murdered our neighbours."
        ),
    },
    {
        "outlet": WIRE,
        "published": "2016-10-20",
        "genre": "news",
        "title": "Fighting in Mosul suburbs",
        "text": (
            "ISIS militants entered the suburbs of Mosul on Monday. Twelve civilians died in "
            "the fighting. The Iraqi army moved into the village of Hamdaniya."
        ),
    },
]


def build(folder: Path) -> Path:
    """Analyse the corpus into ``folder/outlets.duckdb`` (``analyze`` runs the stances pass)."""
    source = folder / "outlets.jsonl"
    source.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCUMENTS), encoding="utf-8"
    )
    db = folder / "outlets.duckdb"
    result = CliRun(db)("analyze", str(source), "--format", "table")
    assert result.exit_code == 0, result.output
    con = connect(db)
    try:
        assert update_stances(con) == 0  # analyze has already scored every document
        scored = con.execute("SELECT count(DISTINCT doc_id) FROM stances").fetchone()
        assert scored == (len(DOCUMENTS),)
    finally:
        con.close()
    return db
