"""Headless Chromium for the report's tests: Debian's chromium driven by Playwright from
PyPI (its own browser download does not work offline), with the network off. Every
request that does not read a file:// URL is refused and recorded, as are failed loads,
script errors and console errors: a test asserts those lists are empty."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

import pytest


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def offline_browser():
    """Yields a Playwright browser, or skips (fails under CI) when there is none."""
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        pytest.skip("playwright is not installed (requirements-dev.txt)")
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (make test installs it with apt)")
        pytest.skip("chromium is not installed: apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


class OfflinePage:
    """A page in a fresh offline context; ``problems`` collects what went wrong."""

    def __init__(self, browser, viewport=(1280, 1000)):
        self.problems: list[str] = []
        self.context = browser.new_context(
            offline=True, accept_downloads=True,
            viewport={"width": viewport[0], "height": viewport[1]})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("requestfailed", lambda r: self.problems.append(
            f"failed request {r.url}: {r.failure}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "blob:", "data:")):
            route.continue_()
        else:
            self.problems.append(f"network request refused: {url}")
            route.abort()

    def open(self, index_path, timeout_ms: int = 20000):
        self.page.goto(f"file://{os.path.abspath(index_path)}")
        self.wait_ready(timeout_ms)
        return self.page

    def wait_ready(self, timeout_ms: int = 20000):
        try:
            self.page.wait_for_function("document.body.dataset.ready === '1'",
                                        timeout=timeout_ms)
        except Exception as err:  # noqa: BLE001 (re-raised with what the page saw)
            raise AssertionError(f"the page never got ready ({type(err).__name__}); "
                                 f"problems: {self.problems}") from err

    def close(self):
        self.context.close()
