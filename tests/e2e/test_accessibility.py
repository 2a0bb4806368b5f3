"""axe-core on every page of the site, in the light and the dark scheme, on a phone and a desktop.

axe-core (npm, pinned in package.json) is evaluated in the page through Playwright, that is
through the DevTools protocol, which the pages' Content-Security-Policy does not govern: the
pages are checked exactly as they are served, policy included. A serious or critical violation
fails the test with the rule and the elements it found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from calculator_helpers import (
    import_file,
    load_example,
    open_calculator,
    wait_for_form,
    wait_for_results,
)
from conftest import page_of_size
from playwright.sync_api import Page, expect

from sitebuild.layout import ROOT as REPO_ROOT

pytestmark = pytest.mark.e2e

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}
LOCATED = Path(__file__).parent / "data" / "located-offers.yaml"


# Every transition or animation under way, finished (or cancelled): a colour measured halfway
# through a fade (Material's header swaps its title so as the page scrolls) is no colour the
# reader is left with. Endless animations are not waited for.
SETTLED = """() => Promise.all(
  document.getAnimations()
    .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
    .map((animation) => animation.finished.catch(() => null)),
).then(() => true)"""


# What `content-visibility: auto` skips while out of view is drawn as it is once scrolled to:
# axe-core measures colours where the page draws, and finds nothing drawn there otherwise
# (dequelabs/axe-core#2768). Set through the CSSOM, which the pages' policy allows.
DRAW_EVERYTHING = """() => {
  for (const element of document.querySelectorAll('*')) {
    const skipped = getComputedStyle(element).contentVisibility === 'auto';
    if (skipped) element.style.contentVisibility = 'visible';
  }
}"""


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    page.evaluate(DRAW_EVERYTHING)
    page.evaluate(SETTLED)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path under its root, with the 404 and offline pages."""
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else f"{p}/" for p in found] + ["404.html", "offline.html"]


def test_the_check_finds_what_it_should(page: Page, site_server) -> None:
    # Grey on white (2.3:1) and an unnamed button: both must be reported, or the checks below
    # would prove nothing.
    page.goto(site_server.url)
    page.evaluate("""() => {
      const p = document.createElement('p');
      p.textContent = 'Hard to read';
      p.style.color = '#aaaaaa';
      p.style.background = '#ffffff';
      const button = document.createElement('button');
      document.querySelector('article').append(p, button);
    }""")
    found = " ".join(serious_violations(page))
    assert "color-contrast" in found and "button-name" in found


def page_in(request: pytest.FixtureRequest, size: str, scheme: str) -> Page:
    """A page on a phone or a desktop that prefers the light or the dark scheme."""
    page = page_of_size(request, size)
    page.emulate_media(color_scheme=scheme)
    return page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_no_page_has_a_serious_or_critical_violation(
    request: pytest.FixtureRequest, site_server, built_site: Path, scheme: str, size: str
) -> None:
    page = page_in(request, size, scheme)
    found = {}
    for path in site_pages(built_site):
        page.goto(site_server.url_for(path))
        if path != "offline.html":  # the offline page is one fixed light page
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
        if path == "calculator/":
            wait_for_form(page)
        if problems := serious_violations(page):
            found[path or "(home)"] = problems
    assert not found


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_calculator_with_results_and_every_fold_open(
    request: pytest.FixtureRequest, site_server, scheme: str
) -> None:
    page = page_in(request, "phone", scheme)
    open_calculator(page, site_server.url_for("calculator/"))
    load_example(page)
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
    assert serious_violations(page) == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_calculator_with_locations_taxes_and_every_fold_open(
    request: pytest.FixtureRequest, site_server, scheme: str, size: str
) -> None:
    # The location and currency fields with their suggestions, the city tax, the exchange
    # rates, and each card's pay before and after tax with its taxes open.
    page = page_in(request, size, scheme)
    open_calculator(page, site_server.url_for("calculator/"))
    import_file(page, str(LOCATED))
    wait_for_results(page)
    expect(page.locator("[data-after-tax]")).to_have_count(3)
    expect(page.get_by_label("Value of 1 GBP in USD")).to_have_value("1.27")
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
    assert serious_violations(page) == []
