"""Property: raising a base salary never lowers a total."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from offer_strategies import modest, offer_sets

from offereval import OfferSet, evaluate


@modest
@given(data=offer_sets(), which=st.integers(0, 3), more=st.integers(1, 500_000))
def test_a_higher_base_never_lowers_a_total(data: dict[str, Any], which: int, more: int) -> None:
    """Rule: raising one offer's base salary never lowers its annualized total, nor the total
    of any projected year."""
    index = which % len(data["offers"])
    before = evaluate(OfferSet.from_dict(data)).offers[index].pay
    data["offers"][index]["base_salary"] += more
    after = evaluate(OfferSet.from_dict(data)).offers[index].pay
    assert after.annual.total >= before.annual.total
    for old, new in zip(before.years, after.years, strict=True):
        assert new.total >= old.total


@modest
@given(data=offer_sets(min_offers=2), more=st.integers(1, 500_000))
def test_a_higher_base_changes_no_other_offers_pay(data: dict[str, Any], more: int) -> None:
    """Rule: one offer's pay depends on that offer and the assumptions only."""
    before = evaluate(OfferSet.from_dict(data)).offers[1:]
    data["offers"][0]["base_salary"] += more
    after = evaluate(OfferSet.from_dict(data)).offers[1:]
    assert [o.pay for o in after] == [o.pay for o in before]
