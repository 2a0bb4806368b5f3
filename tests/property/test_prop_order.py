"""Property: the order of the offers in the file changes no result."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from offer_strategies import modest, offer_sets

from offereval import OfferSet, evaluate

NOW = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC)


@modest
@given(data=offer_sets(min_offers=2), seed=st.randoms(use_true_random=False))
def test_reordering_offers_changes_no_result(data: dict[str, Any], seed: Any) -> None:
    """Rule: per-company results, the ranking, the gut check, the negotiation gaps, the
    tipping points, the decision status and the verdict (its facts and its sentences) do not
    depend on the order of the offers."""
    shuffled = dict(data, offers=list(data["offers"]))
    seed.shuffle(shuffled["offers"])
    a = evaluate(OfferSet.from_dict(data), NOW)
    b = evaluate(OfferSet.from_dict(shuffled), NOW)
    assert {o.company: o.to_dict() for o in a.offers} == {o.company: o.to_dict() for o in b.offers}
    assert a.ranking == b.ranking
    assert a.gut_check == b.gut_check
    assert set(a.gaps) == set(b.gaps)
    assert set(a.equity_sensitivity) == set(b.equity_sensitivity)
    assert set(a.weight_sensitivity) == set(b.weight_sensitivity)
    assert a.decision == b.decision
    assert a.verdict == b.verdict
