"""Shared fixtures for the end-to-end tests: the real site, a real server, a real Chromium.

A plain `pytest` is self-contained: the site is built once per run by `sitebuild.build()` into a
temporary folder (tests/conftest.py), served on 127.0.0.1 under a path prefix and cached as on
GitHub Pages, and driven through pytest-playwright in Debian's Chromium with a phone's viewport.

Fixtures, from the bottom up:

    built_site      (session)  Path of the site built once per run (tests/conftest.py).
    site_server     (session)  SiteServer serving built_site at http://127.0.0.1:<port>/offereval/,
                               cached like GitHub Pages (max-age=600, 304s).
    site_url        (session)  site_server.url, the site's root URL, ending with "/".
    serve_site      (function) Factory: serve_site(directory, prefix="/offereval/",
                               caching="pages", faults=None) -> SiteServer, for another build,
                               prefix, caching or broken download; stopped after the test.
    shared_browser  (session)  A phone's browser with a profile on disk, for the tests that
                               share one: it keeps its HTTP cache and compiled code.
    shared_desktop_browser     The same for a desktop (session).
    context         (function) The test's browser: shared_browser, left as found (nothing saved
                               for the site, no page, route or offline mode), or a fresh
                               context for a test with its own browser options, another server
                               (serve_site) or @OWN_BROWSER.
    page            (function) pytest-playwright's: a new page in `context`.
    desktop_page    (function) A page in a shared 1366 x 768 desktop browser (no touch);
                               page_of_size(request, "phone" | "desktop") picks one of the two.
    request_log     (function) RequestLog of every request the test's browser `context` makes:
                               its pages, their workers and (in Chromium) its service workers.
                               A test ends with request_log.assert_same_origin(site_url).

Browser: OFFEREVAL_CHROMIUM, else /usr/bin/chromium (Playwright cannot download its own here),
headless unless `--headed`, with the flags a sandboxed machine without internet needs. Contexts
get a 360x740 phone viewport with touch, so every test checks the phone layout.

Starting the calculator compiles Pyodide's WebAssembly. A fresh context, like a first visit,
compiles it anew each time; the shared browser compiles it once per worker and then reads it
from Chromium's code cache, which halves what a calculator test costs.

Example:

    def test_calculator_loads(page, site_server, request_log):
        page.goto(site_server.url_for("calculator/"))
        ...
        request_log.assert_same_origin(site_server.origin)
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import urllib.parse
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, BrowserType, CDPSession, Page, Request

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
DESKTOP = {"viewport": {"width": 1366, "height": 768}, "is_mobile": False, "has_touch": False}


# ---- The site, built and served ------------------------------------------------------------


class SiteServer(PagesServer):
    """One site served like GitHub Pages (sitebuild.pages_server) under `prefix`, on
    127.0.0.1 (a free port), in a thread.

    `directory` may be changed while serving: the next request reads the new folder, which is
    how a test publishes a new build at the same address. "pages" caching (the default) is how
    the site is really served: ten minutes in the browser's cache, then 304s; "no-store" is for
    a test that needs every byte anew. `faults` maps a path's ending to "cut" or "stall" (its
    download breaks half-way); `fetched` lists the path of every file sent whole, in order.
    """

    def __init__(
        self,
        directory: Path,
        prefix: str = DEFAULT_PREFIX,
        caching: Caching = "pages",
        faults: dict[str, Fault] | None = None,
    ) -> None:
        super().__init__({prefix: directory}, caching=caching, faults=faults)
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
        return self.url_for("")


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
        server = SiteServer(Path(directory), prefix, caching, faults).start()
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
def request_log(context: BrowserContext) -> Iterator[RequestLog]:
    """Records every request of the test's `context`; call assert_same_origin() to check."""
    log = RequestLog()
    context.on("request", log.record)
    yield log
    context.remove_listener("request", log.record)


# ---- One browser for the tests that share it ---------------------------------------------------

# For a test that needs a browser of its own, as on a first visit (see `context`).
OWN_BROWSER = pytest.mark.own_browser
# What a test may leave in the shared browser's storage for the site, and the next test must
# not find: everything the site can save, but not the HTTP cache and the compiled code.
_SITE_DATA = (
    "cookies,file_systems,indexeddb,local_storage,service_workers,cache_storage,"
    "shared_storage,storage_buckets"
)


