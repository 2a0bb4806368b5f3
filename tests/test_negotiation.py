"""The negotiation gap and the sensitivity of the leader: worked by hand on the framework."""

from __future__ import annotations

from typing import Any

import pytest
from offer_docs import BIGTECH, GROWTH_STARTUP, document, framework_document, offer, run

from offereval import build_view, example


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # --- the framework's example: GrowthStartup (301000) behind BigTech Inc (355000) ---
        # gap 355000 - 301000 = 54000; first year 380000 - 316000 = 64000;
        # more signing 54000 x 2 (tenure); more equity 54000 x 4 years / 0.6 = 360000
        (
            framework_document(),
            ("GrowthStartup", "BigTech Inc", 54000, 64000, 54000, 108000, 360000),
        ),
        # a 3-year tenure: BigTech 200000 + 100000 + 30000 + 50000/3 = 346666.67,
        # GrowthStartup 180000 + 90000 + 16000 + 30000/3 = 296000; gap 50666.67;
        # more signing 50666.67 x 3 = 152000; more equity 50666.67 x 4 / 0.6 = 337777.78;
        # the first year is untouched by the tenure: still 64000
        (
            framework_document(assumptions={"signing_tenure_years": 3}),
            ("GrowthStartup", "BigTech Inc", 50666.6667, 64000, 50666.6667, 152000, 337777.7778),
        ),
        # an early-stage offer: equity counted at 0.1, so the grant must grow 4 / 0.1 = 40x
        # behind by 100000 + 10000 = 110000 (150000 vs 100000 base + 400000/4 x 0.1)
        (
            document(
                offer(company="Big", base_salary=150000),
                offer(company="Seed", company_stage="early_stage", equity_grant=400000),
            ),
            ("Seed", "Big", 40000, 40000, 40000, 80000, 1600000),
        ),
        # a stage counted at 0: no equity grant closes the gap
        (
            document(
                offer(company="Big", base_salary=150000),
                offer(company="Seed", company_stage="early_stage"),
                assumptions={"stage_factors": {"early_stage": 0}},
            ),
            ("Seed", "Big", 50000, 50000, 50000, 100000, None),
        ),
        # a factor next to zero: the grant needed, 50000 x 4 / 5e-324, is beyond any number
        (
            document(
                offer(company="Big", base_salary=150000),
                offer(company="Seed", company_stage="early_stage"),
                assumptions={"stage_factors": {"early_stage": 5e-324}},
            ),
            ("Seed", "Big", 50000, 50000, 50000, 100000, None),
        ),
        # a factor of 1e-300: the grant needed, 50000 x 4 / 1e-300 = 2e305, is finite but far
        # beyond any grant an offers file can hold (10^12): no grant closes the gap
        (
            document(
                offer(company="Big", base_salary=150000),
                offer(company="Seed", company_stage="early_stage"),
                assumptions={"stage_factors": {"early_stage": 1e-300}},
            ),
            ("Seed", "Big", 50000, 50000, 50000, 100000, None),
        ),
        # vesting over 3 years: 50000 x 3 / 1.0
        (
            document(
                offer(company="Big", base_salary=150000), offer(company="Small", vesting_years=3)
            ),
            ("Small", "Big", 50000, 50000, 50000, 100000, 150000),
        ),
    ],
)
def test_negotiation_gap(data: dict[str, Any], expected: tuple[Any, ...]) -> None:
    gaps = run(data).gaps
    assert len(gaps) == 1
    g = gaps[0]
    company, target, total, first, base, signing, equity = expected
    assert (g.company, g.target) == (company, target)
    assert g.total_gap == pytest.approx(total)
    assert g.first_year_gap == pytest.approx(first)
    assert g.more_base == pytest.approx(base)
    assert g.more_signing == pytest.approx(signing)
    assert g.more_equity == (None if equity is None else pytest.approx(equity))


@pytest.mark.parametrize(
    ("change", "amount_key"),
    [
        ("base_salary", "more_base"),
        ("signing_bonus", "more_signing"),
        ("equity_grant", "more_equity"),
    ],
)
def test_each_way_closes_the_gap_exactly(change: str, amount_key: str) -> None:
    """Adding the suggested amount makes the annualized totals equal."""
    gap = run(framework_document()).gaps[0]
    raised = dict(GROWTH_STARTUP, **{change: GROWTH_STARTUP[change] + getattr(gap, amount_key)})
    after = run(document(BIGTECH, raised))
    assert after.offer("GrowthStartup").pay.annual.total == pytest.approx(355000)


def test_every_offer_is_compared_with_the_highest_total() -> None:
    result = run(
        document(
            offer(company="Top", base_salary=300000),
            offer(company="Mid", base_salary=200000),
            offer(company="Low", base_salary=100000),
        )
    )
    assert [(g.company, g.target, g.total_gap) for g in result.gaps] == [
        ("Mid", "Top", 100000),
        ("Low", "Top", 200000),
    ]


def test_the_target_of_equal_totals_is_the_first_name() -> None:
    result = run(
        document(
            offer(company="Zeta"), offer(company="Alpha"), offer(company="Mid", base_salary=50000)
        )
    )
    assert {g.target for g in result.gaps} == {"Alpha"}
    assert {g.company: g.total_gap for g in result.gaps} == {"Zeta": 0, "Mid": 50000}


