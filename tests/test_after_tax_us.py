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
