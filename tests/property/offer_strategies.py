"""Hypothesis strategies shared by the property tests: valid offers, offers files, and
arbitrary JSON-like data for the robustness properties."""

from __future__ import annotations

import datetime
import functools
import itertools
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from offereval import content

FACTOR_IDS = [f.id for f in content.FACTORS]
GROWTH_IDS = [a.id for a in content.GROWTH_AREAS]
FLAG_IDS = [f.id for f in content.RED_FLAGS]
STAGES = list(content.stage_ids())

# Names that differ even after stripping spaces; some are YAML-tricky on purpose.
COMPANY_NAMES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s and s != "")
SIMPLE_NAMES = st.sampled_from(["BigTech Inc", "GrowthStartup", "yes", "1_000", "A: B", "é"])

money = st.one_of(st.integers(0, 2_000_000), st.floats(0, 2_000_000, allow_nan=False))
percent_of_100 = st.integers(0, 100)


def _parts(cuts: list[int]) -> list[int]:
    bounds = [0, *sorted(cuts), 100]
    return [b - a for a, b in itertools.pairwise(bounds)]


# Strategies are built once, not in each draw: building one costs Hypothesis more than drawing.
@functools.cache
def parts_of_100(n: int) -> st.SearchStrategy[list[int]]:
    """n whole percentages summing to exactly 100."""
    return st.lists(percent_of_100, min_size=n - 1, max_size=n - 1).map(_parts)


ratings = st.dictionaries(
    st.sampled_from(FACTOR_IDS), st.sampled_from([1, 2, 2.5, 3, 4, 4.5, 5]), max_size=6
)
growth = st.dictionaries(
    st.sampled_from(GROWTH_IDS), st.sampled_from(["high", "medium", "low"]), max_size=4
)
red_flags = st.lists(st.sampled_from(FLAG_IDS), unique=True, max_size=4)
# Places whose taxes are computed, all paid in one currency (so no home currency is needed).
TAXED_PLACES = ("GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR")


_OPTIONAL: dict[str, st.SearchStrategy[Any]] = {
    "target_bonus": money,
    "bonus_payout_history": st.floats(0, 3, allow_nan=False),
    "signing_bonus": money,
    "cliff_months": st.integers(0, 60),
    "refresher_grant": money,
    "raise_percent": st.floats(0, 25, allow_nan=False),
    "benefits_value": st.integers(0, 50_000),
    "location_acceptable": st.booleans(),
    "ratings": ratings,
    "growth": growth,
    "red_flags": red_flags,
    "notes": st.text(max_size=20),
    "location": st.sampled_from(TAXED_PLACES),
    "cost_of_living": st.floats(1, 1000, allow_nan=False),
    "tax_rate": st.floats(0, 100, allow_nan=False),
}
# Which optional keys an offer has; "vesting_schedule" depends on the vesting years.
_CHOSEN = st.lists(st.sampled_from(sorted([*_OPTIONAL, "vesting_schedule"])), unique=True)
_OPTIONS = st.fixed_dictionaries(
    {
        "option_count": st.integers(1, 200_000),
        "strike_price": st.floats(0, 50, allow_nan=False),
        "share_price": st.floats(0, 100, allow_nan=False),
    }
)


def _offer(draw: st.DrawFn, company: str) -> dict[str, Any]:
    """One valid offer as an offers file writes it, with any mix of the optional keys."""
    vesting_years = draw(st.integers(1, 6))
    offer: dict[str, Any] = {
        "company": company,
        "base_salary": draw(money),
        "company_stage": draw(st.sampled_from(STAGES)),
        "vesting_years": vesting_years,
    }
    if draw(st.booleans()):
        offer.update(draw(_OPTIONS))
    else:
        offer["equity_grant"] = draw(money)
    for key in draw(_CHOSEN):
        schedule = key == "vesting_schedule"
        offer[key] = draw(parts_of_100(vesting_years) if schedule else _OPTIONAL[key])
    if "location" in offer:
        offer.pop("tax_rate", None)  # a rate is only for places whose taxes are not computed
    return offer


timestamps = st.builds(
    lambda moment, minutes: moment.replace(
        tzinfo=datetime.timezone(datetime.timedelta(minutes=minutes))
    ).isoformat(),
    st.datetimes(min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2100, 1, 1)),
    st.integers(-12 * 60, 14 * 60),
)


_ASSUMPTIONS = st.fixed_dictionaries(
    {
        "stage_factors": st.fixed_dictionaries(
            {s: st.floats(0, 1, allow_nan=False) for s in STAGES}
        ),
        "signing_tenure_years": st.floats(0.25, 10, allow_nan=False),
        "projection_years": st.integers(1, 10),
    }
)


