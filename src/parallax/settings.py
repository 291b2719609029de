"""Settings, validated in one place: defaults, then ``PARALLAX_*`` environment, then options.

Every knob a user may turn lives here with its default and its reason, so the CLI, the Python
API and the tests agree on what the knobs are and reject bad values the same way.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parallax.errors import UsageError

DEFAULT_DB = "parallax.duckdb"
#: DuckDB's buffer pool for an empty store, in MB; by default it grows by a 64th of the
#: store's size (``parallax.store.db.automatic_memory_mb``). DuckDB's own default is 80% of the
#: machine's memory, and it keeps every page a query read until that fills: a long run's memory
#: would climb with the store. Capped, DuckDB evicts (and spills large sorts to disk).
BASE_DB_MEMORY_MB = 256
#: The same while ``analyze``/``ingest`` writes its batches. Writing needs only the pages of
#: one batch, but DuckDB keeps every page it wrote until the cap is reached, so with the query
#: cap the writer's memory climbed with the store for the first ~250 MB (measured: the writer
#: alone, 48 MB cap, flat over 10,000 documents at the same speed per batch).
WRITE_DB_MEMORY_MB = 96
#: Most analysis processes chosen automatically: beyond four, memory (a pipeline each) grows
#: faster than a laptop's throughput does.
AUTO_WORKERS_MAX = 4


class Settings(BaseModel):
    """Knobs for ingest and analysis; each field documents why its default is what it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    db: Path = Field(default=Path(DEFAULT_DB), description="The DuckDB store (env PARALLAX_DB).")
    max_doc_mb: float = Field(
        default=10.0,
        gt=0,
        description=(
            "Largest single document, in MB (env PARALLAX_MAX_DOC_MB). A news article is "
            "rarely over 1 MB of text; anything far larger is a dump, not an article, and would "
            "dominate memory."
        ),
    )
    batch_size: int = Field(
        default=200,
        ge=1,
        le=100_000,
        description=(
            "Documents per database transaction (env PARALLAX_BATCH_SIZE): larger is faster, "
            "smaller loses less work to an interruption."
        ),
    )
    workers: int = Field(
        default=0,
        ge=0,
        le=64,
        description=(
            "Processes that analyse documents in parallel (env PARALLAX_WORKERS); 0 = one per "
            f"CPU core, at most {AUTO_WORKERS_MAX}. Each holds its own pipeline (~0.3-0.4 GB), so "
            "lower it on a machine short of memory; 1 analyses in the calling process."
        ),
    )
    db_memory_mb: int | None = Field(
        default=None,
        ge=64,
        le=1_000_000,
        description=(
            "Most memory DuckDB keeps for its cache, sorts and key indexes, in MB (env "
            f"PARALLAX_DB_MEMORY_MB). Unset: {BASE_DB_MEMORY_MB} MB ({WRITE_DB_MEMORY_MB} MB "
            "while writing batches) plus a 64th of the store's size, following the store as "
            "it grows (the key indexes must fit). "
            "DuckDB's own default, 80% of the machine, lets the cache grow with the store; "
            "past the cap it evicts pages and spills large sorts to disk."
        ),
    )

    kb: tuple[Path, ...] = Field(
        default=(),
        description=(
            "Your own actor/place YAML files laid over the shipped knowledge base (env "
            "PARALLAX_KB, several joined by the path separator): local militias, officials and "
            "places the shipped registry lacks."
        ),
    )

    @property
    def worker_count(self) -> int:
        """The number of analysis processes ``workers`` asks for (0 resolved to the cores)."""
        if self.workers:
            return self.workers
        return max(1, min(os.cpu_count() or 1, AUTO_WORKERS_MAX))

    @property
    def max_doc_bytes(self) -> int:
        """The document size cap in bytes."""
        return int(self.max_doc_mb * 1_000_000)


_ENV = {
    "db": "PARALLAX_DB",
    "max_doc_mb": "PARALLAX_MAX_DOC_MB",
    "batch_size": "PARALLAX_BATCH_SIZE",
    "workers": "PARALLAX_WORKERS",
    "db_memory_mb": "PARALLAX_DB_MEMORY_MB",
    "kb": "PARALLAX_KB",
}


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment with ``overrides`` (``None`` values ignored) on top."""
    values: dict[str, Any] = {k: os.environ[v] for k, v in _ENV.items() if os.environ.get(v)}
    if "kb" in values:
        values["kb"] = tuple(Path(p) for p in values["kb"].split(os.pathsep) if p)
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise UsageError(f"invalid settings: {problems}") from exc
