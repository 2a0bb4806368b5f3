"""What the form's location, currency and tax pickers offer, and the after-tax part of a card."""

from __future__ import annotations

import json
from typing import Any

import pytest
from offer_docs import document, offer, run

from offereval import bridge, build_view
from offereval._pickers import CURRENCY_NAMES, currencies, places, rate_fields, tax_settings
from offereval._tax import jurisdictions, liability
from offereval._tax._core import FILING_STATUSES

NOW = "2026-11-25T12:00:00+00:00"


# ---- The location picker ------------------------------------------------------------------


def test_places_list_countries_with_regions_first_then_the_others_by_name() -> None:
    listed = places()
    assert [c["code"] for c in listed[:3]] == ["US", "GB", "CA"]
    others = [c["name"] for c in listed[3:]]
    assert others == sorted(others)
    assert {c["code"] for c in listed} == {c.code for c in jurisdictions.COUNTRIES}


def test_every_region_label_names_a_place_the_engine_reads() -> None:
    for country in places():
        for region in country["regions"]:
            assert region["label"] == f"{region['name']} ({region['code']})"
            place = jurisdictions.find(region["code"])
            assert isinstance(place, jurisdictions.Place)
            assert place.region is not None and place.region.name == region["name"]
            assert liability.computes(place), region["code"]
        if not country["regions"]:
            assert isinstance(jurisdictions.find(country["code"]), jurisdictions.Place)


def test_only_new_york_has_a_city_tax() -> None:
    with_locals = {r["code"]: r["locals"] for c in places() for r in c["regions"] if r["locals"]}
    assert with_locals == {"US-NY": [{"value": "NYC", "label": "New York City"}]}


def test_california_is_found_by_its_name() -> None:
    labels = [r["label"] for c in places() for r in c["regions"]]
    assert [label for label in labels if label.startswith("Calif")] == ["California (US-CA)"]


def test_every_currency_of_a_country_is_named_once() -> None:
    codes = [c["value"] for c in currencies()]
    assert codes == sorted(set(codes))
    assert set(codes) == {c.currency for c in jurisdictions.COUNTRIES}
    assert set(CURRENCY_NAMES) == set(codes)


# ---- The document's tax settings ----------------------------------------------------------


def test_tax_settings_offer_the_years_with_data_and_the_filing_statuses() -> None:
    by_key = {f["key"]: f for f in tax_settings()}
    assert [c["value"] for c in by_key["tax_year"]["choices"]] == [
        "",
        *(str(y) for y in reversed(liability.tax_years())),
    ]
    assert [c["value"] for c in by_key["filing_status"]["choices"]] == list(FILING_STATUSES)
    assert by_key["home_currency"]["kind"] == "currency"


def test_a_tax_year_chosen_in_the_form_reads_as_the_year() -> None:
    # the form's select sends "2026"; a file holds 2026: the same evaluation
    year = liability.latest_year()
    typed = run(document(offer(location="US-TX"), tax_year=str(year))).to_dict()
    written = run(document(offer(location="US-TX"), tax_year=year)).to_dict()
    assert typed == written


def test_the_form_answer_carries_the_pickers() -> None:
    data = json.loads(bridge.form())
    assert data["places"] == places()
    assert data["currencies"] == currencies()
    assert data["tax_settings"] == tax_settings()
    location = next(f for f in data["offer_fields"] if f["key"] == "location")
    assert location["kind"] == "location"
    cost = next(f for f in data["offer_fields"] if f["key"] == "cost_of_living")
    assert cost["full_label"] == "Cost of living (index, 100 = where you live now)"


# ---- The exchange rates to ask for --------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # no home currency: nothing to convert into, so no rate is asked for
        (document(offer(location="GB-ENG")), []),
        # paid in the location's currency
        (document(offer(location="GB-ENG"), home_currency="USD"), ["GBP"]),
        # typed in small letters, as a person might
        (document(offer(location="gb-eng"), home_currency="usd"), ["GBP"]),
        # paid in EUR, taxed in GBP: both
        (document(offer(location="GB-ENG", currency="EUR"), home_currency="USD"), ["EUR", "GBP"]),
        # the home currency itself needs no rate
        (document(offer(location="US-CA"), home_currency="USD"), []),
        # a rate already given keeps its field, even when no offer needs it now
        (document(offer(), home_currency="USD", exchange_rates={"CHF": "1.1"}), ["CHF"]),
        # a place whose taxes are not computed is paid in its currency
        (document(offer(location="DE", tax_rate=30), home_currency="GBP"), ["EUR"]),
        # what cannot be read is left out
        ({"offers": "none", "home_currency": 5}, []),
        (document(offer(location="Atlantis"), home_currency="USD"), []),
    ],
)
def test_rate_fields(data: dict[str, Any], expected: list[str]) -> None:
    assert [f["value"] for f in rate_fields(data)] == expected