@functools.cache
def _names(min_offers: int, max_offers: int) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.one_of(SIMPLE_NAMES, COMPANY_NAMES),
        min_size=min_offers,
        max_size=max_offers,
        unique=True,
    )


@st.composite
def offer_sets(draw: st.DrawFn, min_offers: int = 1, max_offers: int = 4) -> dict[str, Any]:
    """A valid offers file: 1-4 offers with distinct companies, and any of the settings."""
    names = draw(_names(min_offers, max_offers))
    data: dict[str, Any] = {"offers": [_offer(draw, name) for name in names]}
    if draw(st.booleans()):  # at most one offer is the job held now
        data["offers"][draw(st.integers(0, len(names) - 1))]["current_job"] = True
    if draw(st.booleans()):
        data["assumptions"] = draw(_ASSUMPTIONS)
    if draw(st.booleans()):
        data["weights"] = dict(zip(FACTOR_IDS, draw(parts_of_100(len(FACTOR_IDS))), strict=True))
    if draw(st.booleans()):
        data["minimum_total_comp"] = draw(money)
    if draw(st.booleans()):
        data["dealbreakers"] = draw(red_flags)
    if draw(st.booleans()):
        data["filing_status"] = draw(st.sampled_from(["single", "married_joint"]))
    if draw(st.booleans()):
        data["tax_year"] = 2026
    if draw(st.booleans()):
        data["home_currency"] = "GBP"
    if draw(st.booleans()):
        _add_own_items_and_calls(draw, data, names)
    if draw(st.booleans()):
        decision: dict[str, Any] = {"choice": draw(st.sampled_from(names))}
        if draw(st.booleans()):
            decision["decided_at"] = draw(timestamps)
        if draw(st.booleans()):
            decision["committed"] = draw(st.booleans())
        if decision.get("committed") and "decided_at" in decision and draw(st.booleans()):
            decided = datetime.datetime.fromisoformat(decision["decided_at"])
            hours = draw(st.floats(0, 100, allow_nan=False))
            decision["committed_at"] = (decided + datetime.timedelta(hours=hours)).isoformat()
        if decision.get("committed") and draw(st.booleans()):
            decision["early_commit_confirmed"] = True
        data["decision"] = decision
    return data


# Free text as people type it, YAML-tricky on purpose; no surrounding spaces (they are trimmed).
NOTE_TEXT = st.one_of(
    st.sampled_from(["Yes, with Sam: next week", "- no", "#1 priority", "true", "20 Nov"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
).map(str.strip)
OWN_IDS = st.from_regex(r"mine_[a-z0-9_]{1,10}", fullmatch=True)
_SOME_NOTE_TEXT = NOTE_TEXT.filter(bool)


def _add_own_items_and_calls(draw: st.DrawFn, data: dict[str, Any], names: list[str]) -> None:
    """Own red flags and questions, used in dealbreakers and red flags, and calls that tick and
    answer any item; some calls are with a company that has an offer, some not."""
    ids = draw(st.lists(OWN_IDS, unique=True, max_size=4))
    flags, questions = ids[: len(ids) // 2], ids[len(ids) // 2 :]
    text = _SOME_NOTE_TEXT
    data["own_red_flags"] = [{"id": i, "text": draw(text)} for i in flags]
    data["own_questions"] = [{"id": i, "text": draw(text)} for i in questions]
    if flags and draw(st.booleans()):
        data["dealbreakers"] = [*draw(red_flags), flags[0]]
    if flags:
        data["offers"][0]["red_flags"] = [flags[-1]]
    items = [*content.checklist_item_ids(), *ids]
    companies = draw(st.lists(st.one_of(st.sampled_from(names), SIMPLE_NAMES), unique=True))
    data["calls"] = [
        {
            "company": company,
            "date": draw(NOTE_TEXT),
            "round": draw(NOTE_TEXT),
            "ticked": draw(st.lists(st.sampled_from(items), unique=True, max_size=5)),
            "answers": draw(st.dictionaries(st.sampled_from(items), text, max_size=3)),
        }
        for company in companies
    ]


# Anything JSON can hold (NaN and infinities included: JSON readers accept them).
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10))
json_data = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)
# The same without NaN, for equality after a round trip.
comparable_json = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=10),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
            children,
            max_size=4,
        ),
    ),
    max_leaves=12,
)

# Enough examples to find the edge cases, few enough to keep the suite well under a minute;
# OFFEREVAL_EXAMPLES=5000 searches harder.
modest = settings(
    max_examples=int(os.environ.get("OFFEREVAL_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
