"""The printable checklists, printed to PDF by headless Chromium: every item on paper, each one
whole on a page, within two A4 or Letter pages, with the company's name on top and none of the
site's navigation, header, footer or search."""

from __future__ import annotations

import io
import urllib.parse
from typing import TYPE_CHECKING

import pypdf
import pytest
from playwright.sync_api import Page, expect

from offereval import content

if TYPE_CHECKING:
    from conftest import SiteServer

pytestmark = pytest.mark.e2e

# Each checklist: its path, then the headings and items it must print, from the package's data.
CHECKLISTS: list[tuple[str, list[str], list[str]]] = [
    (
        "checklists/questions/",
        [group.name for group in content.QUESTION_GROUPS],
        [question for group in content.QUESTION_GROUPS for question in group.questions],
    ),
    (
        "checklists/red-flags/",
        [category.name for category in content.FLAG_CATEGORIES],
        [flag.text for flag in content.RED_FLAGS],
    ),
    (
        "checklists/dealbreakers/",
        [content.DECISION_STEPS[0].name],
        list(content.DECISION_STEPS[0].checks),
    ),
]
CHECKLIST_IDS = [path.split("/")[1] for path, _, _ in CHECKLISTS]
PAPERS = ["A4", "Letter"]
PAGE_BUDGET = 2
COMPANY = "Northwind Traders"
# Text that only the site's chrome carries: the navigation, the header's search, the footer.
CHROME_TEXT = ["Printable checklists", "The framework", "Search", "Previous", "Next", "Skip to"]


def _squeeze(text: str) -> str:
    """Text without any whitespace: a PDF breaks lines (and words at hyphens) where it likes."""
    return "".join(text.split())


def _print_to_pdf(page: Page, site_server: SiteServer, path: str, paper: str) -> list[str]:
    """Open the checklist for COMPANY, print it on `paper`, return the text of each page."""
    query = urllib.parse.urlencode({"company": COMPANY})
    page.goto(f"{site_server.url_for(path)}?{query}")
    expect(page.locator("#checklist-company-name")).to_have_text(COMPANY)
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    return [pdf_page.extract_text() for pdf_page in reader.pages]


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize(("path", "headings", "items"), CHECKLISTS, ids=CHECKLIST_IDS)
def test_printed_checklist_holds_every_item_within_its_page_budget(
    page: Page,
    site_server: SiteServer,
    path: str,
    headings: list[str],
    items: list[str],
    paper: str,
) -> None:
    pages = [_squeeze(text) for text in _print_to_pdf(page, site_server, path, paper)]
    assert 1 <= len(pages) <= PAGE_BUDGET, f"{path} prints on {len(pages)} {paper} pages"
    # Each item is whole on one page: no page break ever splits an item.
    split_or_missing = [item for item in items if not any(_squeeze(item) in p for p in pages)]
    assert not split_or_missing
    everything = "".join(pages)
    assert all(_squeeze(heading) in everything for heading in headings)
    assert _squeeze(f"Company: {COMPANY}") in pages[0]
    assert not [text for text in CHROME_TEXT if _squeeze(text) in everything]


@pytest.mark.parametrize(("path", "headings", "items"), CHECKLISTS, ids=CHECKLIST_IDS)
def test_print_layout_shows_only_the_checklist(
    page: Page, site_server: SiteServer, path: str, headings: list[str], items: list[str]
) -> None:
    page.goto(site_server.url_for(path))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".checklist-controls"):
        elements = page.locator(chrome).all()
        assert elements, f"no {chrome} on the page: the check below would prove nothing"
        for element in elements:
            expect(element).to_be_hidden()
    # Without a name typed in, the top of the page is a line to write one on.
    expect(page.locator(".checklist-company")).to_be_visible()
    line = page.locator("#checklist-company-name").bounding_box()
    assert line is not None and line["width"] > 100
    entries = page.locator(".checklist__item")
    expect(entries).to_have_count(len(items))
    for entry in entries.all():
        box = entry.locator(".checklist__box")
        expect(box).to_be_visible()
        expect(box).not_to_be_checked()
        notes = entry.locator(".checklist__notes").bounding_box()
        assert notes is not None and notes["height"] >= 30, "no room to write under an item"
        assert entry.evaluate("item => getComputedStyle(item).breakInside") == "avoid"


def test_screen_layout_hides_the_print_only_parts(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url_for("checklists/questions/"))
    expect(page.locator(".checklist-company")).to_be_hidden()
    expect(page.locator(".checklist__notes").first).to_be_hidden()
    expect(page.get_by_label("Company", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Print this checklist")).to_be_visible()
