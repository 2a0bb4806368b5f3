"""The built site: every framework page renders its items from offereval.content, links resolve
under any path prefix, the HTML is fit for a strict Content-Security-Policy, and no request
leaves the site's origin."""

from __future__ import annotations

import email.message
import html.parser
import http.client
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import ALLOW_SERVICE_WORKERS, SiteServer
from playwright.sync_api import Page, expect

from offereval import content

if TYPE_CHECKING:
    from conftest import RequestLog

pytestmark = pytest.mark.e2e


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


# Each framework page: its path under the site's root, its h1, and the items it must show,
# taken from the package's data (the page must never have them typed in by hand).
FRAMEWORK_PAGES: list[tuple[str, str, list[str]]] = [
    ("", "Choose between job offers with a clear head", []),
    (
        "compensation/",
        "Total compensation",
        [text for _, name, factor in content.STAGES for text in (name, _percent(factor))],
    ),
    (
        "decision-matrix/",
        "Decision matrix",
        [
            text
            for factor in content.FACTORS
            for text in (factor.name, f"{factor.weight}%", factor.questions)
        ],
    ),
    (
        "career-growth/",
        "Career growth",
        [
            text
            for area in content.GROWTH_AREAS
            for text in (area.name, *area.questions, area.high, area.medium, area.low)
        ],
    ),
    (
        "red-flags/",
        "Red flags",
        [c.name for c in content.FLAG_CATEGORIES] + [f.text for f in content.RED_FLAGS],
    ),
    (
        "questions/",
        "Questions to ask",
        [text for group in content.QUESTION_GROUPS for text in (group.name, *group.questions)],
    ),
    (
        "decision-steps/",
        "The five decision steps",
        [
            text
            for step in content.DECISION_STEPS
            for text in (step.name, *step.checks, step.action)
        ],
    ),
    (
        "checklists/questions/",
        "Questions for the call",
        [q for group in content.QUESTION_GROUPS for q in group.questions],
    ),
    ("checklists/red-flags/", "Red flag check", [f.text for f in content.RED_FLAGS]),
    ("checklists/dealbreakers/", "Dealbreaker check", list(content.DECISION_STEPS[0].checks)),
]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("path", "heading", "items"), FRAMEWORK_PAGES, ids=lambda v: str(v)[:20])
def test_framework_page_renders_its_items(
    page: Page, site_server: SiteServer, path: str, heading: str, items: list[str]
) -> None:
    response = page.goto(site_server.url_for(path))
    assert response is not None and response.status == 200
    expect(page.locator("article h1")).to_have_count(1)
    expect(page.locator("article h1")).to_contain_text(heading)  # then its permalink, "¶"
    article = _squeeze(page.locator("article").inner_text())
    missing = [item for item in items if _squeeze(item) not in article]
    assert not missing, f"{path or 'home'} lacks {missing}"


def test_every_page_is_in_the_navigation(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url)
    nav_links = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = {
        urllib.parse.urljoin(page.url, h)
        for h in nav_links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    }
    expected = {site_server.url_for(path) for path, _, _ in FRAMEWORK_PAGES}
    assert expected | {site_server.url_for("calculator/")} <= hrefs


# ---- Links under any prefix -----------------------------------------------------------------


