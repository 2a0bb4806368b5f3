"""The home page leads: its first action, comparing offers, is on the first screen of a phone and
a desktop, and the checklists to print are one tap away."""

from __future__ import annotations

import pytest
from conftest import page_of_size
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}
CHECKLISTS = {
    "Questions for the call": "checklists/questions/",
    "Red flag check": "checklists/red-flags/",
    "Dealbreaker check": "checklists/dealbreakers/",
}


@pytest.mark.parametrize("size", SIZES)
def test_the_first_action_is_on_the_first_screen(
    request: pytest.FixtureRequest, site_server, size: str
) -> None:
    page = page_of_size(request, size)
    page.goto(site_server.url)
    start = page.locator("article").get_by_role("link", name="Compare your offers")
    expect(start).to_be_visible()
    box = start.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SIZES[size]["height"]
    # It is the article's first link, and it looks like a button, not a word in a sentence.
    assert page.locator("article a[href]:not(.headerlink)").first.inner_text() == (
        "Compare your offers"
    )
    assert "md-button--primary" in (start.get_attribute("class") or "")
    start.click()
    expect(page).to_have_url(site_server.url_for("calculator/"))


def test_the_checklists_to_print_are_linked(page, site_server) -> None:
    page.goto(site_server.url)
    section = page.locator("article")
    expect(section.get_by_role("heading", name="Print a checklist for your calls")).to_be_visible()
    for name, path in CHECKLISTS.items():
        link = section.get_by_role("link", name=name, exact=True)
        expect(link).to_have_count(1)
        assert page.evaluate("(a) => a.href", link.element_handle()) == site_server.url_for(path)
