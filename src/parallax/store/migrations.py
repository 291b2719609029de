"""The DuckDB schema, as an ordered list of migrations.

A database records the version it is at in ``schema_version``; opening it applies every later
migration in one transaction. Never edit a released migration: append a new one, and document
the change in ``docs/schema.md``.
"""

from __future__ import annotations

import re
from typing import Final

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, their raw bytes, segments, where each came from, and failed inputs.
    """
    CREATE TABLE blobs (
        sha256      VARCHAR PRIMARY KEY,   -- SHA-256 of the raw input bytes
        size        BIGINT NOT NULL,       -- uncompressed size in bytes
        media       VARCHAR NOT NULL,      -- text | html
        data        BLOB NOT NULL          -- zlib-compressed raw bytes
    );
    CREATE TABLE documents (
        id            VARCHAR PRIMARY KEY, -- first 16 hex digits of sha256
        sha256        VARCHAR NOT NULL,
        source_format VARCHAR NOT NULL,    -- text | html | jsonl | warc | wet
        outlet        VARCHAR,
        title         VARCHAR,
        author        VARCHAR,
        published     DATE,
        published_is_estimate BOOLEAN,
        url           VARCHAR,
        genre         VARCHAR,
        language      VARCHAR,
        extra         JSON,                -- metadata fields Parallax does not know
        text          VARCHAR NOT NULL,    -- the cleaned text every offset indexes into
        chars         INTEGER NOT NULL,
        words         INTEGER NOT NULL,    -- words in body segments
        fingerprint   VARCHAR NOT NULL,    -- hash of metadata + text + segments
        ingested_at   TIMESTAMP NOT NULL,
        updated_at    TIMESTAMP NOT NULL
    );
    CREATE TABLE segments (
        doc_id  VARCHAR NOT NULL,
        idx     INTEGER NOT NULL,
        kind    VARCHAR NOT NULL,          -- title|byline|dateline|body|caption|comment|boilerplate
        start   INTEGER NOT NULL,
        "end"   INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE sources (
        source   VARCHAR NOT NULL,         -- absolute path, or <stdin>
        locator  VARCHAR NOT NULL,         -- '' for a whole file; 'line N' or a WARC record id
        doc_id   VARCHAR NOT NULL,
        seen_at  TIMESTAMP NOT NULL,
        PRIMARY KEY (source, locator)
    );
    CREATE TABLE failures (
        source   VARCHAR NOT NULL,
        locator  VARCHAR NOT NULL,
        kind     VARCHAR NOT NULL,         -- decode | binary | empty | too-large | format | ...
        reason   VARCHAR NOT NULL,
        seen_at  TIMESTAMP NOT NULL,
        PRIMARY KEY (source, locator)
    );
    """,
    # 2: the facts layer. One table per record kind of the data contract, keyed by document
    # and position; `segment` is the kind of segment the record lies in (comment = readers).
    # `analyses` says which extractor version produced a document's records.
    """
    CREATE TABLE analyses (
        doc_id      VARCHAR PRIMARY KEY,
        version     VARCHAR NOT NULL,      -- parallax.extract.annotate.EXTRACTOR_VERSION
        analyzed_at TIMESTAMP NOT NULL
    );
    CREATE TABLE entities (
        doc_id   VARCHAR NOT NULL,
        idx      INTEGER NOT NULL,
        start    INTEGER NOT NULL,
        "end"    INTEGER NOT NULL,
        text     VARCHAR NOT NULL,
        segment  VARCHAR,
        label    VARCHAR NOT NULL,         -- PERSON|ORG|GPE|LOC|NORP|FAC|EVENT
        actor_id VARCHAR,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE places (
        doc_id        VARCHAR NOT NULL,
        idx           INTEGER NOT NULL,
        start         INTEGER NOT NULL,
        "end"         INTEGER NOT NULL,
        text          VARCHAR NOT NULL,
        segment       VARCHAR,
        geonameid     BIGINT,
        name          VARCHAR,
        country_code  VARCHAR,             -- ISO 3166-1 alpha-3
        lat           DOUBLE,
        lon           DOUBLE,
        feature_class VARCHAR,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE times (
        doc_id   VARCHAR NOT NULL,
        idx      INTEGER NOT NULL,
        start    INTEGER NOT NULL,
        "end"    INTEGER NOT NULL,
        text     VARCHAR NOT NULL,
        segment  VARCHAR,
        type     VARCHAR NOT NULL,         -- DATE|TIME|DURATION|SET
        value    VARCHAR,                  -- TimeML value, NULL when unresolved
        earliest VARCHAR,
        latest   VARCHAR,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE figures (
        doc_id     VARCHAR NOT NULL,
        idx        INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        text       VARCHAR NOT NULL,
        segment    VARCHAR,
        value      DOUBLE,
        low        DOUBLE,
        high       DOUBLE,
        unit       VARCHAR,
        quantity   VARCHAR NOT NULL,
        about      VARCHAR,
        claimed_by VARCHAR,
        PRIMARY KEY (doc_id, idx)
    );
    """,
    # 3: quotes. Direct and indirect speech; `text` is the quoted or reported content, `cue`
    # the attribution words, `speaker*` the resolved speaker mention and its actor.
    """
    CREATE TABLE quotes (
        doc_id           VARCHAR NOT NULL,
        idx              INTEGER NOT NULL,
        start            INTEGER NOT NULL,
        "end"            INTEGER NOT NULL,
        text             VARCHAR NOT NULL,
        segment          VARCHAR,
        direct           BOOLEAN NOT NULL,
        cue              VARCHAR,
        speaker          VARCHAR,
        speaker_start    INTEGER,
        speaker_end      INTEGER,
        speaker_actor_id VARCHAR,
        PRIMARY KEY (doc_id, idx)
    );
    """,
    # 4: events. The sentence span, the trigger, the PLOVER type/mode/quad class and status,
    # actor and recipient (coded; compound actors join their codes with "+"), place, date,
    # ACLED codes, and the linked figures as JSON (parallax.store.event_rows).
    """
    CREATE TABLE events (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        segment VARCHAR,
        "type" VARCHAR NOT NULL,          -- PLOVER event type
        "mode" VARCHAR,
        "quad" VARCHAR,
        "status" VARCHAR NOT NULL,        -- asserted|reported|hypothetical|negated|future
        "trigger_start" INTEGER,
        "trigger_end" INTEGER,
        "trigger_text" VARCHAR,
        "actor_start" INTEGER,
        "actor_end" INTEGER,
        "actor_text" VARCHAR,
        "actor_id" VARCHAR,
        "actor_name" VARCHAR,
        "actor_country" VARCHAR,
        "actor_sector" VARCHAR,
        "recipient_start" INTEGER,
        "recipient_end" INTEGER,
        "recipient_text" VARCHAR,
        "recipient_actor_id" VARCHAR,
        "recipient_name" VARCHAR,
        "recipient_country" VARCHAR,
        "recipient_sector" VARCHAR,
        "place_start" INTEGER,
        "place_end" INTEGER,
        "place_text" VARCHAR,
        "place_geonameid" BIGINT,
        "place_name" VARCHAR,
        "place_country_code" VARCHAR,
        "place_lat" DOUBLE,
        "place_lon" DOUBLE,
        "place_feature_class" VARCHAR,
        "date_start" INTEGER,
        "date_end" INTEGER,
        "date_text" VARCHAR,
        "date_type" VARCHAR,
        "date_value" VARCHAR,
        "date_earliest" VARCHAR,
        "date_latest" VARCHAR,
        "acled_event_type" VARCHAR,
        "acled_sub_event_type" VARCHAR,
        "figures" VARCHAR,                -- JSON list of the linked figures
        PRIMARY KEY (doc_id, idx)
    );
    """,
    # 5: the cross-source passes (parallax.corpus). `corpus_passes` remembers which pass saw a
    # document after its last analysis, so each pass only handles new or re-analysed documents.
    # A source family is a set of near-duplicate documents (syndicated copies): they count as one
    # source in corroboration. `event_mentions` ties each stored event (doc_id, idx) to its merged
    # event; `stances` holds target-dependent sentiment toward each actor mention.
    """
    CREATE TABLE corpus_passes (
        doc_id  VARCHAR NOT NULL,
        pass    VARCHAR NOT NULL,          -- families | stories | stances | ...
        version VARCHAR NOT NULL,
        done_at TIMESTAMP NOT NULL,
        PRIMARY KEY (doc_id, pass)
    );
    CREATE TABLE families (
        doc_id     VARCHAR PRIMARY KEY,
        family_id  VARCHAR NOT NULL,       -- id of the family's first document
        similarity DOUBLE                  -- estimated Jaccard similarity to that document
    );
    CREATE TABLE stories (
        id         VARCHAR PRIMARY KEY,
        label      VARCHAR,
        first_date DATE,
        last_date  DATE,
        terms      VARCHAR                 -- JSON: the story's weighted key terms
    );
    CREATE TABLE story_documents (
        doc_id   VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        score    DOUBLE                    -- similarity to the story when the document joined
    );
    CREATE TABLE merged_events (
        id                 VARCHAR PRIMARY KEY,
        story_id           VARCHAR,
        "type"             VARCHAR NOT NULL,
        "mode"             VARCHAR,
        "quad"             VARCHAR,
        actor_id           VARCHAR,
        actor_name         VARCHAR,
        recipient_actor_id VARCHAR,
        recipient_name     VARCHAR,
        place_name         VARCHAR,
        country_code       VARCHAR,
        lat                DOUBLE,
        lon                DOUBLE,
        date_earliest      VARCHAR,
        date_latest        VARCHAR,
        mentions           INTEGER NOT NULL,
        outlets            INTEGER NOT NULL,
        corroboration      INTEGER NOT NULL, -- distinct source families reporting it
        confidence         DOUBLE NOT NULL,
        statuses           VARCHAR,          -- JSON: status -> mention count
        disputed           BOOLEAN NOT NULL  -- mentions disagree (status, type or figures)
    );
    CREATE TABLE event_mentions (
        doc_id   VARCHAR NOT NULL,
        idx      INTEGER NOT NULL,
        event_id VARCHAR NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE stances (
        doc_id         VARCHAR NOT NULL,
        idx            INTEGER NOT NULL,
        actor_id       VARCHAR NOT NULL,
        start          INTEGER NOT NULL,   -- the actor mention
        "end"          INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end   INTEGER NOT NULL,
        score          DOUBLE NOT NULL,    -- -1 (hostile) .. +1 (favourable)
        label          VARCHAR NOT NULL,   -- positive | negative | neutral
        PRIMARY KEY (doc_id, idx)
    );
    """,
)

