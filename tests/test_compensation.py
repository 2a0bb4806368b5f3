"""Annualized total compensation (the framework's formula) and the year-by-year projection.

Every expected figure is worked out by hand in the table, next to the case.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from offer_docs import BIGTECH, GROWTH_STARTUP, offer, pay_of, run

from offereval import InputError, OfferSet
from offereval._compensation import compensation

PARTS = ("base", "equity", "bonus", "signing_amortized", "benefits", "total")


@pytest.mark.parametrize(
    ("offer_keys", "assumptions", "expected"),
    [
        # --- the framework's own example ---
        # 200000 + 400000/4*1.0 + 30000*1.0 + 50000/2 = 200000 + 100000 + 30000 + 25000
        (BIGTECH, None, (200000, 100000, 30000, 25000, 0, 355000)),
        # 180000 + 600000/4*0.6 + 20000*0.8 + 30000/2 = 180000 + 90000 + 16000 + 15000
        (GROWTH_STARTUP, None, (180000, 90000, 16000, 15000, 0, 301000)),
        # --- stage factors: public 1.0, late-stage private 0.6, early stage 0.1 ---
        # 100000 + 200000/4*1.0
        (offer(equity_grant=200000), None, (100000, 50000, 0, 0, 0, 150000)),
        # 100000 + 200000/4*0.6
        (
            offer(equity_grant=200000, company_stage="late_stage_private"),
            None,
            (100000, 30000, 0, 0, 0, 130000),
        ),
        # 100000 + 200000/4*0.1
        (
            offer(equity_grant=200000, company_stage="early_stage"),
            None,
            (100000, 5000, 0, 0, 0, 105000),
        ),
        # --- the other inputs, one at a time ---
        # base only: the defaults add nothing
        (offer(), None, (100000, 0, 0, 0, 0, 100000)),
        # 300000 over 3 years = 100000 a year
        (offer(equity_grant=300000, vesting_years=3), None, (100000, 100000, 0, 0, 0, 200000)),
        # the schedule does not change the framework's average: 400000/4
        (
            offer(equity_grant=400000, vesting_schedule=[5, 15, 40, 40]),
            None,
            (100000, 100000, 0, 0, 0, 200000),
        ),
        # bonus paid above target: 10000*1.2 = 12000
        (
            offer(target_bonus=10000, bonus_payout_history=1.2),
            None,
            (100000, 0, 12000, 0, 0, 112000),
        ),
        # a bonus that is never paid counts 0: 10000*0
        (offer(target_bonus=10000, bonus_payout_history=0), None, (100000, 0, 0, 0, 0, 100000)),
        # benefits are added to the total as they are: 100000 + 12000
        (offer(benefits_value=12000), None, (100000, 0, 0, 0, 12000, 112000)),
        # options: 10000 x (5 - 2) = 30000 spread over 4 years = 7500
        (
            offer(option_count=10000, strike_price=2, share_price=5),
            None,
            (100000, 7500, 0, 0, 0, 107500),
        ),
        # options under water count nothing: 10000 x max(5 - 10, 0) = 0
        (
            offer(option_count=10000, strike_price=10, share_price=5),
            None,
            (100000, 0, 0, 0, 0, 100000),
        ),
        # late-stage options: 40000 x (4 - 1) = 120000 / 4 * 0.6 = 18000
        (
            offer(
                option_count=40000,
                strike_price=1,
                share_price=4,
                company_stage="late_stage_private",
            ),
            None,
            (100000, 18000, 0, 0, 0, 118000),
        ),
        # refreshers do not enter the framework's annual figure, only the projection
        (offer(refresher_grant=40000), None, (100000, 0, 0, 0, 0, 100000)),
        # --- assumptions overridden in the file ---
        # late-stage factor 0.5: 600000/4*0.5 = 75000; 180000 + 75000 + 16000 + 15000
        (
            GROWTH_STARTUP,
            {"stage_factors": {"late_stage_private": 0.5}},
            (180000, 75000, 16000, 15000, 0, 286000),
        ),
        # the factors not given keep their defaults: public still 1.0
        (
            BIGTECH,
            {"stage_factors": {"late_stage_private": 0.5}},
            (200000, 100000, 30000, 25000, 0, 355000),
        ),
        # public factor 0.8: 400000/4*0.8 = 80000
        (BIGTECH, {"stage_factors": {"public": 0.8}}, (200000, 80000, 30000, 25000, 0, 335000)),
        # tenure of 4 years: 50000/4 = 12500; 200000 + 100000 + 30000 + 12500
        (BIGTECH, {"signing_tenure_years": 4}, (200000, 100000, 30000, 12500, 0, 342500)),
        # tenure of 1 year: the whole signing bonus counts
        (BIGTECH, {"signing_tenure_years": 1}, (200000, 100000, 30000, 50000, 0, 380000)),
        # early stage at 0: equity counted as nothing
        (
            offer(equity_grant=200000, company_stage="early_stage"),
            {"stage_factors": {"early_stage": 0}},
            (100000, 0, 0, 0, 0, 100000),
        ),
    ],
)
def test_annual_total(
    offer_keys: dict[str, Any], assumptions: dict[str, Any] | None, expected: tuple[float, ...]
) -> None:
    annual = pay_of(offer_keys, assumptions).annual.to_dict()
    assert tuple(annual[part] for part in PARTS) == pytest.approx(expected)


def test_framework_example_totals_through_evaluate() -> None:
    """The framework's example gives exactly 355,000 and 301,000."""
    result = run({"offers": [BIGTECH, GROWTH_STARTUP]})
    assert result.offer("BigTech Inc").pay.annual.total == 355000
    assert result.offer("GrowthStartup").pay.annual.total == 301000


