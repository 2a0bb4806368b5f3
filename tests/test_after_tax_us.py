"""US locations end to end: the federal taxes (worked by hand, see test_tax_us_federal.py) and
the state module's lines, composed into one breakdown for each year of an offer."""

from __future__ import annotations

from typing import Any

import pytest
from offer_docs import document, offer, run

from offereval._tax import jurisdictions, us_federal, us_states
from offereval._tax._core import FilingStatus


def tc(data: dict[str, Any]) -> dict[str, Any]:
    return run(data).to_dict()["offers"][0]["tc"]


@pytest.mark.parametrize(
    ("status", "pay", "tax"),
    [
        # Texas has no income tax and no payroll program: the federal taxes alone.
        # single 150,000: income tax 24,734 + SS 9,300 + Medicare 2,175
        ("single", 150_000, 36_209.0),
        # married 300,000: 49,468 + 11,439 + 4,350 + Additional Medicare 450
        ("married_joint", 300_000, 65_707.0),
    ],
)
def test_texas_is_the_federal_taxes_alone(status: FilingStatus, pay: float, tax: float) -> None:
    got = tc(document(offer(base_salary=pay, location="US-TX"), filing_status=status))
    assert got["tax"] == pytest.approx(tax, abs=0.005)
    assert got["take_home"] == pytest.approx(pay - tax, abs=0.005)
    assert {t["jurisdiction"] for t in got["taxes"]} == {"US"}


@pytest.mark.parametrize("state", ["CA", "WA"])
@pytest.mark.parametrize("status", ["single", "married_joint"])
def test_state_lines_follow_the_federal_ones(state: str, status: FilingStatus) -> None:
    pay = 180_000.0
    got = tc(document(offer(base_salary=pay, location=f"US-{state}"), filing_status=status))
    federal = us_federal.federal_taxes(2026, status, pay)
    figures = us_federal.federal_figures(2026, status, pay)
    states = us_states.state_taxes(state, 2026, status, pay, figures)
    expected = [(t.name, t.amount) for t in federal + states]
    assert [(t["name"], t["amount"]) for t in got["taxes"]] == expected
    assert got["tax"] == pytest.approx(sum(a for _, a in expected))
    assert states, f"{state} should have a state tax or payroll program"


def test_every_state_of_the_state_module_is_a_known_location() -> None:
    us = next(c for c in jurisdictions.COUNTRIES if c.code == "US")
    regions = {r.code.removeprefix("US-"): r for r in us.regions}
    assert set(us_states.STATE_CODES) <= set(regions)
    for state in us_states.STATE_CODES:
        assert {c for c, _ in regions[state].locals} == set(us_states.LOCALS.get(state, ()))


def test_new_york_city_is_its_own_line() -> None:
    got = tc(document(offer(base_salary=150_000, location="US-NY", local="NYC")))
    by_place = {t["jurisdiction"]: t for t in got["taxes"] if t["jurisdiction"] != "US"}
    nyc = by_place["US-NY-NYC"]
    # New York taxable income 150,000 - 8,000 (the state's standard deduction) = 142,000;
    # the city's rates: 12,000 x 3.078% + 13,000 x 3.762% + 25,000 x 3.819% + 92,000 x 3.876%
    # = 369.36 + 489.06 + 954.75 + 3,565.92
    assert nyc["name"] == "New York City income tax"
    assert nyc["amount"] == pytest.approx(5_379.09, abs=0.01)
    without = tc(document(offer(base_salary=150_000, location="US-NY")))
    assert got["tax"] - without["tax"] == pytest.approx(nyc["amount"])


def test_a_flat_state_adds_its_line_to_the_federal_taxes() -> None:
    got = tc(document(offer(base_salary=150_000, location="US-IL")))
    # Illinois: (150,000 - 2,850 exemption) x 4.95% = 7,283.93 (its 2025 tables);
    # federal single 150,000: 24,734 + 9,300 + 2,175 = 36,209
    assert got["tax"] == pytest.approx(36_209 + 7_283.93, abs=0.01)
    assert got["taxes"][-1]["name"].startswith("Illinois income tax")


def test_a_tax_of_one_year_only_has_its_row_in_the_breakdown() -> None:
    from offereval import build_view

    # Texas, base 150,000 and a 100,000 signing bonus: year 1 pays 250,000, above the 200,000
    # Additional Medicare threshold: (250,000 - 200,000) x 0.9% = 450; the annualized pay,
    # 150,000 + 100,000 / 2 = 200,000, is not above it
    result = run(document(offer(base_salary=150_000, signing_bonus=100_000, location="US-TX")))
    table = next(t for t in build_view(result)["tables"] if t["id"] == "taxes-1")
    row = next(r["cells"] for r in table["rows"] if r["cells"][0] == "Additional Medicare Tax")
    assert row[1:3] == ["0", "450"]