def test_every_offer_is_also_compared_with_the_current_job() -> None:
    # Top 300,000, Now (the current job) 200,000, Low 100,000
    result = run(
        document(
            offer(company="Top", base_salary=300000),
            offer(company="Now", base_salary=200000, current_job=True),
            offer(company="Low", base_salary=100000),
        )
    )
    assert [(g.company, g.target, g.target_is_current_job, g.total_gap) for g in result.gaps] == [
        # to the highest total, the current job included (what it would take to stay)
        ("Now", "Top", False, 100000),
        ("Low", "Top", False, 200000),
        # to staying: Top pays 100,000 more (a negative gap), Low 100,000 less
        ("Top", "Now", True, -100000),
        ("Low", "Now", True, 100000),
    ]
    table = next(t for t in build_view(result)["tables"] if t["id"] == "negotiation")
    assert table["caption"] == (
        "Negotiation gap to the highest annualized total and to your current job"
    )
    assert [r["cells"][1:5] for r in table["rows"]][2:] == [
        ["Now (your current job)", "-100,000", "-100,000", "none needed"],
        ["Now (your current job)", "100,000", "100,000", "100,000"],
    ]


def test_a_current_job_with_the_highest_total_is_compared_once() -> None:
    result = run(
        document(
            offer(company="Now", base_salary=300000, current_job=True),
            offer(company="Low", base_salary=100000),
        )
    )
    assert [(g.company, g.target, g.target_is_current_job) for g in result.gaps] == [
        ("Low", "Now", True)
    ]


def test_one_offer_has_no_gap() -> None:
    assert run(document(offer())).gaps == ()


def test_equity_tipping_points_of_the_framework_example() -> None:
    # BigTech's total is 255000 + 100000 x public factor; GrowthStartup's 301000 at 0.6.
    #   255000 + 100000 x f = 301000  ->  f = 0.46: below it GrowthStartup leads.
    # GrowthStartup's total is 211000 + 150000 x late-stage factor; BigTech's 355000.
    #   211000 + 150000 x f = 355000  ->  f = 0.96: above it GrowthStartup leads.
    points = {p.quantity: p for p in run(framework_document()).equity_sensitivity}
    assert set(points) == {"public", "late_stage_private"}
    public, late = points["public"], points["late_stage_private"]
    assert (public.direction, public.at, public.current) == ("below", pytest.approx(0.46), 1.0)
    assert (late.direction, late.at, late.current) == ("above", pytest.approx(0.96), 0.6)
    for p in (public, late):
        assert (p.leader, p.new_leader) == ("BigTech Inc", "GrowthStartup")


def test_tipping_point_crossed_changes_the_leader() -> None:
    """Just past each tipping point, the highest annualized total really changes hands."""
    for factors, leader in (
        ({"public": 0.45}, "GrowthStartup"),
        ({"public": 0.47}, "BigTech Inc"),
        ({"late_stage_private": 0.97}, "GrowthStartup"),
        ({"late_stage_private": 0.95}, "BigTech Inc"),
    ):
        result = run(framework_document(assumptions={"stage_factors": factors}))
        best = max(result.offers, key=lambda o: o.pay.annual.total)
        assert best.company == leader, factors


def test_no_equity_tipping_point_when_equity_cannot_change_the_leader() -> None:
    # Far ahead in base, no equity anywhere: no factor in (0, 1) changes anything.
    result = run(
        document(
            offer(company="Rich", base_salary=500000), offer(company="Poor", equity_grant=100000)
        )
    )
    assert result.equity_sensitivity == ()


def test_weight_tipping_points_of_the_example() -> None:
    # Ratings (see test_decision): BigTech 5, 4, 3, 3, 3, 5; GrowthStartup 4.2, 4, 5, 3, 5, 3.
    # Compensation weight W, the rest scaled by (100 - W)/75:
    #   5W + (100 - W) x 260/75 = 4.2W + (100 - W) x 310/75  ->  W = 1000/22 = 45.45, above.
    # Team & Manager weight W, the rest scaled by (100 - W)/80 (others: 325 and 315):
    #   3W + (100 - W) x 325/80 = 5W + (100 - W) x 315/80  ->  W = 100/17 = 5.88, below.
    # Stability weight W, the rest scaled by (100 - W)/95 (others: 360 and 400):
    #   5W + (100 - W) x 360/95 = 3W + (100 - W) x 400/95  ->  W = 400/23 = 17.39, above.
    # Career growth (4 and 4) and work-life balance (3 and 3) are level; more mission only
    # helps the leader, and at 0 GrowthStartup still leads (365/90 vs 355/90).
    points = {p.quantity: p for p in run(example()).weight_sensitivity}
    assert set(points) == {"compensation", "team_manager", "stability"}
    expected = {
        "compensation": ("above", 1000 / 22, 25),
        "team_manager": ("below", 100 / 17, 20),
        "stability": ("above", 400 / 23, 5),
    }
    for factor, (direction, at, current) in expected.items():
        p = points[factor]
        assert (p.direction, p.at, p.current) == (direction, pytest.approx(at), current)
        assert (p.leader, p.new_leader) == ("GrowthStartup", "BigTech Inc")


def test_no_tipping_points_for_a_single_offer() -> None:
    result = run(
        document(
            offer(
                ratings={
                    "compensation": 3,
                    "career_growth": 3,
                    "team_manager": 3,
                    "work_life_balance": 3,
                    "mission_product": 3,
                    "stability": 3,
                }
            )
        )
    )
    assert result.equity_sensitivity == ()
    assert result.weight_sensitivity == ()
