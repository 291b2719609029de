"""The FastAPI application: read-only routes over a store, the web UI, and strict headers.

Article text is untrusted input, and the UI shows it; so every response carries a
Content-Security-Policy that allows only this origin's own scripts and styles (no inline
script, no CDN), the API answers JSON only, and ``/docs``/``/redoc`` are off because they load
their assets from a CDN. ``/openapi.json`` stays: it is the contract clients and tests use.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from starlette.datastructures import MutableHeaders
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parallax.api import routes_corpus, routes_records
from parallax.api.deps import ReadOnlyStore
from parallax.errors import ParallaxError, StoreError

#: Where the built web UI lives inside the package.
STATIC_DIR: Final = Path(__file__).resolve().parent.parent / "web" / "static"

CONTENT_SECURITY_POLICY: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Final = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _problem(errors: Sequence[Any]) -> str:
    """FastAPI's list of validation errors as one line naming each input and its value."""
    parts = []
    for error in errors:
        location = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        name = ".".join(location) or "request"
        message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        # Our own validators quote the value already; pydantic's messages do not.
        if error.get("type") != "value_error" and error.get("input") is not None:
            message += f" (got {str(error['input'])[:80]!r})"
        parts.append(f"{name}: {message}")
    return "; ".join(parts)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": _problem(exc.errors())}, status_code=422)


async def _parallax_error(request: Request, exc: Exception) -> JSONResponse:
    status = 503 if isinstance(exc, StoreError) else 400
    return JSONResponse({"detail": str(exc)}, status_code=status)


def _package_version() -> str:
    try:
        return version("parallax")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def create_app(db_path: Path, *, static_dir: Path | None = None) -> FastAPI:
    """The API over the store at ``db_path``, opened read-only now (a missing or unmigrated
    store raises ``StoreError`` here, before any server starts) and closed on shutdown."""
    store = ReadOnlyStore(db_path)
    static = static_dir or STATIC_DIR

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Parallax",
        summary="What happened in a conflict, and who says so: a read-only API over a corpus.",
        version=_package_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ParallaxError, _parallax_error)
    app.include_router(routes_records.router)
    app.include_router(routes_corpus.router)
    _mount_ui(app, static)
    return app


def _mount_ui(app: FastAPI, static: Path) -> None:
    """``/`` serves the UI's ``index.html``; ``/static/*`` the assets beside it."""
    index = static / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        if not index.is_file():
            raise HTTPException(404, f"the web UI is not installed: {index} is missing")
        return FileResponse(index, media_type="text/html; charset=utf-8")

    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")
        return

    @app.get("/static/{name:path}", include_in_schema=False)
    def no_assets(name: str) -> None:
        raise HTTPException(404, f"the web UI is not installed: {static} is missing")
