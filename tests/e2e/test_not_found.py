"""The 404 page, which GitHub Pages serves for any missing address at any depth of the site.

The build cannot know the prefix a site is served under (OFFEREVAL_SITE_URL is optional), so the
page is written relative to the site's root: it works as it is one folder deep, and the service
worker, which knows its scope, gives it its root as <base> at any depth. Without either, it is
still readable and never loads anything from outside the site.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import ALLOW_SERVICE_WORKERS, RequestLog, SiteServer
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

PREFIXES = ["/", "/offereval/", "/deeper/project-site/"]
# Missing addresses one folder deep and deeper, with and without a trailing slash.
SHALLOW = "missing-page"
DEEP = ["no/such/page/", "no/such/page.html", "a/b/c/d/e/f/"]
# Installing and precaching the whole site, the Pyodide runtime included, takes a while.
OFFLINE_READY_TIMEOUT_MS = 120_000
HEADING = "404 - Not found"


def serve_copy(
    built_site: Path, tmp_path: Path, serve_site: Callable[..., SiteServer], prefix: str
) -> SiteServer:
    """A copy of the session's build on a port of its own: a fresh origin, no service worker."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return serve_site(copy, prefix)


def header_position(page: Page) -> str:
    """Material's stylesheet makes the header sticky; unstyled, it is static."""
    return str(page.locator(".md-header").evaluate("(header) => getComputedStyle(header).position"))


def assert_inside_the_site(log: RequestLog, server: SiteServer) -> None:
    outside = [url for url in log.urls if not url.startswith(server.url)]
    assert log.urls and not outside, f"requests outside {server.url}: {outside}"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_first_visit_the_404_page_stays_inside_the_site(
    page: Page,
    request_log: RequestLog,
    built_site: Path,
    tmp_path: Path,
    serve_site: Callable[..., SiteServer],
    prefix: str,
) -> None:
    server = serve_copy(built_site, tmp_path, serve_site, prefix)

    # One folder deep, its links are right as they are: styled, and its home link is the root.
    response = page.goto(server.url_for(SHALLOW))
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADING)
    assert header_position(page) == "sticky"
    home = page.locator("a.md-header__button.md-logo").get_attribute("href") or ""
    assert urljoin(page.url, home) == server.url

    # Deeper, before the service worker is there to help: readable, and nothing is fetched from
    # outside the site (on a project site that would be another site's files).
    for path in DEEP:
        response = page.goto(server.url_for(path))
        assert response is not None and response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text(HEADING)
    assert_inside_the_site(request_log, server)


@ALLOW_SERVICE_WORKERS  # the site saved on the device is what answers at any depth
@pytest.mark.parametrize("prefix", PREFIXES)
def test_once_the_site_is_saved_the_404_page_works_at_any_depth(
    page: Page,
    request_log: RequestLog,
    built_site: Path,
    tmp_path: Path,
    serve_site: Callable[..., SiteServer],
    prefix: str,
) -> None:
    server = serve_copy(built_site, tmp_path, serve_site, prefix)
    page.goto(server.url)
    expect(page.locator(".app-offline")).to_have_text(
        "Ready to work offline", timeout=OFFLINE_READY_TIMEOUT_MS
    )

    for path in [SHALLOW, *DEEP]:
        response = page.goto(server.url_for(path))
        assert response is not None and response.status == 404, path
        expect(page.get_by_role("heading", level=1)).to_have_text(HEADING)
        assert header_position(page) == "sticky", path
        home = page.locator("a.md-header__button.md-logo").get_attribute("href") or ""
        assert page.evaluate("(href) => new URL(href, document.baseURI).href", home) == server.url
        expect(page.locator(".app-offline")).to_have_text("Ready to work offline")

    # The theme's search finds the framework's pages from the deepest 404 page too.
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("refresher")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert_inside_the_site(request_log, server)