#: Record tables keyed by (doc_id, idx). Their rows are only ever replaced a whole document at
#: a time (delete, then insert), so the key checked nothing the writer does not already ensure.
_RECORD_TABLES: Final = (
    "segments",
    "entities",
    "places",
    "times",
    "figures",
    "quotes",
    "events",
    "event_mentions",
    "stances",
)


def _unkeyed(table: str) -> str:
    """SQL that rebuilds ``table`` as created by the migrations above, without its primary key,
    keeping every row, column, type and NOT NULL."""
    created = re.search(rf"CREATE TABLE {table} \((.*?)\n    \);", "".join(MIGRATIONS), re.S)
    if created is None:
        raise LookupError(f"no CREATE TABLE {table} in the migrations")
    columns = re.sub(r",(\s*--[^\n]*)?\n\s*PRIMARY KEY \(doc_id, idx\)", r"\1", created.group(1))
    return (
        f"CREATE TABLE {table}_unkeyed ({columns}\n);\n"
        f"INSERT INTO {table}_unkeyed SELECT * FROM {table};\n"
        f"DROP TABLE {table};\n"
        f"ALTER TABLE {table}_unkeyed RENAME TO {table};\n"
    )


MIGRATIONS += (
    # 6: no primary key on the record tables. DuckDB keeps each key's ART index in its buffer
    # pool, so the memory a long `parallax analyze` needed grew with the store (docs/
    # performance.md); per-document replacement keeps the rows unique without it.
    "".join(_unkeyed(table) for table in _RECORD_TABLES),
)

SCHEMA_VERSION = len(MIGRATIONS)
