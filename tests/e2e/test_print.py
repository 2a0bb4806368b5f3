"""The printable checklists, printed to PDF by headless Chromium: every item on paper, each one
whole on a page and each group whole on a page, within two A4 or Letter pages (the red flag
check within one), every page headed by the company's name and the call's date, interviewer and
round, and none of the site's navigation, header, footer or search."""

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

# Each checklist: its path, then its groups (heading and items), from the package's data.
Groups = list[tuple[str, list[str]]]
CHECKLISTS: list[tuple[str, Groups]] = [
    (
        "checklists/questions/",
        [(group.name, list(group.questions)) for group in content.QUESTION_GROUPS],
    ),
    (
        "checklists/red-flags/",
        [
            (category.name, [f.text for f in content.RED_FLAGS if f.category == category.id])
            for category in content.FLAG_CATEGORIES
        ],
    ),
    (
        "checklists/dealbreakers/",
        [(content.DECISION_STEPS[0].name, list(content.DECISION_STEPS[0].checks))],
    ),
]
CHECKLIST_IDS = [path.split("/")[1] for path, _ in CHECKLISTS]
PAPERS = ["A4", "Letter"]
# Pages each checklist may take with the framework's items alone: each fits on one.
PAGE_BUDGET = {"questions": 1, "red-flags": 1, "dealbreakers": 1}
# What heads every printed page: the call's details, filled in or as lines to write on.
CALL_LABELS = ["Company:", "Date:", "Interviewer:", "Round:"]
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


def assert_groups_whole(pages: list[str], groups: Groups) -> None:
    """Each group's heading and every one of its items are printed on one and the same page:
    no page break splits an item, and a second page starts where a group ends."""
    for heading, items in groups:
        holding = [p for p in pages if _squeeze(heading) in p]
        assert holding, f"{heading!r} is not printed"
        split = [item for item in items if _squeeze(item) not in holding[0]]
        assert not split, f"{heading!r} is split across pages or misses {split}"


def assert_every_page_names_the_call(pages: list[str], company: str) -> None:
    for number, text in enumerate(pages, start=1):
        assert _squeeze(f"Company: {company}") in text, f"page {number} does not name {company}"
        missing = [label for label in CALL_LABELS if _squeeze(label) not in text]
        assert not missing, f"page {number} has no {missing}"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize(("path", "groups"), CHECKLISTS, ids=CHECKLIST_IDS)
def test_printed_checklist_holds_every_item_within_its_page_budget(
    page: Page, site_server: SiteServer, path: str, groups: Groups, paper: str
) -> None:
    pages = [_squeeze(text) for text in _print_to_pdf(page, site_server, path, paper)]
    budget = PAGE_BUDGET[path.split("/")[1]]
    assert 1 <= len(pages) <= budget, f"{path} prints on {len(pages)} {paper} pages"
    assert_groups_whole(pages, groups)
    assert_every_page_names_the_call(pages, COMPANY)
    everything = "".join(pages)
    assert not [text for text in CHROME_TEXT if _squeeze(text) in everything]


@pytest.mark.parametrize(("path", "groups"), CHECKLISTS, ids=CHECKLIST_IDS)
def test_print_layout_shows_only_the_checklist(
    page: Page, site_server: SiteServer, path: str, groups: Groups
) -> None:
    page.goto(site_server.url_for(path))
    page.emulate_media(media="print")
    chrome = (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".call-details")
    for selector in chrome:
        elements = page.locator(selector).all()
        assert elements, f"no {selector} on the page: the check below would prove nothing"
        for element in elements:
            expect(element).to_be_hidden()
    # Without anything typed in, the call's details are lines to write on.
    for field in ("company", "date", "interviewer", "round"):
        line = page.locator(f"[data-print='{field}']").bounding_box()
        assert line is not None and line["width"] > 40, f"no line to write the {field} on"
    entries = page.locator(".checklist__item[data-item]")
    expect(entries).to_have_count(sum(len(items) for _, items in groups))
    for entry in entries.all():
        box = entry.locator(":scope > .checklist__box")
        expect(box).to_be_visible()
        expect(box).not_to_be_checked()
        text = entry.locator(":scope > .checklist__text").bounding_box()
        notes = entry.locator(":scope > .checklist__notes").bounding_box()
        assert text is not None and notes is not None
        assert notes["height"] >= 30, "no room to write on beside an item"
        if path != "checklists/dealbreakers/":  # its checks have their lines underneath
            assert notes["x"] >= text["x"] + text["width"], "the lines are not beside the item"
        assert entry.evaluate("item => getComputedStyle(item).breakInside") == "avoid"


def test_screen_layout_hides_the_print_only_parts(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url_for("checklists/questions/"))
    expect(page.locator(".call-head")).to_be_hidden()
    expect(page.get_by_label("Company", exact=True)).to_be_visible()
    for label in ("Date", "Interviewer", "Round"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Print this checklist")).to_be_visible()
    # On a phone every item has a field for its answer, named after the item.
    question = content.QUESTION_GROUPS[0].questions[0]
    expect(page.get_by_role("textbox", name=f"Answer {question}")).to_be_visible()