@pytest.mark.parametrize(
    ("offer_keys", "assumptions", "part", "expected"),
    [
        # --- the framework's example, year by year ---
        # the signing bonus is paid in year 1, not spread
        (BIGTECH, None, "signing", [50000, 0, 0, 0]),
        # 200000 + 100000 + 30000 + 50000 = 380000, then 330000 a year
        (BIGTECH, None, "total", [380000, 330000, 330000, 330000]),
        # 180000 + 90000 + 16000 + 30000 = 316000, then 286000 a year
        (GROWTH_STARTUP, None, "total", [316000, 286000, 286000, 286000]),
        # --- vesting schedules (grant 400000, public) ---
        # even by default: 400000/4 each year
        (offer(equity_grant=400000), None, "equity", [100000, 100000, 100000, 100000]),
        # 5/15/40/40: 20000, 60000, 160000, 160000
        (
            offer(equity_grant=400000, vesting_schedule=[5, 15, 40, 40]),
            None,
            "equity",
            [20000, 60000, 160000, 160000],
        ),
        # three years even: 300000/3, then nothing left to vest
        (offer(equity_grant=300000, vesting_years=3), None, "equity", [100000, 100000, 100000, 0]),
        # --- cliffs ---
        # a 12-month cliff changes nothing at yearly resolution
        (
            offer(equity_grant=400000, cliff_months=12),
            None,
            "equity",
            [100000, 100000, 100000, 100000],
        ),
        # no cliff at all: the same yearly amounts
        (
            offer(equity_grant=400000, cliff_months=0),
            None,
            "equity",
            [100000, 100000, 100000, 100000],
        ),
        # an 18-month cliff: nothing in year 1; 24 months' worth (50%) vests in year 2
        (offer(equity_grant=400000, cliff_months=18), None, "equity", [0, 200000, 100000, 100000]),
        # a 30-month cliff: 30 months' worth (62.5%) vests at month 30, in year 3, with the
        # rest of year 3 (75% by month 36): 0, 0, 300000, 100000
        (offer(equity_grant=400000, cliff_months=30), None, "equity", [0, 0, 300000, 100000]),
        # 5/15/40/40 with an 18-month cliff: 5% + 15% = 20% vests in year 2 (80000)
        (
            offer(equity_grant=400000, vesting_schedule=[5, 15, 40, 40], cliff_months=18),
            None,
            "equity",
            [0, 80000, 160000, 160000],
        ),
        # a cliff longer than the whole vesting period: everything vests at the cliff
        # (1-year grant of 100000, 18-month cliff -> all of it in year 2)
        (
            offer(equity_grant=100000, vesting_years=1, cliff_months=18),
            None,
            "equity",
            [0, 100000, 0, 0],
        ),
        # --- refreshers: granted at the end of year k, vesting from year k+1 ---
        # 400000 grant + 40000 a year, even over 4: the year-1 refresher adds 10000 from year 2,
        # the year-2 one another 10000 from year 3, ...: 100000, 110000, 120000, 130000
        (
            offer(equity_grant=400000, refresher_grant=40000),
            None,
            "equity",
            [100000, 110000, 120000, 130000],
        ),
        # refreshers only, late stage: 100000 x 0.6 / 4 = 15000 per refresher per year
        (
            offer(refresher_grant=100000, company_stage="late_stage_private"),
            None,
            "equity",
            [0, 15000, 30000, 45000],
        ),
        # refreshers on the 5/15/40/40 schedule (100000 each): year 2 = 5000,
        # year 3 = 15000 + 5000, year 4 = 40000 + 15000 + 5000
        (
            offer(refresher_grant=100000, vesting_schedule=[5, 15, 40, 40]),
            None,
            "equity",
            [0, 5000, 20000, 60000],
        ),
        # a refresher also waits out an 18-month cliff: first vests in year 3 (50% of 100000)
        (offer(refresher_grant=100000, cliff_months=18), None, "equity", [0, 0, 50000, 75000]),
        # --- raises compound on base and bonus ---
        # 100000 x 1.1^(year-1)
        (offer(raise_percent=10), None, "base", [100000, 110000, 121000, 133100]),
        # 10000 x 1.0 x 1.1^(year-1)
        (offer(raise_percent=10, target_bonus=10000), None, "bonus", [10000, 11000, 12100, 13310]),
        # the payout history applies first: 10000 x 0.5 = 5000, then 5500, 6050, 6655
        (
            offer(raise_percent=10, target_bonus=10000, bonus_payout_history=0.5),
            None,
            "bonus",
            [5000, 5500, 6050, 6655],
        ),
        # raises do not touch equity: 400000/4 every year
        (
            offer(raise_percent=10, equity_grant=400000),
            None,
            "equity",
            [100000, 100000, 100000, 100000],
        ),
        # --- benefits, options ---
        # benefits count every year as they are, no raise
        (
            offer(benefits_value=12000, raise_percent=10),
            None,
            "benefits",
            [12000, 12000, 12000, 12000],
        ),
        # options: 10000 x (5 - 2) = 30000 over 4 years
        (
            offer(option_count=10000, strike_price=2, share_price=5),
            None,
            "equity",
            [7500, 7500, 7500, 7500],
        ),
        # --- assumptions ---
        # a 6-year projection of a 4-year grant: years 5 and 6 have no equity
        (
            offer(equity_grant=400000),
            {"projection_years": 6},
            "equity",
            [100000, 100000, 100000, 100000, 0, 0],
        ),
        # a 2-year projection
        (BIGTECH, {"projection_years": 2}, "total", [380000, 330000]),
        # the stage factor applies to every year: 400000/4 x 0.5
        (
            offer(equity_grant=400000),
            {"stage_factors": {"public": 0.5}},
            "equity",
            [50000, 50000, 50000, 50000],
        ),
        # the tenure assumption does not move the signing bonus out of year 1
        (BIGTECH, {"signing_tenure_years": 4}, "signing", [50000, 0, 0, 0]),
    ],
)
def test_projection(
    offer_keys: dict[str, Any],
    assumptions: dict[str, Any] | None,
    part: str,
    expected: list[float],
) -> None:
    years = pay_of(offer_keys, assumptions).years
    assert [y.year for y in years] == list(range(1, len(expected) + 1))
    assert [getattr(y, part) for y in years] == pytest.approx(expected)


