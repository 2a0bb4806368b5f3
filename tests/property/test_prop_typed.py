"""Property: a number typed as text means the same as the number itself."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from offer_strategies import modest, offer_sets

from offereval import OfferSet, bridge, evaluate
from offereval._parse import MAX_DIGITS

NOW = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC)
AMOUNT_KEYS = ("base_salary", "equity_grant", "target_bonus", "signing_bonus", "refresher_grant")


def typings(value: float) -> list[str]:
    """Texts a person could type for ``value``, each meaning exactly that amount, within the
    digits the engine reads: 0.00012345678901234567 (21 digits) is refused, as it should be."""
    forms = [repr(value), f"${value:,}", f"£ {value:,}", f"{value:,} EUR"]
    if isinstance(value, int):
        forms += [str(value), f"{value:_}", f"{value:,}".replace(",", " ")]
        if value % 1000 == 0:
            forms += [f"{value // 1000}k", f"${value // 1000}K"]
        if value >= 1_000_000 and value % 100_000 == 0:
            forms.append(f"{value / 1_000_000:g}m")
    return [form for form in forms if sum(c.isdigit() for c in form) <= MAX_DIGITS]


@modest
@given(data=offer_sets(), choices=st.data())
def test_amounts_typed_as_text_evaluate_the_same(data: dict[str, Any], choices: Any) -> None:
    """Rule: replacing any amount by a text that writes it ($200,000, 200k, 200 000 ...)
    changes nothing in the result, and the document written back is the same."""
    typed = copy.deepcopy(data)
    for offer in typed["offers"]:
        for key in AMOUNT_KEYS:
            forms = typings(offer[key]) if key in offer else []
            if forms and choices.draw(st.booleans()):
                offer[key] = choices.draw(st.sampled_from(forms))
    as_typed = OfferSet.from_dict(typed)
    as_numbers = OfferSet.from_dict(data)
    assert as_typed == as_numbers
    assert evaluate(as_typed, NOW).to_dict() == evaluate(as_numbers, NOW).to_dict()


@modest
@given(data=offer_sets(), choices=st.data())
def test_payouts_typed_as_percentages_read_as_ratios(data: dict[str, Any], choices: Any) -> None:
    """Rule: a payout history typed "p%" is the ratio p / 100, so 95% and 0.95 agree."""
    percents = [choices.draw(st.integers(0, 300)) for _ in data["offers"]]
    typed = copy.deepcopy(data)
    for offer, percent in zip(typed["offers"], percents, strict=True):
        offer["bonus_payout_history"] = f"{percent}%"
    read = OfferSet.from_dict(typed)
    assert [o.bonus_payout_history for o in read.offers] == [p / 100 for p in percents]


@modest
@given(data=offer_sets(), blank=st.sampled_from([{}, {"company": ""}, {"base_salary": "200.000"}]))
def test_an_offer_being_typed_changes_nothing_for_the_others(
    data: dict[str, Any], blank: dict[str, Any]
) -> None:
    """Rule: adding an incomplete offer to a document sets it aside and leaves every other
    result as it was (totals, scores, ranking, verdict)."""
    typing = {**data, "offers": [*data["offers"], blank]}
    answer = json.loads(bridge.evaluate(json.dumps(typing), NOW.isoformat()))
    alone = json.loads(bridge.evaluate(json.dumps(data), NOW.isoformat()))
    assert answer["ok"] and alone["ok"]
    assert [o["path"] for o in answer["view"]["incomplete"]] == [f"offers[{len(data['offers'])}]"]
    without = {k: v for k, v in answer["result"].items() if k != "incomplete"}
    assert without == {k: v for k, v in alone["result"].items() if k != "incomplete"}
