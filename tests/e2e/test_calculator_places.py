"""Locations, currencies and the after-tax figures on the calculator, on a phone and a desktop.

A location is picked by searching ("Calif" finds California), the document holds its code;
the exchange rate is asked for once the offers need one; the cards show the pay before and
after tax side by side, equal to what `offereval compare --json` computes for the same document,
and each card's taxes open on demand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from calculator_helpers import (
    STORAGE_KEY,
    field,
    load_example,
    offer,
    open_calculator,
    open_fold,
    root,
    summary_card,
    wait_for_results,
)
from conftest import page_of_size
from playwright.sync_api import Page, expect

from offereval._format import money

pytestmark = pytest.mark.e2e


@pytest.fixture(params=["phone", "desktop"])
def sized_page(request: pytest.FixtureRequest) -> Page:
    """A page on a 360 px phone, then on a 1366 px desktop."""
    return page_of_size(request, request.param)


def saved_document(page: Page) -> dict[str, Any]:
    """The offers document the page saved: what it sends to the engine."""
    text = page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    return json.loads(text)["document"]


def compare_json(document: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """What `offereval compare --json` computes for a document."""
    path = tmp_path / "offers.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    command = [sys.executable, "-m", "offereval._cli", "compare", "--json", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def pick_location(page: Page, number: int, search: str, label: str) -> None:
    """Type part of a place's name and take the suggestion, as a person does with a keyboard."""
    location = field(page, number, "Location")
    location.click()
    location.press_sequentially(search)
    suggestions = location.evaluate(
        "(input) => [...input.list.options].map((o) => o.value)"
        ".filter((v) => v.toLowerCase().startsWith(input.value.toLowerCase()))"
    )
    assert suggestions == [label]
    # Headless Chromium draws no suggestion popup to press Enter in: put in the field what
    # choosing the suggestion puts there.
    location.fill(label)


