"""Offline on a phone: the site installs as an app, and after one visit every page and the
calculator work with no network, the user's offers included.

Each test serves its own copy of the session's build on its own port (a fresh origin) and runs in
a fresh browser context, because service workers and their caches persist per origin and context.
"No network" means three things at once: the context is offline, every request the browser still
makes is aborted by a route, and the server is stopped (Playwright's offline mode and routes do
not reach a service worker's own requests; a stopped server does). The server caches like GitHub
Pages (ten minutes, then a 304), except at the root of a host, which sends `no-store`.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from calculator_helpers import (
    LEGACY_KEY,
    STORAGE_KEY,
    field,
    load_example,
    open_calculator,
    root,
    table_columns,
    table_rows,
    wait_for_results,
)
from conftest import ALLOW_SERVICE_WORKERS, RequestLog, SiteServer
from playwright.sync_api import BrowserContext, BrowserType, Page, expect

from sitebuild.service_worker import write_service_worker

pytestmark = [pytest.mark.e2e, ALLOW_SERVICE_WORKERS]

DATA = Path(__file__).parent / "data"
# Exactly what the first release of the calculator saved in localStorage (schema version 1):
# every later build must still read it.
SAVED_STATE_V1 = DATA / "saved-state-v1.json"
# Installing and precaching 16 MB, the Pyodide runtime included, takes a while on a slow runner.
OFFLINE_READY_TIMEOUT_MS = 120_000
READY_TEXT = "Ready to work offline"


@pytest.fixture
def own_site(built_site: Path, tmp_path: Path, serve_site: Callable[..., SiteServer]) -> SiteServer:
    """A copy of the session's build, served like GitHub Pages on a port of its own (a fresh
    origin)."""
    copy = tmp_path / "site-a"
    shutil.copytree(built_site, copy)
    return serve_site(copy, caching="pages")


@pytest.fixture
def own_request_log(context: BrowserContext) -> Iterator[RequestLog]:
    log = RequestLog()
    context.on("request", log.record)
    yield log


def wait_until_offline_ready(page: Page) -> None:
    """Wait until a service worker controls the page and the page says it is ready offline."""
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=OFFLINE_READY_TIMEOUT_MS
    )
    status = page.locator(".app-offline")
    expect(status).to_have_text(READY_TEXT, timeout=OFFLINE_READY_TIMEOUT_MS)
    expect(status).to_have_attribute("aria-live", "polite")


def cut_network(context: BrowserContext, server: SiteServer) -> list[str]:
    """Take the network away from the pages and the service worker; returns what was aborted."""
    aborted: list[str] = []

    def abort(route) -> None:
        aborted.append(route.request.url)
        route.abort("internetdisconnected")

    context.set_offline(True)
    context.route("**/*", abort)
    server.stop()
    return aborted


def site_pages(site_dir: Path) -> dict[str, str]:
    """Every page of a built site: its path under the root ("" for the home page) -> its title."""
    pages = {}
    for index in sorted(site_dir.rglob("index.html")):
        path = index.parent.relative_to(site_dir).as_posix()
        title = re.search(r"<title>(.*?)</title>", index.read_text(encoding="utf-8"), re.S)
        assert title, f"{index} has no <title>"
        pages["" if path == "." else f"{path}/"] = title.group(1).strip().replace("&amp;", "&")
    return pages


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, read from its IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


def total_of(page: Page, row: int) -> str:
    """The Total column of the totals table's row `row` (0-based), as shown."""
    return table_rows(page, "totals")[row][table_columns(page, "totals").index("Total")]


def own_caches(page: Page) -> list[str]:
    """The names of every cache of the page's origin, sorted."""
    return sorted(page.evaluate("caches.keys()"))


def site_caches(scope: str) -> list[str]:
    """The caches the service worker keeps for the site at `scope`: pages, then the runtime."""
    return [f"offereval-precache-{scope}", f"offereval-runtime-{scope}"]


def cached_urls(page: Page, cache: str) -> list[str]:
    """The keys (URLs with their revision) of one cache."""
    script = "(name) => caches.open(name).then((c) => c.keys()).then((k) => k.map((r) => r.url))"
    return sorted(page.evaluate(script, cache))


def build_id_of(site_dir: Path) -> str:
    """The build id a built site's sw.js names its cache with."""
    text = (site_dir / "sw.js").read_text(encoding="utf-8")
    found = re.search(r"const BUILD = '([0-9a-f]{16})'", text)
    assert found, "sw.js carries no build id"
    return found.group(1)


# ---- Installing ----------------------------------------------------------------------------


