"""Shared fixtures for the end-to-end tests: the real site, a real server, a real Chromium.

A plain `pytest` is self-contained: the site is built once per run by `sitebuild.build()` into a
temporary folder (tests/conftest.py), served on 127.0.0.1 under a path prefix and cached as on
GitHub Pages, and driven through pytest-playwright in Debian's Chromium with a phone's viewport.

Fixtures, from the bottom up:

    built_site      (session)  Path of the site built once per run (tests/conftest.py).
    site_server     (session)  SiteServer serving built_site at http://127.0.0.1:<port>/offereval/,
                               served like GitHub Pages (gzip, max-age=600, 304s, 404.html).
    site_url        (session)  site_server.url, the site's root URL, ending with "/".
    serve_site      (function) Factory: serve_site(directory, prefix="/offereval/",
                               caching="pages", faults=None) -> SiteServer, for another build,
                               prefix, caching or broken download; stopped after the test.
    request_log     (function) RequestLog of every request the test's browser `context` makes:
                               its pages, their workers and (in Chromium) its service workers.
                               A test ends with request_log.assert_same_origin(site_url).
    page, context   pytest-playwright's, launched with the options below.

Browser: OFFEREVAL_CHROMIUM, else /usr/bin/chromium (Playwright cannot download its own here),
headless unless `--headed`, with the flags a sandboxed machine without internet needs. Contexts
get a 360x740 phone viewport with touch, so every test checks the phone layout.

Example:

    def test_calculator_loads(page, site_server, request_log):
        page.goto(site_server.url_for("calculator/"))
        ...
        request_log.assert_same_origin(site_server.origin)
"""

from __future__ import annotations

import dataclasses
import os
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Request

from sitebuild import chromium
from sitebuild.pages_server import Caching, Fault, PagesServer

DEFAULT_PREFIX = "/offereval/"
# Playwright reports a service worker's own requests on its context only with this set (older
# releases call the feature experimental); the origin check must see them too.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


# ---- The site, built and served ------------------------------------------------------------


class SiteServer(PagesServer):
    """One site folder served like GitHub Pages (sitebuild/pages_server.py: gzip, caching and
    304s, its 404.html for a missing page, broken downloads on demand) under one path prefix,
    on 127.0.0.1 (a free port), in a thread.

    `directory` may be changed while serving: the next request reads the new folder, which is
    how a test publishes a new build at the same address. `caching` is "pages" (the default:
    how the site is really served) or "no-store", for a test that needs every byte anew;
    `faults` maps a path's ending to "cut" or "stall": its download breaks half-way.
    """

    def __init__(
        self,
        directory: Path,
        prefix: str = DEFAULT_PREFIX,
        caching: Caching = "pages",
        faults: dict[str, Fault] | None = None,
    ) -> None:
        super().__init__({prefix: Path(directory)}, caching=caching, faults=faults)
        self.prefix = prefix

    @property
    def directory(self) -> Path:
        return self.mounts[self.prefix]

    @directory.setter
    def directory(self, folder: Path) -> None:
        self.mounts[self.prefix] = Path(folder)

    @property
    def url(self) -> str:
        """The site's root URL, ending with "/"."""
        return self.origin + self.prefix

    @property
    def fetched(self) -> list[str]:
        """The path of every file sent in full or in part (a 200), in order."""
        return [sent.path for sent in self.log if sent.status == 200]

    def __enter__(self) -> SiteServer:
        self.start()
        return self


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    """The session's build, served at http://127.0.0.1:<port>/offereval/."""
    with SiteServer(built_site) as server:
        yield server


@pytest.fixture(scope="session")
def site_url(site_server: SiteServer) -> str:
    """The served site's root URL, ending with "/"."""
    return site_server.url


@pytest.fixture(scope="session")
def calculator_url(site_server: SiteServer) -> str:
    """The calculator's page on the session's server."""
    return site_server.url_for("calculator/")


@pytest.fixture
def serve_site() -> Iterator[Callable[..., SiteServer]]:
    """Factory for extra servers: serve_site(directory, prefix, caching, faults) -> SiteServer."""
    servers: list[SiteServer] = []

    def serve(
        directory: Path,
        prefix: str = DEFAULT_PREFIX,
        caching: Caching = "pages",
        faults: dict[str, Fault] | None = None,
    ) -> SiteServer:
        server = SiteServer(Path(directory), prefix, caching, faults)
        server.start()
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()


# ---- The browser ---------------------------------------------------------------------------


def chromium_executable() -> str:
    """OFFEREVAL_CHROMIUM if set, else Debian's Chromium; fails with what to do if neither."""
    path = chromium.executable()
    if not os.access(path, os.X_OK):
        pytest.exit(
            f"no Chromium at {path}: install Debian's 'chromium' package (scripts/bootstrap "
            "--browser does) or set OFFEREVAL_CHROMIUM to a Chromium or Chrome executable",
            returncode=1,
        )
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch options, with our Chromium and the flags it needs here."""
    args = [*browser_type_launch_args.get("args", []), *chromium.ARGS]
    return {**browser_type_launch_args, "executable_path": chromium_executable(), "args": args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Every context is a phone: 360 px wide, touch, twice the pixel density.

    And it registers no service worker, unless a test says `@ALLOW_SERVICE_WORKERS`: in every
    test's fresh context the site's service worker would start downloading the whole site,
    16 MB with the Python runtime, which costs more than most tests themselves. The tests of
    working offline and updating (test_pwa.py), the calculator under the policy and the origin
    check, which must see the service worker's own requests, allow it.
    """
    return {**browser_context_args, **PHONE, "service_workers": "block"}


# For a test that needs the site's service worker (see browser_context_args).
ALLOW_SERVICE_WORKERS = pytest.mark.browser_context_args(service_workers="allow")


@dataclasses.dataclass
class RequestLog:
    """Every URL a browser context requested, in order (pages, workers, service workers)."""

    urls: list[str] = dataclasses.field(default_factory=list)

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def foreign(self, origin: str) -> list[str]:
        """The requests that went to any origin but `origin` (data: and blob: stay local)."""
        allowed = _origin_of(origin)
        return [
            url
            for url in self.urls
            if urllib.parse.urlsplit(url).scheme not in ("data", "blob")
            and _origin_of(url) != allowed
        ]

    def assert_same_origin(self, origin: str) -> None:
        """Fail, listing them, if any request left `origin` (a URL on it also works)."""
        assert self.urls, "no request was recorded: was the page loaded through this context?"
        offenders = self.foreign(origin)
        assert not offenders, f"requests left {_origin_of(origin)}: {offenders}"


def _origin_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def request_log(context: BrowserContext) -> RequestLog:
    """Records every request of the test's `context`; call assert_same_origin() to check."""
    log = RequestLog()
    context.on("request", log.record)
    return log
