"""Debian's chromium driven by Playwright, for the browser tests: offline and watched for errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless chromium (the machine's, never a downloaded one)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class WatchedPage:
    """A page that records console errors, page errors, dialogs and requests leaving the
    machine, so a test can assert that none happened."""

    def __init__(self, browser: Browser, allowed_hosts: tuple[str, ...] = ("127.0.0.1",)) -> None:
        self.page: Page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

        def request(req: object) -> None:
            url = str(getattr(req, "url", ""))
            local = url.startswith(("data:", "file:", "about:")) or any(
                f"//{host}" in url for host in allowed_hosts
            )
            if not local:
                self.outside.append(url)

        self.page.on("request", request)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(str(getattr(dialog, "message", "")))
        getattr(dialog, "dismiss")()  # noqa: B009  (the handler must answer the dialog)

    def clean(self) -> None:
        """Assert the page has done nothing wrong so far."""
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs
        assert not self.outside, self.outside