@pytest.fixture
def profile_context(
    browser_type: BrowserType,
    browser_type_launch_args: dict[str, Any],
    browser_context_args: dict[str, Any],
    tmp_path: Path,
) -> Iterator[BrowserContext]:
    """A context with a profile on disk and service workers allowed: Chromium never offers to
    install from an incognito context, and the shared browsers block service workers."""
    options = {**browser_type_launch_args, **browser_context_args, "service_workers": "allow"}
    context = browser_type.launch_persistent_context(tmp_path / "profile", **options)
    yield context
    context.close()


def test_chromium_finds_the_site_installable(profile_context: BrowserContext, own_site: SiteServer):
    context = profile_context
    own_request_log = RequestLog()
    context.on("request", own_request_log.record)
    page = context.new_page()
    page.goto(own_site.url)
    wait_until_offline_ready(page)

    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"] == own_site.url_for("manifest.webmanifest")

    data = json.loads(manifest["data"])
    assert (data["start_url"], data["scope"], data["id"]) == ("./", "./", "./")
    assert data["display"] == "standalone"
    assert data["name"] and data["short_name"]
    # The first theme-color in the page is the one browsers use (Material's script adds another).
    theme = page.locator('meta[name="theme-color"]').first.get_attribute("content")
    assert data["theme_color"] == theme
    assert data["background_color"]
    declared = {(icon["sizes"], icon["purpose"]) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= declared
    for icon in data["icons"]:
        response = page.request.get(own_site.url_for(icon["src"]))
        assert response.ok and response.headers["content-type"] == icon["type"] == "image/png"
        width, height = png_size(response.body())
        assert f"{width}x{height}" == icon["sizes"]

    # What iOS reads instead of the manifest.
    head = page.locator("head")
    touch_icon = head.locator('link[rel="apple-touch-icon"]').get_attribute("href")
    response = page.request.get(own_site.url_for(touch_icon))
    assert response.ok and png_size(response.body()) == (180, 180)
    for name, content in [
        ("apple-mobile-web-app-capable", "yes"),
        ("apple-mobile-web-app-title", data["short_name"]),
        ("apple-mobile-web-app-status-bar-style", "default"),
    ]:
        expect(head.locator(f'meta[name="{name}"]')).to_have_attribute("content", content)
    own_request_log.assert_same_origin(own_site.origin)


def test_a_content_page_never_loads_the_python_runtime(page: Page, own_site: SiteServer):
    page.goto(own_site.url_for("red-flags/"))
    wait_until_offline_ready(page)
    # The service worker fetched the runtime for later; the page itself did not wait for it.
    loaded = page.evaluate("performance.getEntriesByType('resource').map((entry) => entry.name)")
    assert not [url for url in loaded if "/pyodide/" in url]
    runtime = own_site.url_for("pyodide/pyodide.asm.wasm")
    # Its cache key carries the revision: ...pyodide.asm.wasm?__WB_REVISION__=<content hash>.
    saved = "(url) => caches.match(url, {ignoreSearch: true}).then((hit) => hit !== undefined)"
    assert page.evaluate(saved, runtime)
    # Pages first, engine after: every page and asset was saved before the runtime was fetched.
    fetched = own_site.fetched
    in_runtime = [i for i, path in enumerate(fetched) if "/pyodide/" in path]
    assert in_runtime and "/offereval/calculator/index.html" in fetched
    assert max(i for i, path in enumerate(fetched) if "/pyodide/" not in path) < min(in_runtime)


def test_a_first_visit_to_the_calculator_downloads_every_file_once(
    page: Page, own_site: SiteServer
):
    open_calculator(page, own_site.url_for("calculator/"))
    wait_until_offline_ready(page)
    # The worker's downloads went through the service worker, which kept them: one download each.
    twice = sorted(path for path, count in Counter(own_site.fetched).items() if count > 1)
    assert not twice, f"downloaded more than once: {twice}"
    for name in ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "downloads.json"):
        assert f"/offereval/pyodide/{name}" in own_site.fetched
    # The runtime and the pages are kept for offline use: every file the build wrote.
    scope = own_site.url
    assert [name for name in own_caches(page) if name.startswith("offereval-")] == site_caches(
        scope
    )
    runtime_dir = Path(own_site.directory) / "pyodide"
    saved = {url.split("?")[0] for url in cached_urls(page, site_caches(scope)[1])}
    assert saved == {own_site.url_for(f"pyodide/{p.name}") for p in runtime_dir.iterdir()}


# ---- Working offline -----------------------------------------------------------------------