def test_year_total_is_the_sum_of_its_parts() -> None:
    # 100000 + 10000 + 10000x1.0 + 20000 + 5000 in year 1; no signing in year 2
    years = pay_of(
        offer(equity_grant=40000, target_bonus=10000, signing_bonus=20000, benefits_value=5000)
    ).years
    assert [y.total for y in years[:2]] == pytest.approx([145000, 125000])


def test_signing_bonus_in_year_one_while_the_annual_figure_amortizes_it() -> None:
    pay = pay_of(offer(signing_bonus=30000))
    assert pay.annual.signing_amortized == 15000  # 30000 / 2 years
    assert pay.first_year.signing == 30000


@pytest.mark.parametrize(
    ("offer_keys", "grant_value", "exercise_cost"),
    [
        # RSUs: the grant's value is the grant; there is nothing to exercise
        (offer(equity_grant=400000), 400000, 0),
        # 10000 options: spread 10000 x (5 - 2) = 30000; exercising costs 10000 x 2 = 20000
        (offer(option_count=10000, strike_price=2, share_price=5), 30000, 20000),
        # under water: worth nothing, exercise cost still reported: 10000 x 10
        (offer(option_count=10000, strike_price=10, share_price=5), 0, 100000),
        # a strike of 0 costs nothing: 1000 x 3
        (offer(option_count=1000, share_price=3), 3000, 0),
    ],
)
def test_grant_value_and_exercise_cost(
    offer_keys: dict[str, Any], grant_value: float, exercise_cost: float
) -> None:
    pay = pay_of(offer_keys)
    assert pay.grant_value == pytest.approx(grant_value)
    assert pay.exercise_cost == pytest.approx(exercise_cost)