def test_a_location_searched_currency_rate_and_cost_of_living_give_the_engines_figures(
    sized_page: Page, calculator_url: str, tmp_path: Path
) -> None:
    page = sized_page
    open_calculator(page, calculator_url)
    load_example(page)
    # The location fields wait behind "More details", which stays closed while they are empty.
    more = offer(page, 1).locator("details.offer-more")
    expect(more).not_to_have_attribute("open", "")
    more.locator("summary").click()
    pick_location(page, 1, "Calif", "California (US-CA)")
    expect(offer(page, 1).get_by_label("City income tax")).to_be_hidden()
    field(page, 1, "Cost of living").fill("130")
    offer(page, 2).locator("details.offer-more > summary").click()
    pick_location(page, 2, "Engl", "England (GB-ENG)")
    field(page, 2, "Currency").fill("GBP")
    # The engine's answer adds messages above the fold, moving it: it is tapped once they stand.
    expect(root(page)).to_have_attribute("data-evaluating", "no")
    # The home currency, then the rate the engine asks for.
    taxes = open_fold(page, "Taxes and currencies")
    taxes.get_by_label("Home currency").fill("USD")
    rate = page.get_by_label("Value of 1 GBP in USD")
    expect(rate).to_be_visible()
    rate.fill("1.27")
    wait_for_results(page)
    expect(rate).to_be_focused()  # the engine's answer does not take the field from under you

    document = saved_document(page)
    assert [o.get("location") for o in document["offers"]] == ["US-CA", "GB-ENG"]
    assert document["offers"][1]["currency"] == "GBP"
    assert document["home_currency"] == "USD"
    assert document["exchange_rates"] == {"GBP": "1.27"}  # as typed: the engine reads it
    assert document["offers"][0]["cost_of_living"] == "130"

    result = compare_json(document, tmp_path)
    for number, company in ((1, "BigTech Inc"), (2, "GrowthStartup")):
        computed = result["offers"][number - 1]
        card = summary_card(page, company)
        rows = card.locator(".after-tax__table tbody tr")
        annualized = [c.strip() for c in rows.nth(0).locator("td").all_inner_texts()]
        first_year = [c.strip() for c in rows.nth(1).locator("td").all_inner_texts()]
        assert annualized == [money(computed["tc"]["total"]), money(computed["tc"]["take_home"])]
        year = computed["years"][0]
        assert first_year == [money(year["total"]), money(year["take_home"])]
        power = card.locator(".summary-card__figures dt", has_text="Purchasing power")
        expected_power = money(computed["tc"]["home"]["purchasing_power"]) + " USD"
        expect(power.locator("xpath=following-sibling::dd[1]")).to_have_text(expected_power)
        # The taxes, one by one, behind their disclosure.
        breakdown = card.locator("details.after-tax__breakdown")
        expect(breakdown.locator("dl")).to_be_hidden()
        breakdown.locator("summary").click()
        expect(breakdown.locator("dl")).to_be_visible()
        shown = dict(
            zip(
                breakdown.locator("dt").all_inner_texts(),
                breakdown.locator("dd").all_inner_texts(),
                strict=True,
            )
        )
        for tax in computed["tc"]["taxes"]:
            assert shown[tax["name"]] == money(tax["amount"])
        assert shown["Total tax"] == money(computed["tc"]["tax"])
    # GrowthStartup is paid in GBP: its take-home in USD at the rate typed.
    grown = summary_card(page, "GrowthStartup").locator(".after-tax__figures")
    expect(grown).to_contain_text(money(result["offers"][1]["tc"]["home"]["take_home"]))
    living = summary_card(page, "BigTech Inc").locator(".after-tax__figures dt", has_text="Cost")
    expect(living.locator("xpath=following-sibling::dd[1]")).to_have_text("130")
    # Taxes opened stay open when the results are updated.
    field(page, 1, "Cost of living").fill("120")
    wait_for_results(page)
    breakdowns = page.locator("details.after-tax__breakdown")
    expect(breakdowns.nth(0)).to_have_attribute("open", "")
    expect(breakdowns.nth(1)).to_have_attribute("open", "")
    # Nothing scrolls sideways.
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_region_with_a_city_tax_shows_it_and_a_saved_code_shows_its_name(
    page: Page, calculator_url: str
) -> None:
    open_calculator(page, calculator_url)
    load_example(page)
    offer(page, 1).locator("details.offer-more > summary").click()
    pick_location(page, 1, "New Y", "New York (US-NY)")
    city = field(page, 1, "City income tax")
    expect(city).to_be_visible()
    city.select_option("NYC")
    wait_for_results(page)
    document = saved_document(page)
    assert document["offers"][0]["location"] == "US-NY"
    assert document["offers"][0]["local"] == "NYC"
    # Opened again, the page shows the place's name for the saved code, its disclosure open.
    page.reload()
    wait_for_results(page)
    expect(offer(page, 1).locator("details.offer-more")).to_have_attribute("open", "")
    expect(field(page, 1, "Location")).to_have_value("New York (US-NY)")
    expect(field(page, 1, "City income tax")).to_have_value("NYC")
    # A code typed in small letters is sent as typed, and the engine reads it.
    field(page, 1, "Location").fill("us-tx")
    field(page, 1, "City income tax").select_option("")
    wait_for_results(page)
    assert saved_document(page)["offers"][0]["location"] == "us-tx"
    expect(summary_card(page, "BigTech Inc").locator(".after-tax__place")).to_have_text(
        "Texas (US-TX)"
    )


def test_the_tax_rate_is_asked_only_where_the_taxes_are_not_computed(
    page: Page, calculator_url: str
) -> None:
    open_calculator(page, calculator_url)
    load_example(page)
    offer(page, 1).locator("details.offer-more > summary").click()
    rate = field(page, 1, "Effective tax rate")
    expect(rate).to_be_visible()  # no location: a rate is how the taxes are known
    pick_location(page, 1, "Calif", "California (US-CA)")
    expect(rate).to_be_hidden()  # computed: nothing to type
    field(page, 1, "Location").fill("")
    pick_location(page, 1, "Austra", "Australia (AU)")
    expect(rate).to_be_visible()
    rate.fill("30%")
    wait_for_results(page)
    # A rate given for a place whose taxes are computed stays in sight with the engine's word.
    field(page, 1, "Location").fill("")
    pick_location(page, 1, "Calif", "California (US-CA)")
    expect(rate).to_be_visible()
    message = page.locator('[data-path="offers[0].tax_rate"] > .field-message')
    expect(message).to_contain_text("is only for places whose taxes offereval does not compute")