def test_after_one_visit_every_page_and_the_calculator_work_offline(
    page: Page,
    context: BrowserContext,
    built_site: Path,
    own_site: SiteServer,
    own_request_log: RequestLog,
):
    # Online: enter offers, and let the site save itself for offline use.
    open_calculator(page, own_site.url_for("calculator/"))
    load_example(page)
    field(page, 2, "Company").fill("Offline Labs")
    field(page, 2, "Base salary").fill("250000")
    wait_for_results(page)
    online_total = total_of(page, 1)
    assert online_total != "301,000"
    wait_until_offline_ready(page)
    # Requests other than GET are not the service worker's: the server answers them.
    assert page.evaluate("fetch('../index.html', {method: 'POST'}).then((r) => r.status)") == 501
    own_request_log.assert_same_origin(own_site.origin)

    site_url = own_site.url  # the server is about to stop
    aborted = cut_network(context, own_site)

    # Every page, as itself.
    for path, title in site_pages(built_site).items():
        response = page.goto(urljoin(site_url, path))
        assert response is not None and response.ok, path
        expect(page).to_have_title(title)
        expect(page.locator(".app-offline")).to_have_text(READY_TEXT)
    # A checklist with its company in the query string is still that checklist.
    page.goto(urljoin(site_url, "checklists/questions/?company=Offline+Labs"))
    expect(page).to_have_title(site_pages(built_site)["checklists/questions/"])
    # An address that was never saved: the offline page, whose links lead back into the site.
    response = page.goto(urljoin(site_url, "no/such/page/"))
    assert response is not None and response.status == 503
    expect(page.get_by_role("heading", level=1)).to_have_text("You are offline")
    # The offline page is a page of the site: its own link, not the navigation's, leads on.
    page.locator("article").get_by_role("link", name="Compare offers").click()

    # The calculator: what was entered online is there, and the engine computes offline.
    expect(root(page)).to_have_attribute("data-form", "ready")
    expect(field(page, 2, "Company")).to_have_value("Offline Labs")
    expect(field(page, 2, "Base salary")).to_have_value("250000")
    assert total_of(page, 1) == online_total
    expect(root(page)).to_have_attribute("data-engine", "ready", timeout=120_000)
    field(page, 2, "Base salary").fill("180000")
    wait_for_results(page)
    assert total_of(page, 1) == "301,000"  # the framework's example, computed by the engine

    # A reload, still offline, keeps it all.
    page.reload()
    expect(root(page)).to_have_attribute("data-form", "ready")
    expect(field(page, 2, "Company")).to_have_value("Offline Labs")
    expect(field(page, 2, "Base salary")).to_have_value("180000")
    assert total_of(page, 1) == "301,000"
    assert page.evaluate("navigator.onLine") is False
    # Nothing but the address that was never saved even tried the network.
    assert set(aborted) <= {urljoin(site_url, "no/such/page/")}, aborted


def test_the_same_build_works_offline_at_the_root_of_a_host(
    page: Page,
    context: BrowserContext,
    built_site: Path,
    tmp_path: Path,
    serve_site: Callable[..., SiteServer],
):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    server = serve_site(copy, prefix="/")
    page.goto(server.url_for("decision-steps/"))
    wait_until_offline_ready(page)
    scope = server.url
    assert [name for name in own_caches(page) if name.startswith("offereval-")] == site_caches(
        scope
    )

    cut_network(context, server)
    page.goto(urljoin(scope, "calculator/"))
    expect(root(page)).to_have_attribute("data-form", "ready")
    page.goto(scope)
    expect(page).to_have_title(site_pages(built_site)[""])


# ---- Saved data ----------------------------------------------------------------------------


def test_offers_saved_by_the_first_release_are_read(page: Page, own_site: SiteServer):
    saved = SAVED_STATE_V1.read_text(encoding="utf-8")
    assert json.loads(saved)["version"] == 1
    page.goto(own_site.url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [LEGACY_KEY, saved])

    open_calculator(page, own_site.url_for("calculator/"))
    expect(field(page, 1, "Company")).to_have_value("Archive Corp")
    expect(field(page, 2, "Company")).to_have_value("Keepsake Ltd")
    wait_for_results(page)
    assert [row[0] for row in table_rows(page, "totals")] == ["Archive Corp", "Keepsake Ltd"]
    # Saved again in the current shape, which still says which schema it follows.
    stored = json.loads(page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY))
    assert isinstance(stored["version"], int) and stored["version"] >= 1
    assert [offer["company"] for offer in stored["document"]["offers"]] == [
        "Archive Corp",
        "Keepsake Ltd",
    ]


# ---- Updating ------------------------------------------------------------------------------