class _LinkParser(html.parser.HTMLParser):
    """Collects every href and src of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [value for name, value in attrs if name in ("href", "src") and value]


def _crawl(server: SiteServer) -> dict[str, int]:
    """Follow every same-origin link and asset from the home page; URL -> HTTP status."""
    statuses: dict[str, int] = {}
    queue = [server.url]
    while queue:
        url = queue.pop()
        if url in statuses:
            continue
        try:
            with urllib.request.urlopen(url) as response:
                statuses[url] = response.status
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            statuses[url] = error.code
            continue
        if kind != "text/html":
            continue
        parser = _LinkParser()
        parser.feed(body.decode("utf-8"))
        for target in parser.targets:
            absolute = urllib.parse.urljoin(url, target).split("#")[0]
            if absolute.startswith(server.origin + "/"):
                queue.append(absolute)
    return statuses


@pytest.mark.parametrize("prefix", ["/", "/offereval/", "/deeper/project-site/"])
def test_links_and_assets_resolve_under_any_prefix(
    built_site: Path, serve_site: Callable[..., SiteServer], prefix: str
) -> None:
    server = serve_site(built_site, prefix)
    statuses = _crawl(server)
    pages = [url for url in statuses if not re.search(r"\.\w+$", url)]
    assert len(pages) > len(FRAMEWORK_PAGES), "the crawl did not reach every page"
    broken = {url: status for url, status in statuses.items() if status != 200}
    assert not broken
    escaped = [url for url in statuses if not url.startswith(server.url)]
    assert not escaped, f"links that leave the prefix {prefix}: {escaped}"


def test_server_refuses_paths_outside_the_prefix(site_server: SiteServer) -> None:
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(site_server.origin + "/index.html")
    assert raised.value.code == 404


@pytest.mark.parametrize(
    ("prefix", "caching", "named"),
    [("/offereval", "pages", "prefix"), ("/offereval/", "nostore", "caching")],
)
def test_server_refuses_a_prefix_or_caching_it_does_not_know(
    tmp_path: Path, prefix: str, caching: str, named: str
) -> None:
    with pytest.raises(ValueError, match=rf"^{named} must"):
        SiteServer(tmp_path, prefix, caching)


def test_server_never_sends_a_file_outside_the_site(
    tmp_path: Path, serve_site: Callable[..., SiteServer]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("the site", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not the site", encoding="utf-8")
    server = serve_site(site)
    # Sent as written: urllib and browsers would take the ".." out first.
    connection = http.client.HTTPConnection(server.origin.removeprefix("http://"))
    connection.request("GET", server.prefix + "../secret.txt")
    answer = connection.getresponse()
    assert (answer.status, b"not the site" in answer.read()) == (404, False)
    connection.close()


def _get(url: str, **headers: str) -> tuple[int, email.message.Message, bytes]:
    """(status, headers, body) of a GET, a 304 included."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, answer.read()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("runtime.wasm", "application/wasm"), ("module.mjs", "text/javascript")],
)
def test_server_sends_the_types_browsers_require(
    tmp_path: Path, serve_site: Callable[..., SiteServer], name: str, content_type: str
) -> None:
    (tmp_path / name).write_bytes(b"a build")
    status, headers, _ = _get(serve_site(tmp_path).url_for(name))
    assert (status, headers["Content-Type"]) == (200, content_type)


def test_server_caches_like_github_pages(
    tmp_path: Path, serve_site: Callable[..., SiteServer]
) -> None:
    (tmp_path / "page.html").write_bytes(b"first build")
    url = serve_site(tmp_path).url_for("page.html")
    status, headers, body = _get(url)
    assert (status, body, headers["Cache-Control"]) == (200, b"first build", "max-age=600")
    modified = headers["Last-Modified"]
    # Asked again with its validator, an unchanged file is a 304 without a body.
    assert _get(url, **{"If-Modified-Since": modified})[::2] == (304, b"")
    # A new deployment that changes the file: newer than the validator, it is sent again.
    (tmp_path / "page.html").write_bytes(b"second build")
    os.utime(tmp_path / "page.html", (2_000_000_000, 2_000_000_000))
    assert _get(url, **{"If-Modified-Since": modified})[::2] == (200, b"second build")


