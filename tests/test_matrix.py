"""The decision matrix: weights, 1-5 ratings and where each came from, scores and ranking."""

from __future__ import annotations

from typing import Any

import pytest
from offer_docs import ALL_RATINGS_3, document, framework_document, offer, run

from offereval import InputError, OfferSet

DEFAULT_WEIGHTS = {
    "compensation": 25,
    "career_growth": 25,
    "team_manager": 20,
    "work_life_balance": 15,
    "mission_product": 10,
    "stability": 5,
}


def ratings(**changes: float) -> dict[str, float]:
    return {**ALL_RATINGS_3, **changes}


def test_default_weights_are_the_frameworks() -> None:
    weights = dict(OfferSet.from_dict(document(offer())).weights)
    assert weights == DEFAULT_WEIGHTS


@pytest.mark.parametrize(
    ("given", "weights", "expected"),
    [
        # --- default weights 25/25/20/15/10/5 ---
        # every factor 3: the weighted average is 3
        (ratings(), None, 3.0),
        # every factor 5
        ({k: 5 for k in ALL_RATINGS_3}, None, 5.0),
        # (25x5 + 25x4 + 20x3 + 15x3 + 10x3 + 5x5) / 100 = 385 / 100
        (ratings(compensation=5, career_growth=4, stability=5), None, 3.85),
        # only stability at 1: (95x3 + 5x1) / 100 = 290 / 100
        (ratings(stability=1), None, 2.9),
        # only compensation at 5: (25x5 + 75x3) / 100 = 350 / 100
        (ratings(compensation=5), None, 3.5),
        # half points are allowed: (25x4.5 + 75x3) / 100 = 337.5 / 100
        (ratings(compensation=4.5), None, 3.375),
        # --- weights of the person's own ---
        # all weight on team: the score is the team rating
        (ratings(team_manager=5), {**dict.fromkeys(DEFAULT_WEIGHTS, 0), "team_manager": 100}, 5.0),
        # 50/50 on compensation (1) and mission (5): (50x1 + 50x5) / 100
        (
            ratings(compensation=1, mission_product=5),
            {**dict.fromkeys(DEFAULT_WEIGHTS, 0), "compensation": 50, "mission_product": 50},
            3.0,
        ),
        # fractional weights summing to 100: (12.5x5 + 87.5x3) / 100 = 325 / 100
        (
            ratings(stability=5),
            {
                "compensation": 25,
                "career_growth": 25,
                "team_manager": 20,
                "work_life_balance": 10,
                "mission_product": 7.5,
                "stability": 12.5,
            },
            3.25,
        ),
    ],
)
def test_weighted_score(
    given: dict[str, float], weights: dict[str, float] | None, expected: float
) -> None:
    extra = {"weights": weights} if weights else {}
    result = run(document(offer(ratings=given), **extra))
    assert result.offers[0].score == pytest.approx(expected)


@pytest.mark.parametrize(
    ("companies_and_team", "expected_ranking"),
    [
        # higher score first
        ([("A", 2), ("B", 4), ("C", 3)], ("B", "C", "A")),
        # ties broken by name, whatever the input order
        ([("Beta", 3), ("Alpha", 3)], ("Alpha", "Beta")),
        ([("Alpha", 3), ("Beta", 3)], ("Alpha", "Beta")),
        ([("Zed", 4), ("Beta", 3), ("Alpha", 3)], ("Zed", "Alpha", "Beta")),
    ],
)
def test_ranking(companies_and_team: list[tuple[str, int]], expected_ranking: tuple[str]) -> None:
    # every offer the same pay, so only the team rating differs
    offers = [
        offer(company=name, ratings=ratings(team_manager=team)) for name, team in companies_and_team
    ]
    assert run(document(*offers)).ranking == expected_ranking