MARKER = "offereval-test-build"


def publish_changed_build(site: Path, target: Path) -> str:
    """Make `target` a new deployment of `site` with a changed page and module; its build id.

    Its service worker is generated by the build's own stage, so it lists the changed files with
    new hashes and the unchanged ones with the same. The largest runtime files are then taken off
    the server: the update must copy them from the previous version's cache, not download them.
    """
    shutil.copytree(site, target)
    index = target / "index.html"
    html = index.read_text(encoding="utf-8")
    index.write_text(html.replace("<head>", f'<head><meta name="{MARKER}" content="B">', 1))
    with (target / "js" / "page" / "dom.js").open("a", encoding="utf-8") as module:
        module.write("// build B\n")
    (target / "sw.js").unlink()
    write_service_worker(target)
    for name in ("pyodide.asm.wasm", "python_stdlib.zip"):
        (target / "pyodide" / name).unlink()
    return build_id_of(target)


def test_an_update_waits_for_the_user_and_keeps_the_saved_offers(
    page: Page, context: BrowserContext, own_site: SiteServer, tmp_path: Path
):
    # Version A: the user enters an offer and the site is saved for offline use.
    open_calculator(page, own_site.url_for("calculator/"))
    load_example(page)
    field(page, 1, "Company").fill("Before Update Inc")
    field(page, 2, "Base salary").fill("250000")
    wait_for_results(page)
    total_a = total_of(page, 1)
    wait_until_offline_ready(page)
    scope = own_site.url
    build_a = build_id_of(Path(own_site.directory))
    # Caches that are not this site's: another app, and this app at other scopes of the origin.
    foreign = [
        f"other-app-precache-v2-{scope}",
        f"offereval-precache-0123456789abcdef-{own_site.origin}/",
        f"offereval-precache-0123456789abcdef-{scope}nested/",
    ]
    # A cache this site kept when it had one per build: the new version deletes it.
    earlier_layout = f"offereval-precache-0123456789abcdef-{scope}"
    names = [*foreign, earlier_layout]
    page.evaluate("(names) => Promise.all(names.map((name) => caches.open(name)))", names)
    dom_module = own_site.url_for("js/page/dom.js")
    saved_a = [u for u in cached_urls(page, site_caches(scope)[0]) if u.startswith(dom_module)]
    assert len(saved_a) == 1

    # Version B is published at the same address.
    build_b = publish_changed_build(Path(own_site.directory), tmp_path / "site-b")
    assert build_b != build_a
    own_site.directory = tmp_path / "site-b"

    # Visiting again: B downloads in the background; the pages stay on A, whole, until agreed.
    page.goto(own_site.url)
    reload_button = page.get_by_role("button", name="Reload")
    expect(reload_button).to_be_visible(timeout=OFFLINE_READY_TIMEOUT_MS)
    expect(page.locator(".app-update")).to_contain_text("A new version of this site is ready")
    expect(page.locator(f'meta[name="{MARKER}"]')).to_have_count(0)
    assert "// build B" not in page.evaluate("fetch('js/page/dom.js').then((r) => r.text())")
    second = context.new_page()
    open_calculator(second, own_site.url_for("calculator/"))
    expect(field(second, 1, "Company")).to_have_value("Before Update Inc")
    assert total_of(second, 1) == total_a

    # The user agrees: this page and the other open one reload on B.
    with page.expect_navigation(), second.expect_navigation():
        reload_button.click()
    expect(page.locator(f'meta[name="{MARKER}"]')).to_have_count(1)
    assert "// build B" in page.evaluate("fetch('js/page/dom.js').then((r) => r.text())")
    wait_until_offline_ready(page)
    expect(page.get_by_role("button", name="Reload")).to_have_count(0)
    assert own_caches(page) == sorted([*site_caches(scope), *foreign])
    # One cache across versions: B's copy of the changed module replaced A's; what did not
    # change was kept (B's server has no runtime to send).
    kept = [u for u in cached_urls(page, site_caches(scope)[0]) if u.startswith(dom_module)]
    assert len(kept) == 1 and kept != saved_a

    # Nothing saved was lost, and the calculator runs on B (its runtime came from A's cache).
    expect(root(second)).to_have_attribute("data-form", "ready")
    expect(field(second, 1, "Company")).to_have_value("Before Update Inc")
    assert total_of(second, 1) == total_a
    expect(root(second)).to_have_attribute("data-engine", "ready", timeout=120_000)
    field(second, 2, "Base salary").fill("180000")
    wait_for_results(second)
    assert total_of(second, 1) == "301,000"