def test_rate_fields_say_what_to_type() -> None:
    data = document(offer(location="GB-ENG"), home_currency="USD")
    assert rate_fields(data) == [{"value": "GBP", "label": "Value of 1 GBP in USD"}]
    data = document(offer(), exchange_rates={"GBP": "1.27"})
    assert rate_fields(data) == [{"value": "GBP", "label": "Value of 1 GBP in your home currency"}]


def test_evaluate_answers_the_rate_fields_even_when_it_refuses() -> None:
    data = document(offer(location="GB-ENG"), offer(company="B", location="US-CA"))
    data["home_currency"] = "USD"  # the rate of GBP is missing: refused
    answer = json.loads(bridge.evaluate(json.dumps(data), NOW))
    assert answer["ok"] is False
    assert any(p["path"] == "exchange_rates.GBP" for p in answer["problems"])
    assert [f["value"] for f in answer["rate_fields"]] == ["GBP"]


# ---- The after-tax part of a summary card -------------------------------------------------


def test_a_card_shows_the_pay_before_and_after_a_rate_entered() -> None:
    # 100,000 EUR in Germany at an entered 25%: tax 25,000, take-home 75,000;
    # at 1.1 USD a euro, 82,500 USD; first year the same (base salary only)
    data = document(
        offer(location="DE", tax_rate=25, cost_of_living=110),
        home_currency="USD",
        exchange_rates={"EUR": 1.1},
    )
    card = build_view(run(data))["summary"][0]
    after = card["after_tax"]
    assert after is not None
    assert after["title"] == "Before and after tax, in EUR"
    assert after["place"] == "Germany (DE)"
    assert after["rows"] == [
        ["Annualized", "100,000", "75,000"],
        ["First year", "100,000", "75,000"],
    ]
    assert after["figures"] == [
        {"label": "Take-home in USD", "text": "82,500"},
        {"label": "Cost of living (100 is where you live now)", "text": "110"},
        # 82,500 / (110 / 100) = 75,000
        {"label": "Purchasing power", "text": "75,000 USD"},
    ]
    assert after["breakdown"] == [
        {"label": "Effective tax rate you entered (25%)", "text": "25,000"},
        {"label": "Total tax", "text": "25,000"},
        {"label": "Share of the taxed pay", "text": "25.0%"},
    ]
    assert after["note"].endswith('the table "Taxes: A".')
    shown = {f["label"] for f in card["figures"]}
    assert set(after["replaces"]) <= shown


def test_a_card_without_a_known_tax_has_no_after_tax_part() -> None:
    for data in (document(offer()), document(offer(location="DE"))):
        assert build_view(run(data))["summary"][0]["after_tax"] is None


@pytest.mark.parametrize("location", ["US-CA", "US-NY", "GB-SCT", "CA-QC"])
def test_a_cards_figures_are_the_after_tax_tables(location: str) -> None:
    data = document(offer(location=location, base_salary=150000, signing_bonus=20000))
    view = build_view(run(data))
    after = view["summary"][0]["after_tax"]
    assert after is not None
    table = next(t for t in view["tables"] if t["id"] == "after-tax")
    cells = dict(zip(table["columns"], table["rows"][0]["cells"], strict=True))
    assert after["rows"][0][1:] == [cells["Pre-tax total"], cells["Take-home"]]
    taxes = next(t for t in view["tables"] if t["id"] == "taxes-1")
    lines = {r["cells"][0]: r["cells"][1] for r in taxes["rows"]}
    assert {f["label"]: f["text"] for f in after["breakdown"][:-1]} == lines
    by_year = next(t for t in view["tables"] if t["id"] == "take-home-by-year")
    assert after["rows"][1][2] == by_year["rows"][0]["cells"][1]


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("Calif", "; did you mean California (US-CA)?"),
        ("scot", "; did you mean Scotland (GB-SCT)?"),
        ("Germ", "; did you mean Germany (DE)?"),
        ("Atlantis", ""),
    ],
)
def test_a_name_typed_for_a_location_is_answered_with_its_code(typed: str, hint: str) -> None:
    answer = json.loads(bridge.evaluate(json.dumps(document(offer(location=typed))), NOW))
    problem = next(p for p in answer["problems"] if p["path"] == "offers[0].location")
    assert problem["message"].endswith(f"got {typed!r}{hint}")
