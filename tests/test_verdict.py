"""The verdict: one to three sentences that open the results, in words, with worked figures."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from offer_docs import ALL_RATINGS_3, document, framework_document, offer, run

from offereval import build_view, example

# The framework's two offers, as `offereval example` writes them (with ratings):
#   BigTech Inc    annualized 200,000 + 400,000/4 + 30,000 x 1.0 + 50,000/2       = 355,000
#                  first year 200,000 + 100,000 (25% at the cliff) + 30,000 + 50,000 = 380,000
#   GrowthStartup  annualized 180,000 + 600,000/4 x 0.6 + 20,000 x 0.8 + 30,000/2 = 301,000
#                  first year 180,000 + 90,000 + 16,000 + 30,000                 = 316,000
#   scores: BigTech 0.25x5 + 0.25x4 + 0.2x3 + 0.15x3 + 0.1x3 + 0.05x5 = 3.85
#           GrowthStartup 0.25x4.2 + 0.25x4 + 0.2x5 + 0.15x3 + 0.1x5 + 0.05x3 = 4.15
EXAMPLE_SCORE = "GrowthStartup has the top score: 4.15 out of 5, 0.3 ahead of BigTech Inc (3.85)."
EXAMPLE_PAY = (
    "BigTech Inc has the highest pay: 355,000 a year annualized, 54,000 more than "
    "GrowthStartup; 380,000 in the first year, 64,000 more."
)
ACME = offer(company="Acme", base_salary=250000, current_job=True, ratings=ALL_RATINGS_3)


def sentences(data: dict[str, Any]) -> list[str]:
    return list(run(data).verdict.sentences)


def with_offers(data: dict[str, Any], *more: dict[str, Any], **top: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["offers"] += [copy.deepcopy(o) for o in more]
    return {**out, **top}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # --- the framework's example: the score and the pay disagree ---
        (example(), [EXAMPLE_SCORE, EXAMPLE_PAY]),
        # --- no ratings at all: what is missing, for both offers at once ---
        (
            framework_document(),
            [
                "No offer has a full score yet.",
                EXAMPLE_PAY,
                "BigTech Inc and GrowthStartup need ratings for Career Growth, Team & Manager, "
                "Work-Life Balance, Mission & Product and Stability to be scored.",
            ],
        ),
        # --- a minimum of 310,000 eliminates GrowthStartup (301,000) ---
        (
            {**example(), "minimum_total_comp": 310000},
            [
                "BigTech Inc is the only offer with a full score: 3.85 out of 5.",
                "BigTech Inc pays 355,000 a year annualized and 380,000 in the first year.",
                "GrowthStartup was eliminated (annualized total 301,000 is under your minimum "
                "of 310,000).",
            ],
        ),
        # --- the highest first year is another offer's ---
        # A: 100,000 + 60,000/2 = 130,000 a year; 160,000 in year 1. B: 140,000 both ways.
        (
            document(
                offer(company="A", signing_bonus=60000, ratings=ALL_RATINGS_3),
                offer(company="B", base_salary=140000, ratings=ALL_RATINGS_3),
            ),
            [
                "A and B share the top score: 3 out of 5.",
                "B has the highest pay: 140,000 a year annualized, 10,000 more than A; "
                "in the first year A pays the most: 160,000, 20,000 more than B.",
            ],
        ),
        # --- a tie in pay: 100,000 and 100,000.4 show the same figure ---
        (
            document(offer(company="A"), offer(company="B", base_salary=100000.4)),
            [
                "No offer has a full score yet.",
                "A and B have the highest pay: 100,000 a year annualized each and 100,000 in the "
                "first year.",
                "A and B need ratings for Career Growth, Team & Manager, Work-Life Balance, "
                "Mission & Product and Stability to be scored.",
            ],
        ),
        # --- one offer ---
        (
            document(offer(ratings=ALL_RATINGS_3)),
            [
                "A scores 3 out of 5.",
                "A pays 100,000 a year annualized and 100,000 in the first year.",
            ],
        ),
        # --- one rating missing, on one offer ---
        (
            document(
                offer(company="A", ratings=ALL_RATINGS_3),
                offer(company="B", ratings={**ALL_RATINGS_3, "stability": None}),
            ),
            [
                "A is the only offer with a full score: 3 out of 5.",
                "A and B have the highest pay: 100,000 a year annualized each and 100,000 in the "
                "first year.",
                "B needs a rating for Stability to be scored.",
            ],
        ),
        # --- every offer eliminated: only the reasons are left to say ---
        (
            document(
                offer(company="B", location_acceptable=False),
                offer(company="A", red_flags=["recent_layoffs"]),
                dealbreakers=["recent_layoffs"],
            ),
            [
                "A was eliminated (dealbreaker red flag: Recent layoffs in engineering); "
                "B was eliminated (the location/remote policy is not acceptable)."
            ],
        ),
    ],
    ids=[
        "example",
        "no ratings",
        "eliminated",
        "first year differs",
        "tie",
        "one offer",
        "one rating missing",
        "all eliminated",
    ],
)
def test_verdict_sentences(data: dict[str, Any], expected: list[str]) -> None:
    assert sentences(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # Acme, the current job: 250,000 a year; all ratings 3, so it scores 3.
        # BigTech pays 355,000 - 250,000 = 105,000 more than staying.
        (
            with_offers(example(), ACME),
            [
                EXAMPLE_SCORE,
                "BigTech Inc has the highest pay: 355,000 a year annualized, 54,000 more than "
                "GrowthStartup and 105,000 more than your current job at Acme; 380,000 in the "
                "first year, 64,000 more.",
            ],
        ),
        # a current job paying more than every offer: 400,000 - 355,000 = 45,000 less.
        # The suggested compensation ratings follow the best total, now 400,000:
        # BigTech 5 x 355/400 = 4.4, GrowthStartup 5 x 301/400 = 3.8, so the scores are
        # BigTech 0.25x4.4 + 0.25x4 + 0.2x3 + 0.15x3 + 0.1x3 + 0.05x5 = 3.7 and
        # GrowthStartup 0.25x3.8 + 0.25x4 + 0.2x5 + 0.15x3 + 0.1x5 + 0.05x3 = 4.05
        (
            with_offers(example(), {**ACME, "base_salary": 400000}),
            [
                "GrowthStartup has the top score: 4.05 out of 5, 0.35 ahead of BigTech Inc (3.7).",
                "BigTech Inc has the highest pay: 355,000 a year annualized, 54,000 more than "
                "GrowthStartup and 45,000 less than your current job at Acme; 380,000 in the "
                "first year, 64,000 more.",
            ],
        ),
        # staying has the top score: Acme rated 5 everywhere scores 5
        (
            with_offers(
                example(),
                {**ACME, "ratings": dict.fromkeys(ALL_RATINGS_3, 5)},
            ),
            [
                "Your current job at Acme has the top score: 5 out of 5, 0.85 ahead of "
                "GrowthStartup (4.15).",
                "BigTech Inc has the highest pay: 355,000 a year annualized, 54,000 more than "
                "GrowthStartup and 105,000 more than your current job at Acme; 380,000 in the "
                "first year, 64,000 more.",
            ],
        ),
        # one offer against the current job
        (
            document(offer(company="A", base_salary=120000), ACME),
            [
                "Your current job at Acme is the only one with a full score: 3 out of 5.",
                "A pays 120,000 a year annualized, 130,000 less than your current job at Acme; "
                "120,000 in the first year.",
                "A needs ratings for Career Growth, Team & Manager, Work-Life Balance, "
                "Mission & Product and Stability to be scored.",
            ],
        ),
    ],
    ids=["offers pay more", "staying pays more", "staying scores best", "one offer"],
)
def test_verdict_against_the_current_job(data: dict[str, Any], expected: list[str]) -> None:
    assert sentences(data) == expected


def test_verdict_facts() -> None:
    facts = run(with_offers(example(), ACME)).verdict
    assert facts.top_score is not None and facts.top_score.leaders == ("GrowthStartup",)
    assert facts.highest_pay is not None and facts.highest_pay.leaders == ("BigTech Inc",)
    assert facts.highest_pay.margin == 54000
    assert facts.highest_first_year is not None and facts.highest_first_year.margin == 64000
    # 355,000 - 250,000 and 380,000 - 250,000; 301,000 - 250,000 and 316,000 - 250,000
    assert facts.against_current_job == (
        ("BigTech Inc", 105000, 130000),
        ("GrowthStartup", 51000, 66000),
    )


def test_the_view_opens_with_the_verdict() -> None:
    view = build_view(run(example()))
    assert list(view)[:4] == ["verdict", "incomplete", "questions", "summary"]
    assert view["verdict"] == {
        "sentences": [EXAMPLE_SCORE, EXAMPLE_PAY],
        "text": EXAMPLE_SCORE + " " + EXAMPLE_PAY,
    }


def test_summary_cards_in_words() -> None:
    cards = build_view(run(with_offers(example(), ACME)))["summary"]
    assert [(c["company"], c["marks"], c["state"], c["status"]) for c in cards] == [
        (
            "BigTech Inc",
            ["highest pay", "highest first-year pay"],
            "ranked",
            "Ranked 2 of 3 by weighted score",
        ),
        ("GrowthStartup", ["top score"], "ranked", "Ranked 1 of 3 by weighted score"),
        ("Acme", ["your current job"], "ranked", "Ranked 3 of 3 by weighted score"),
    ]
    assert cards[0]["figures"] == [
        {"label": "Annualized total", "text": "355,000"},
        {"label": "First year", "text": "380,000"},
        {"label": "Score", "text": "3.85 out of 5"},
        {"label": "Rank", "text": "2 of 3"},
        {"label": "Against your current job", "text": "+105,000 a year"},
        {"label": "Red flags", "text": "1: No refresher grants mentioned"},
    ]
    assert [f["label"] for f in cards[2]["figures"]] == [
        "Annualized total",
        "First year",
        "Score",
        "Rank",
        "Red flags",
    ]


def test_summary_cards_of_offers_out_of_the_ranking() -> None:
    data = document(
        offer(company="A", location_acceptable=False),
        offer(company="B", ratings={**ALL_RATINGS_3, "stability": None}),
    )
    cards = build_view(run(data))["summary"]
    assert [(c["state"], c["status"]) for c in cards] == [
        ("eliminated", "Eliminated: the location/remote policy is not acceptable"),
        ("unscored", "Not scored yet: needs a rating for Stability"),
    ]
    assert cards[1]["figures"][2:4] == [
        {"label": "Score", "text": "not scored"},
        {"label": "Rank", "text": "not ranked"},
    ]
    # one offer in the running has nothing to be "highest" against
    assert cards[1]["marks"] == []


# ---- After tax: the pay compared is the take-home, and what it buys --------------------------
# Entered effective rates keep the arithmetic by hand (no equity, bonus or signing bonus, so
# the first year is the annualized year):
#   A: 100,000 taxed at 30% -> 70,000 take-home; cost of living 100 -> buys 70,000
#   B:  90,000 taxed at 20% -> 72,000 take-home; cost of living 120 -> buys 72,000 / 1.2 = 60,000
TAXED_A = offer(company="A", tax_rate=30)
TAXED_B = offer(company="B", base_salary=90000, tax_rate=20, cost_of_living=120)


@pytest.mark.parametrize(
    ("data", "pay"),
    [
        (
            document(TAXED_A, TAXED_B),
            "B has the highest pay: 72,000 a year take-home, annualized, 2,000 more than A; "
            "72,000 take-home in the first year, 2,000 more; after the cost of living, A buys "
            "the most: a purchasing power of 70,000 a year, 10,000 more than B.",
        ),
        # the same cost of living everywhere: what the pay buys adds nothing
        (
            document(TAXED_A, {**TAXED_B, "cost_of_living": 100}),
            "B has the highest pay: 72,000 a year take-home, annualized, 2,000 more than A; "
            "72,000 take-home in the first year, 2,000 more.",
        ),
        # a tax not known for every offer: pay is compared before tax
        (
            document(TAXED_A, {**TAXED_B, "tax_rate": None}),
            "A has the highest pay: 100,000 a year annualized, 10,000 more than B; 100,000 in "
            "the first year, 10,000 more.",
        ),
        # in the home currency: B's 80,000 GBP at 1.25 is 100,000 USD, taxed at 25% -> 75,000;
        # A's 100,000 USD at 30% -> 70,000
        (
            document(
                TAXED_A,
                offer(company="B", base_salary=80000, currency="GBP", tax_rate=25),
                home_currency="USD",
                exchange_rates={"GBP": 1.25},
            ),
            "B has the highest pay: 75,000 USD a year take-home, annualized, 5,000 more than A; "
            "75,000 take-home in the first year, 5,000 more.",
        ),
    ],
    ids=["cost of living", "same cost of living", "a tax unknown", "home currency"],
)
def test_the_pay_sentence_after_tax(data: dict[str, Any], pay: str) -> None:
    assert sentences(data)[1] == pay


def test_after_tax_facts_and_cards() -> None:
    evaluation = run(document(TAXED_A, TAXED_B))
    facts = evaluation.verdict
    assert facts.basis == "after_tax"
    assert facts.highest_pay is not None and facts.highest_pay.leaders == ("B",)
    assert facts.highest_purchasing_power is not None
    assert facts.highest_purchasing_power.leaders == ("A",)
    assert facts.highest_purchasing_power.margin == pytest.approx(10000)
    cards = build_view(evaluation)["summary"]
    assert cards[1]["marks"] == ["highest pay", "highest first-year pay"]
    assert cards[1]["figures"][:4] == [
        {"label": "Annualized total", "text": "90,000"},
        {"label": "First year", "text": "90,000"},
        {"label": "Take-home (annualized)", "text": "72,000"},
        {"label": "Purchasing power", "text": "60,000"},
    ]


def test_staying_compared_after_tax() -> None:
    # staying at Now: 95,000 at 25% -> 71,250 take-home; B's 72,000 is 750 more, A's 1,250 less
    now = offer(company="Now", base_salary=95000, tax_rate=25, current_job=True)
    evaluation = run(document(TAXED_A, {**TAXED_B, "cost_of_living": 100}, now))
    assert evaluation.verdict.sentences[1] == (
        "B has the highest pay: 72,000 a year take-home, annualized, 2,000 more than A and 750 "
        "more than your current job at Now; 72,000 take-home in the first year, 2,000 more."
    )
    against = {
        c["company"]: c["figures"][-2]
        for c in build_view(evaluation)["summary"]
        if c["company"] != "Now"
    }
    assert against == {
        "A": {"label": "Against your current job", "text": "-1,250 a year take-home"},
        "B": {"label": "Against your current job", "text": "+750 a year take-home"},
    }