@pytest.mark.parametrize(
    ("weights", "path", "fragment"),
    [
        # sum 95: refused with the sum, never normalized
        ({**DEFAULT_WEIGHTS, "stability": 0}, "weights", "must sum to 100, got 95"),
        # sum 110
        ({**DEFAULT_WEIGHTS, "stability": 15}, "weights", "must sum to 100, got 110"),
        # sum 99.99999: short by 0.00001, and the message shows it (not "got 100")
        ({**DEFAULT_WEIGHTS, "stability": 4.99999}, "weights", "must sum to 100, got 99.99999"),
        ({**DEFAULT_WEIGHTS, "stability": 5.00001}, "weights", "must sum to 100, got 100.00001"),
        # a missing factor: named
        (
            {k: v for k, v in DEFAULT_WEIGHTS.items() if k != "stability"},
            "weights",
            "must give a weight for every factor; missing: stability",
        ),
        # two missing, in the framework's order
        (
            {"compensation": 50, "career_growth": 50},
            "weights",
            "missing: team_manager, work_life_balance, mission_product, stability",
        ),
        # a misspelt factor
        (
            {**DEFAULT_WEIGHTS, "stabilty": 5},
            "weights.stabilty",
            "is not a known key; did you mean 'stability'?",
        ),
        # a negative weight
        (
            {**DEFAULT_WEIGHTS, "stability": -5, "compensation": 35},
            "weights.stability",
            "must be at least 0, got -5",
        ),
        # a weight that is not a percentage ("5%" is read, as typed in the form)
        (
            {**DEFAULT_WEIGHTS, "stability": "five"},
            "weights.stability",
            "must be a percentage, such as 3 or 3%, got 'five'",
        ),
    ],
)
def test_bad_weights(weights: dict[str, Any], path: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(document(offer(), weights=weights))
    assert any(p.path == path and fragment in p.message for p in caught.value.problems), (
        caught.value.problems
    )


@pytest.mark.parametrize(
    ("bases", "expected"),
    [
        # the best total is 5; the others 5 x total / best, one decimal, at least 1
        # 5 x 100000 / 200000 = 2.5
        ((200000, 100000), (5.0, 2.5)),
        # 5 x 171000 / 200000 = 4.275 -> 4.3
        ((200000, 171000), (5.0, 4.3)),
        # 5 x 30000 / 200000 = 0.75 -> clamped to 1
        ((200000, 30000), (5.0, 1.0)),
        # equal totals both get 5
        ((150000, 150000), (5.0, 5.0)),
        # a single offer is its own best
        ((90000,), (5.0,)),
        # nothing at all on the table: 5 rather than a division by zero
        ((0, 0), (5.0, 5.0)),
    ],
)
def test_suggested_compensation_rating(bases: tuple[int, ...], expected: tuple[float]) -> None:
    offers = [offer(company=f"C{i}", base_salary=b) for i, b in enumerate(bases)]
    result = run(document(*offers))
    got = tuple(o.ratings["compensation"].value for o in result.offers)
    assert got == expected
    assert {o.ratings["compensation"].source for o in result.offers} == {"suggested"}


def test_framework_example_suggests_4_2_for_the_startup() -> None:
    # 5 x 301000 / 355000 = 4.239... -> 4.2
    result = run(framework_document())
    assert result.offer("GrowthStartup").ratings["compensation"].value == 4.2
    assert result.offer("BigTech Inc").ratings["compensation"].value == 5.0
    assert any("suggested" in note for note in result.notes)


def test_a_given_compensation_rating_wins_over_the_suggestion() -> None:
    result = run(
        document(
            offer(base_salary=50000, company="Low", ratings={"compensation": 4}),
            offer(company="High"),
        )
    )
    rating = result.offer("Low").ratings["compensation"]
    assert (rating.value, rating.source) == (4, "given")


@pytest.mark.parametrize(
    ("growth", "expected"),
    [
        # high 5, medium 3, low 1, averaged over the parts assessed
        (
            {
                "scope_of_role": "high",
                "learning_opportunities": "high",
                "promotion_path": "high",
                "exit_opportunities": "high",
            },
            5.0,
        ),
        # (5 + 3 + 1 + 1) / 4
        (
            {
                "scope_of_role": "high",
                "learning_opportunities": "medium",
                "promotion_path": "low",
                "exit_opportunities": "low",
            },
            2.5,
        ),
        # the framework example's BigTech: (3 + 3 + 5 + 5) / 4
        (
            {
                "scope_of_role": "medium",
                "learning_opportunities": "medium",
                "promotion_path": "high",
                "exit_opportunities": "high",
            },
            4.0,
        ),
        # one part only
        ({"promotion_path": "medium"}, 3.0),
        # (5 + 1 + 1) / 3 = 2.333... -> 2.33
        ({"scope_of_role": "high", "promotion_path": "low", "exit_opportunities": "low"}, 2.33),
    ],
)
def test_growth_rubric_gives_the_career_growth_rating(
    growth: dict[str, str], expected: float
) -> None:
    result = run(document(offer(growth=growth)))
    rating = result.offers[0].ratings["career_growth"]
    assert (rating.value, rating.source) == (expected, "rubric")


def test_a_given_career_growth_rating_wins_over_the_rubric() -> None:
    result = run(document(offer(growth={"scope_of_role": "low"}, ratings={"career_growth": 4})))
    rating = result.offers[0].ratings["career_growth"]
    assert (rating.value, rating.source) == (4, "given")


def test_no_rubric_and_no_rating_leaves_career_growth_unrated() -> None:
    result = run(document(offer()))
    assert "career_growth" not in result.offers[0].ratings


def test_an_offer_missing_ratings_is_not_scored_and_the_notes_say_why() -> None:
    result = run(
        document(
            offer(company="Rated", ratings=ratings()),
            offer(company="Bare", ratings={"team_manager": 4}),
        )
    )
    bare = result.offer("Bare")
    assert bare.score is None
    assert bare.missing_ratings == (
        "career_growth",
        "work_life_balance",
        "mission_product",
        "stability",
    )
    assert result.ranking == ("Rated",)
    assert any(n.startswith("Bare is not scored") and "Career Growth" in n for n in result.notes)


@pytest.mark.parametrize(
    ("bad", "path", "fragment"),
    [
        ({"team_manager": 6}, "offers[0].ratings.team_manager", "must be at most 5, got 6"),
        ({"team_manager": 0}, "offers[0].ratings.team_manager", "must be at least 1, got 0"),
        (
            {"team_manager": "good"},
            "offers[0].ratings.team_manager",
            "must be a rating from 1 to 5, got 'good'",
        ),
        ({"team": 3}, "offers[0].ratings.team", "is not a known key"),
    ],
)
def test_bad_ratings(bad: dict[str, Any], path: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(document(offer(ratings=bad)))
    assert any(p.path == path and fragment in p.message for p in caught.value.problems)