def test_exercise_cost_is_reported_not_subtracted() -> None:
    # 10000 x (5 - 2) / 4 = 7500 counted; the 20000 exercise cost is not taken off the total
    pay = pay_of(offer(option_count=10000, strike_price=2, share_price=5))
    assert pay.annual.total == 107500
    assert pay.to_dict()["exercise_cost"] == 20000


@pytest.mark.parametrize(
    ("offer_keys", "path", "fragment"),
    [
        (
            offer(option_count=100, share_price=5, equity_grant=1000),
            "offers[0].option_count",
            "either an equity grant (RSUs) or stock options, not both",
        ),
        (
            offer(option_count=100, strike_price=1),
            "offers[0].share_price",
            "is required when option_count is given",
        ),
    ],
)
def test_option_rules(offer_keys: dict[str, Any], path: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict({"offers": [offer_keys]})
    assert any(p.path == path and fragment in p.message for p in caught.value.problems)


def test_stage_factor_defaults_and_the_illiquidity_discount() -> None:
    """public 1.0, late-stage private 0.6 (the framework's 40% discount), early stage 0.1."""
    factors = dict(OfferSet.from_dict({"offers": [offer()]}).assumptions.stage_factors)
    assert factors == {"public": 1.0, "late_stage_private": 0.6, "early_stage": 0.1}
    assumptions = OfferSet.from_dict({"offers": [offer()]}).assumptions
    assert (assumptions.signing_tenure_years, assumptions.projection_years) == (2, 4)


def test_worthless_options_survive_a_round_trip() -> None:
    """share_price is required with options, so it is written even when it is 0."""
    offer_set = OfferSet.from_dict({"offers": [offer(option_count=100, share_price=0)]})
    assert offer_set.to_dict()["offers"][0]["share_price"] == 0
    assert OfferSet.from_dict(offer_set.to_dict()) == offer_set


def test_a_longer_cliff_moves_money_from_year_1_to_year_2() -> None:
    # 400000 over 4 years: with a 12-month cliff year 1 gets 100000; with 18 months it gets 0
    # and year 2 gets both years' 100000; the four-year sum stays 400000.
    at_12 = [y.equity for y in pay_of(offer(equity_grant=400000, cliff_months=12)).years]
    at_18 = [y.equity for y in pay_of(offer(equity_grant=400000, cliff_months=18)).years]
    assert at_18[0] == at_12[0] - 100000 == 0
    assert at_18[1] == at_12[1] + 100000 == 200000
    assert sum(at_18) == sum(at_12) == 400000


@pytest.mark.parametrize("key", ["base_salary", "signing_bonus", "equity_grant", "raise_percent"])
def test_negative_zero_is_read_as_zero(key: str) -> None:
    # -0.0 is a valid float, and would be printed as "-0.0" in every figure derived from it.
    offer_set = OfferSet.from_dict({"offers": [offer(**{key: -0.0})]})
    value = getattr(offer_set.offers[0], key)
    assert value == 0 and math.copysign(1.0, value) == 1.0
    pay = compensation(offer_set.offers[0], offer_set.assumptions)
    assert all(math.copysign(1.0, v) == 1.0 for v in pay.annual.to_dict().values())
