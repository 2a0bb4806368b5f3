"""Properties of the taxes: more pay never lowers take-home, a tax is never negative nor more
than the pay, and without a location nothing the framework computes changes.

No computed jurisdiction has a notch where a raise lowers take-home: every phase-out (the UK
personal allowance, the Canadian basic personal amounts, Ontario's and British Columbia's tax
reductions, Ontario's Health Premium) takes back less than each extra unit of pay."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from offer_strategies import TAXED_PLACES, modest, offer_sets

from offereval import OfferSet, evaluate
from offereval._tax import canada, jurisdictions, liability, uk, us_federal
from offereval._tax._core import TaxLine

pay = st.floats(0, 5_000_000, allow_nan=False)


def _place(code: str) -> jurisdictions.Place:
    found = jurisdictions.find(code)
    assert isinstance(found, jurisdictions.Place)
    return found


# Every computed jurisdiction, as a function of one year's pay.
JURISDICTIONS: dict[str, Callable[[float], tuple[TaxLine, ...]]] = {
    "US federal, single": lambda p: us_federal.federal_taxes(2026, "single", p),
    "US federal, married_joint": lambda p: us_federal.federal_taxes(2026, "married_joint", p),
    **{region: (lambda p, r=region: uk.uk_taxes(r, 2026, p)) for region in uk.REGIONS},
    # US places: the federal taxes and the state's, as an offer there is taxed
    **{
        f"{place}, {status}": (
            lambda p, place=place, status=status: liability.computed_taxes(
                _place(place), "", 2026, status, p
            )
        )
        for place in ("US-CA", "US-TX", "US-WA")
        for status in ("single", "married_joint")
    },
    # every Canadian province and territory
    **{region: (lambda p, r=region: canada.canada_taxes(r, 2026, p)) for region in canada.REGIONS},
}


def total_tax(lines: tuple[TaxLine, ...]) -> float:
    return sum(t.amount for t in lines)


@pytest.mark.parametrize("name", sorted(JURISDICTIONS))
@modest
@given(low=pay, extra=st.floats(0.01, 1_000_000, allow_nan=False))
def test_more_pay_never_lowers_take_home(name: str, low: float, extra: float) -> None:
    """Rule: take-home (pay less every tax) never falls when the pay rises (the state lines are
    rounded to cents, so up to a cent per line may be rounding)."""
    taxes = JURISDICTIONS[name]
    high = low + extra
    rounding = 0.01 * len(taxes(low))
    assert high - total_tax(taxes(high)) >= low - total_tax(taxes(low)) - rounding


@pytest.mark.parametrize("name", sorted(JURISDICTIONS))
@modest
@given(amount=pay)
def test_tax_is_between_nothing_and_the_pay(name: str, amount: float) -> None:
    """Rule: 0 <= tax <= pay, line by line and in total."""
    lines = JURISDICTIONS[name](amount)
    assert all(t.amount >= 0 for t in lines)
    assert 0 <= total_tax(lines) <= amount + 1e-6


@pytest.mark.parametrize("name", sorted(JURISDICTIONS))
@modest
@given(amount=pay)
def test_every_line_is_sourced(name: str, amount: float) -> None:
    """Rule: every line of a breakdown names the publication its figures were read from."""
    for line in JURISDICTIONS[name](amount):
        assert line.name and line.source.title.strip()


def _without_tax_keys(data: dict[str, Any]) -> dict[str, Any]:
    plain = copy.deepcopy(data)
    for key in ("tax_year", "filing_status", "home_currency", "exchange_rates"):
        plain.pop(key, None)
    for o in plain["offers"]:
        for key in ("location", "local", "currency", "cost_of_living", "tax_rate"):
            o.pop(key, None)
    return plain


@modest
@given(offer_sets())
def test_a_location_changes_no_pre_tax_figure(data: dict[str, Any]) -> None:
    """Rule: taxes add figures and never change the framework's: every pre-tax total and year
    is the same with and without the tax keys; without them no tax is shown."""
    plain = evaluate(OfferSet.from_dict(_without_tax_keys(data)))
    taxed = evaluate(OfferSet.from_dict(data))
    assert [o.pay for o in taxed.offers] == [o.pay for o in plain.offers]
    for o in plain.offers:
        assert o.after_tax.annual.tax is None and o.after_tax.home.rate == 1
        assert all(y.tax is None for y in o.after_tax.years)


@modest
@given(offer_sets())
def test_taxed_offers_keep_tax_within_pay(data: dict[str, Any]) -> None:
    """Rule: in every evaluated offer, 0 <= tax <= taxable pay and take-home = total - tax."""
    for o in evaluate(OfferSet.from_dict(data)).offers:
        a = o.after_tax
        periods = [(a.annual, o.pay.annual.total, o.pay.annual.benefits)] + [
            (t, y.total, y.benefits) for t, y in zip(a.years, o.pay.years, strict=True)
        ]
        for taxed, total, benefits in periods:
            if taxed.tax is None:
                assert o.after_tax.location not in TAXED_PLACES
                continue
            assert -1e-6 <= taxed.tax <= total - benefits + 1e-6
            assert taxed.take_home == pytest.approx(total - taxed.tax)