@pytest.fixture(scope="session")
def shared_browser(
    browser_type: BrowserType,
    browser_type_launch_args: dict[str, Any],
    browser_context_args: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[BrowserContext]:
    """A phone's browser with a profile on disk, which the tests of a worker take in turns.

    Unlike a fresh context, it keeps Chromium's HTTP cache and its cache of compiled code, as
    a returning visitor's browser does: the calculator's WebAssembly runtime is compiled once
    per worker instead of once per test, which halves what starting the calculator costs.
    """
    profile = tmp_path_factory.mktemp("profile")
    context = browser_type.launch_persistent_context(
        profile, **browser_type_launch_args, **browser_context_args
    )
    yield context
    context.close()


@pytest.fixture(scope="session")
def shared_desktop_browser(
    browser_type: BrowserType,
    browser_type_launch_args: dict[str, Any],
    browser_context_args: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[BrowserContext]:
    """A desktop's browser, shared like `shared_browser`: 1366 x 768, a mouse, no touch."""
    profile = tmp_path_factory.mktemp("desktop-profile")
    args = {**browser_context_args, **DESKTOP}
    context = browser_type.launch_persistent_context(profile, **browser_type_launch_args, **args)
    yield context
    context.close()


# Per browser, a page kept open to delete what the site saved and read back what is left: a
# page opened for each deletion started a renderer each time. It waits on the site's origin,
# on the server's plain 404 outside the site's prefix (no script of the site runs there), and
# sees what the origin keeps as any open page of it does, at once.
_CLEANERS: dict[BrowserContext, tuple[Page, CDPSession]] = {}
_KEPT = "async () => [...Object.keys(localStorage), ...(await caches.keys())]"
# Deletions tried before a test is refused a browser whose storage keeps something.
_DELETIONS = 3


def _cleaner(context: BrowserContext) -> tuple[Page, CDPSession]:
    cleaner = _CLEANERS.get(context)
    if cleaner is None or cleaner[0].is_closed():
        page = context.new_page()
        cleaner = _CLEANERS[context] = (page, context.new_cdp_session(page))
    return cleaner


def _kept_as_seen_by(page: Page, origin: str) -> list[str]:
    """The keys of what `origin` keeps, as `page` sees them from the server's plain 404."""
    if not page.url.startswith(origin + "/"):
        page.goto(origin + "/")
    kept: list[str] = page.evaluate(_KEPT)
    return kept


def left_behind(context: BrowserContext, origin: str) -> list[str]:
    """The keys of what `origin` keeps in `context`: local storage, then the caches' names."""
    return _kept_as_seen_by(_cleaner(context)[0], origin)


def left_behind_afresh(context: BrowserContext, origin: str) -> list[str]:
    """What `origin` keeps in `context`, read by a page opened for it (whose renderer has
    cached nothing of the origin's storage)."""
    page = context.new_page()
    try:
        return _kept_as_seen_by(page, origin)
    finally:
        page.close()


def forget_site_data(context: BrowserContext, origin: str) -> None:
    """Delete everything the pages of `origin` saved in `context` (not the HTTP cache), then
    read back that nothing is left.

    A CI run once started a test on the offers the test before had saved, after their
    deletion. Why is not known: Chromium keeps the storage in a process of its own, which
    pages and the deletion reach by different ways. So a test starts only once nothing is
    kept: as the page waiting on the origin sees it, or, when that page still sees something,
    as a page opened then sees it (about once a run under load the waiting page has not yet
    been told of the deletion, and a new page sees nothing). What a new page still sees is
    deleted again, with a warning in the run's summary naming it.
    """
    _, session = _cleaner(context)
    for deletion in range(1, _DELETIONS + 1):
        session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": _SITE_DATA})
        if not left_behind(context, origin):
            return
        kept = left_behind_afresh(context, origin)
        if not kept:
            return
        warnings.warn(f"deletion {deletion} of the site's data left {kept}", stacklevel=2)
    raise RuntimeError(f"the browser keeps {kept} for {origin} after {_DELETIONS} deletions")


@contextlib.contextmanager
def _lent(shared: BrowserContext, origin: str) -> Iterator[BrowserContext]:
    """A shared browser with nothing saved for `origin`; its pages (but the one that deletes),
    routes and offline mode are gone afterwards."""
    forget_site_data(shared, origin)
    try:
        yield shared
    finally:
        cleaner, _ = _cleaner(shared)
        for page in shared.pages:  # a calculator left open would go on using a core
            if page is not cleaner:
                page.close()
        shared.unroute_all(behavior="ignoreErrors")
        shared.set_offline(False)


def _needs_its_own_browser(request: pytest.FixtureRequest) -> bool:
    """A test that asks for other browser options, another server (whose port an earlier
    test's cached files may have had) or says @OWN_BROWSER gets a fresh context."""
    node = request.node
    return (
        node.get_closest_marker("own_browser") is not None
        or node.get_closest_marker("browser_context_args") is not None
        or "serve_site" in request.fixturenames
    )


@pytest.fixture
def context(
    request: pytest.FixtureRequest,
    new_context: Callable[..., BrowserContext],
    site_server: SiteServer,
) -> Iterator[BrowserContext]:
    """The test's browser: the worker's shared browser, left as it was found, or a fresh
    context for a test that needs one (see `_needs_its_own_browser`).

    A test in the shared browser starts with nothing saved for the site and no page open;
    afterwards its pages are closed and its routes, offline mode and site data are gone. A
    test that changes the browser in any other way (an init script on the context, a
    permission, the clock) says @OWN_BROWSER.
    """
    if _needs_its_own_browser(request):
        yield new_context()
        return
    with _lent(request.getfixturevalue("shared_browser"), site_server.origin) as shared:
        yield shared


@pytest.fixture
def desktop_page(request: pytest.FixtureRequest, site_server: SiteServer) -> Iterator[Page]:
    """A page in the worker's shared desktop browser, lent as `context` lends the phone's."""
    with _lent(request.getfixturevalue("shared_desktop_browser"), site_server.origin) as shared:
        yield shared.new_page()


def page_of_size(request: pytest.FixtureRequest, size: str) -> Page:
    """For a test parametrized by size: `page` for "phone", `desktop_page` for "desktop"."""
    if size not in ("phone", "desktop"):
        raise ValueError(f"size must be 'phone' or 'desktop', got {size!r}")
    page: Page = request.getfixturevalue("page" if size == "phone" else "desktop_page")
    return page
