"""The published OpenAPI schema holds: schemathesis fuzzes every operation of a live server.

Each operation gets valid requests (positive) and requests that break the schema (negative);
every response must pass schemathesis' checks — no server error, a documented status code and
content type, a body matching the declared model, and invalid input rejected with a 4xx. The
schema is loaded from the running server's ``/openapi.json``, as any client would.

(schemathesis' own pytest loader, ``from_fixture``, does not run under pytest 9, so the
operations are driven here with plain Hypothesis ``@given`` over ``as_strategy``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from parallax.api.app import create_app
from parallax.api.server import running

pytestmark = [pytest.mark.slow, pytest.mark.model]

#: Examples per operation and mode: about 20 operations x 2 modes stay well under a minute.
EXAMPLES = 15


@pytest.fixture(scope="module")
def base_url(analysed_seeds: Path) -> Iterator[str]:
    with running(create_app(analysed_seeds)) as url:
        yield url


def test_every_operation_of_the_live_schema_holds(base_url: str) -> None:
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    published = {op.path for op in operations}
    assert {"/api/events", "/api/documents/{doc_id}", "/api/search"} <= published
    assert len(operations) >= 20

    problems: list[str] = []
    for operation in operations:
        modes = [GenerationMode.POSITIVE]
        if any(True for _ in operation.iter_parameters()):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:

            @given(case=operation.as_strategy(mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,  # the same examples every run: CI must not flake
                print_blob=False,
                suppress_health_check=list(HealthCheck),
            )
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate()

            try:
                check()
            except Exception as exc:  # every failing operation is reported, not just the first
                problems.append(f"{operation.label} ({mode}): {exc}")
    assert not problems, "\n\n".join(problems)


def test_schema_is_served_and_interactive_docs_are_off(base_url: str) -> None:
    # /docs and /redoc would load their scripts from a CDN; the schema itself is the contract.
    with httpx.Client(base_url=base_url, timeout=30) as client:
        schema = client.get("/openapi.json")
        assert schema.status_code == 200
        assert schema.json()["info"]["title"] == "Parallax"
        for path in ("/docs", "/redoc"):
            assert client.get(path).status_code == 404