def test_a_no_store_server_never_answers_a_stale_copy(
    tmp_path: Path, serve_site: Callable[..., SiteServer]
) -> None:
    (tmp_path / "module.mjs").write_bytes(b"first build")
    url = serve_site(tmp_path, caching="no-store").url_for("module.mjs")
    status, headers, _ = _get(url)
    assert (status, headers["Cache-Control"]) == (200, "no-store")
    # A rebuild may keep a file's Last-Modified second: the server must never answer 304.
    (tmp_path / "module.mjs").write_bytes(b"second build")
    later = {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    assert _get(url, **later)[::2] == (200, b"second build")


# ---- HTML fit for a strict Content-Security-Policy -------------------------------------------


_JSON = "application/json"
_URL_ATTRIBUTES = ("src", "href", "action", "srcset", "poster", "data")


class _PolicyParser(html.parser.HTMLParser):
    """Finds what `Content-Security-Policy: default-src 'self'` would block or refuse."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        # A JSON data block (Material's __config) is never executed, so a CSP allows it.
        if tag == "script" and "src" not in attributes and attributes.get("type") != _JSON:
            self._in_inline_script = True
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>: {value}")
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name} on <{tag}>")
            # Any absolute URL, same-origin or not: the site must not depend on its host.
            if name in _URL_ATTRIBUTES and value and "//" in value.split("?")[0]:
                self.problems.append(f"absolute URL in <{tag} {name}>: {value}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_inline_script:
            self.problems.append("inline <script>")
            self._in_inline_script = False


def test_built_html_has_no_inline_script_style_or_foreign_url(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > len(FRAMEWORK_PAGES)
    problems: dict[str, list[str]] = {}
    for html_file in pages:
        parser = _PolicyParser()
        parser.feed(html_file.read_text(encoding="utf-8"))
        if parser.problems:
            problems[str(html_file.relative_to(built_site))] = parser.problems
    assert not problems


# ---- In the browser: the origin, the phone layout, the theme's moved scripts ------------------


@ALLOW_SERVICE_WORKERS  # its own requests, the whole site for offline use, must stay home too
def test_no_request_leaves_the_origin(
    page: Page, site_server: SiteServer, request_log: RequestLog
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path, _, _ in FRAMEWORK_PAGES:
        page.goto(site_server.url_for(path), wait_until="networkidle")
    # Search loads its worker and index; use it so those requests are checked too.
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("refresher")  # it reacts to keys
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert any("search_index.json" in url for url in request_log.urls)
    request_log.assert_same_origin(site_server.origin)
    assert not errors


@pytest.mark.parametrize("path", [path for path, _, _ in FRAMEWORK_PAGES])
def test_page_fits_a_phone(page: Page, site_server: SiteServer, path: str) -> None:
    page.goto(site_server.url_for(path))
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path or 'home'} is {overflow}px wider than a 360px screen"
    # The navigation sits in the drawer behind the menu button on a phone.
    expect(page.locator("nav.md-nav--primary")).not_to_be_in_viewport()
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator("nav.md-nav--primary")).to_be_in_viewport()


def test_on_a_phone_tab_passes_the_closed_drawer_by(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url_for("red-flags/"))
    in_drawer = "() => document.activeElement?.closest('.md-sidebar--primary') !== null"
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    for _ in range(4):
        page.keyboard.press("Tab")
        assert not page.evaluate(in_drawer), "Tab went into the closed navigation drawer"
    # Opened, the drawer's links are there for the keyboard.
    page.locator("label.md-header__button[for='__drawer']").click()
    home = page.locator("nav.md-nav--primary").get_by_role("link", name="Home")
    expect(home).to_be_visible()
    home.focus()
    expect(home).to_be_focused()


def test_dark_mode_choice_is_kept_across_pages(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url)
    body = page.locator("body")
    scheme = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").click()
    expect(body).not_to_have_attribute("data-md-color-scheme", scheme or "")
    chosen = body.get_attribute("data-md-color-scheme")
    page.goto(site_server.url_for("red-flags/"))
    expect(body).to_have_attribute("data-md-color-scheme", chosen or "")


def test_checklist_shows_the_company_as_text(page: Page, site_server: SiteServer) -> None:
    hostile = "Acme <b>& Co</b><script>x</script>"
    page.goto(site_server.url_for("checklists/questions/"))
    page.get_by_label("Company", exact=True).fill(hostile)
    printed = page.locator("#checklist-company-name")
    expect(printed).to_have_text(hostile)
    assert printed.locator("b, script").count() == 0
    # Once typed, the name goes into the address, so a reload (or a bookmark) opens the same copy.
    page.get_by_label("Company", exact=True).blur()
    assert "company=" in page.url
    page.reload()
    expect(page.get_by_label("Company", exact=True)).to_have_value(hostile)
    expect(printed).to_have_text(hostile)


def test_checklist_items_are_labelled_checkboxes(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url_for("checklists/red-flags/"))
    for flag in content.RED_FLAGS:
        box = page.get_by_role("checkbox", name=flag.text, exact=True)
        expect(box).not_to_be_checked()
    page.get_by_role("checkbox", name=content.RED_FLAGS[0].text, exact=True).check()
    expect(page.get_by_role("checkbox", name=content.RED_FLAGS[0].text)).to_be_checked()
