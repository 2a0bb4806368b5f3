"""The printable checklists, printed to PDF by headless Chromium: every item on paper, each one
whole on a page and each group whole on a page, within two A4 or Letter pages (the red flag
check within one), every page headed by the company's name and the call's date, interviewer and
round, and none of the site's navigation, header, footer or search."""

from __future__ import annotations

import io
import json
import urllib.parse
from typing import TYPE_CHECKING, Any

import pypdf
import pytest
from calculator_helpers import STORAGE_KEY
from playwright.sync_api import Page, expect

from offereval import bridge, content

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
    return _pdf_pages(page, paper)


def _pdf_pages(page: Page, paper: str) -> list[str]:
    """Print the page as it is on `paper`; the text of each printed page."""
    expect(page.locator("[data-checklist]")).to_have_attribute("data-state", "ready")
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
    entries = page.locator(".checklist__item[data-item]:visible")
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


# ---- With what the calculator and the checklists saved in this browser ---------------------

OWN_FLAG = {"id": "no_remote_days", "text": "No remote days after the first year"}
OWN_QUESTION = {"id": "visa_support", "text": "Do you sponsor work visas?"}
SAVED_DOCUMENT: dict[str, Any] = {
    "minimum_total_comp": 250000,
    "location_rule": "Remote, or hybrid in Berlin",
    "own_red_flags": [OWN_FLAG],
    "own_questions": [OWN_QUESTION],
    "dealbreakers": ["recent_layoffs", "no_remote_days"],
    "offers": [
        {
            "company": COMPANY,
            "base_salary": 200000,
            "company_stage": "public",
            "equity_grant": 400000,
        },
        {"company": "Keepsake Ltd", "base_salary": 150000, "company_stage": "early_stage"},
    ],
    "calls": [
        {
            "company": COMPANY,
            "date": "20 Nov",
            "interviewer": "Dana Ruiz",
            "round": "Hiring manager",
            "ticked": ["about_the_role_1"],
            "answers": {"about_the_role_1": "Yes, with Sam next week"},
        }
    ],
}
# Own items join their checklist as a group of their own, after the framework's.
SAVED_GROUPS = {
    "checklists/questions/": ("Your own questions", [OWN_QUESTION["text"]]),
    "checklists/red-flags/": ("Your own red flags", [OWN_FLAG["text"]]),
    "checklists/dealbreakers/": (
        content.DECISION_STEPS[0].name,
        [content.flags_by_id()["recent_layoffs"].text, OWN_FLAG["text"]],
    ),
}


def saved_record() -> str:
    """What the calculator saves after evaluating SAVED_DOCUMENT: the document and its view."""
    answer = json.loads(bridge.evaluate(json.dumps(SAVED_DOCUMENT), "2026-11-25T12:00:00+00:00"))
    assert answer["ok"], answer
    return json.dumps({"version": 1, "document": SAVED_DOCUMENT, "view": answer["view"]})


@pytest.fixture
def saved(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url_for("checklists/questions/"))
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, record)", [STORAGE_KEY, saved_record()]
    )


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize(("path", "groups"), CHECKLISTS, ids=CHECKLIST_IDS)
def test_printed_checklist_with_saved_answers_and_own_items(
    page: Page, site_server: SiteServer, saved: None, path: str, groups: Groups, paper: str
) -> None:
    pages = [_squeeze(text) for text in _print_to_pdf(page, site_server, path, paper)]
    assert 1 <= len(pages) <= 2, f"{path} prints on {len(pages)} {paper} pages"
    heading, own = SAVED_GROUPS[path]
    assert_groups_whole(pages, [*groups, (heading, own)])
    assert_every_page_names_the_call(pages, COMPANY)
    everything = "".join(pages)
    for typed in ("Date: 20 Nov", "Interviewer: Dana Ruiz", "Round: Hiring manager"):
        assert _squeeze(typed) in pages[-1]
    if path == "checklists/questions/":
        assert _squeeze("Yes, with Sam next week") in everything
        assert _squeeze(f"{OWN_QUESTION['text']} (yours)") in everything
    if path == "checklists/dealbreakers/":
        # The engine's figures, as the calculator saved them: the minimum and this offer's total
        # (200,000 + 400,000 / 4 = 300,000).
        assert _squeeze("My minimum total: 250,000") in everything
        assert _squeeze("annualized total: 300,000, meets your minimum of 250,000") in everything
        assert _squeeze("My location/remote rule: Remote, or hybrid in Berlin") in everything
        assert _squeeze(f"{OWN_FLAG['text']} (yours)") in everything
        # Only the dealbreakers are listed under the third check, not every red flag.
        assert _squeeze(content.flags_by_id()["rushed_decision"].text) not in everything


@pytest.mark.parametrize(("path", "groups"), CHECKLISTS, ids=CHECKLIST_IDS)
def test_a_blank_copy_prints_nothing_saved(
    page: Page, site_server: SiteServer, saved: None, path: str, groups: Groups
) -> None:
    page.goto(f"{site_server.url_for(path)}?blank")
    expect(page.locator("[data-blank-notice]")).to_be_visible()
    pages = [_squeeze(t) for t in _pdf_pages(page, "A4")]
    assert len(pages) == 1
    assert_groups_whole(pages, groups)
    everything = "".join(pages)
    for saved_text in (COMPANY, "DanaRuiz", "250,000", "(yours)", "Remote,orhybrid"):
        assert saved_text.replace(" ", "") not in everything
    assert_every_page_names_the_call(pages, "")
