"""The five decision steps: dealbreakers, scoring, the gut check, sleeping on it, committing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from offer_docs import ALL_RATINGS_3, NOW, document, framework_document, offer, run

from offereval import InputError, OfferSet, content, example


def test_the_frameworks_sixteen_red_flags_in_four_categories() -> None:
    assert [c.id for c in content.FLAG_CATEGORIES] == ["compensation", "culture", "role", "company"]
    assert len(content.RED_FLAGS) == 16
    for category in content.FLAG_CATEGORIES:
        assert len([f for f in content.RED_FLAGS if f.category == category.id]) == 4
    assert len({f.id for f in content.RED_FLAGS}) == 16
    texts = {f.id: f.text for f in content.RED_FLAGS}
    assert texts["long_cliff"] == "Vesting cliff longer than 1 year"
    assert texts["recent_layoffs"] == "Recent layoffs in engineering"


@pytest.mark.parametrize("flag", [f.id for f in content.RED_FLAGS])
def test_every_red_flag_can_be_a_dealbreaker(flag: str) -> None:
    text = content.flags_by_id()[flag].text
    result = run(
        document(
            offer(company="Flagged", red_flags=[flag]), offer(company="Clean"), dealbreakers=[flag]
        )
    )
    assert result.offer("Flagged").eliminated_because == (f"dealbreaker red flag: {text}",)
    assert not result.offer("Clean").eliminated


@pytest.mark.parametrize(
    ("top", "offer_keys", "reasons"),
    [
        # --- no dealbreaker: nothing eliminated ---
        ({}, {}, ()),
        # a flag seen but not a dealbreaker for this person
        ({"dealbreakers": ["new_manager"]}, {"red_flags": ["recent_layoffs"]}, ()),
        # --- minimum total comp (the offer's annualized total is 100000) ---
        ({"minimum_total_comp": 100000}, {}, ()),  # equal is not under
        (
            {"minimum_total_comp": 100001},
            {},
            ("annualized total 100,000 is under your minimum of 100,001",),
        ),
        # --- location ---
        ({}, {"location_acceptable": False}, ("the location/remote policy is not acceptable",)),
        ({}, {"location_acceptable": True}, ()),
        # --- several at once, in the framework's order: minimum, location, red flags ---
        (
            {"minimum_total_comp": 200000, "dealbreakers": ["recent_layoffs", "rushed_decision"]},
            {"location_acceptable": False, "red_flags": ["rushed_decision", "recent_layoffs"]},
            (
                "annualized total 100,000 is under your minimum of 200,000",
                "the location/remote policy is not acceptable",
                "dealbreaker red flag: They rush you to decide quickly",
                "dealbreaker red flag: Recent layoffs in engineering",
            ),
        ),
    ],
)
def test_step_1_eliminations(
    top: dict[str, Any], offer_keys: dict[str, Any], reasons: tuple[str, ...]
) -> None:
    result = run(document(offer(**offer_keys), **top))
    assert result.offers[0].eliminated_because == reasons
    assert result.offers[0].eliminated == bool(reasons)


def test_framework_minimum_between_the_two_totals() -> None:
    # 301000 < 310000 <= 355000: only the startup fails
    result = run(framework_document(minimum_total_comp=310000))
    assert not result.offer("BigTech Inc").eliminated
    assert result.offer("GrowthStartup").eliminated_because == (
        "annualized total 301,000 is under your minimum of 310,000",
    )


def test_eliminated_offers_are_neither_scored_nor_ranked() -> None:
    result = run(
        document(
            offer(company="Out", ratings=ALL_RATINGS_3, location_acceptable=False),
            offer(company="In", ratings=ALL_RATINGS_3),
        )
    )
    assert result.offer("Out").score is None
    assert result.offer("Out").gut_score is None
    assert result.ranking == ("In",)
    assert result.gut_check == ("In",)


def test_gut_check_leaves_compensation_out() -> None:
    # Money: comp 5, the rest 3 -> (25x5 + 75x3)/100 = 3.5; without comp: 3.
    # Team:  comp 1, the rest 4 -> (25x1 + 75x4)/100 = 3.25; without comp: 4.
    money = {k: 3 for k in ALL_RATINGS_3} | {"compensation": 5}
    team = {k: 4 for k in ALL_RATINGS_3} | {"compensation": 1}
    result = run(
        document(offer(company="Money", ratings=money), offer(company="Team", ratings=team))
    )
    assert result.ranking == ("Money", "Team")
    assert result.gut_check == ("Team", "Money")
    assert result.offer("Money").score == pytest.approx(3.5)
    assert result.offer("Money").gut_score == pytest.approx(3.0)
    assert result.offer("Team").gut_score == pytest.approx(4.0)
    assert any(
        n.startswith("Gut check: with compensation left out, Team comes first")
        for n in result.notes
    )


def test_gut_check_note_absent_when_the_leader_is_the_same() -> None:
    result = run(
        document(
            offer(company="A", ratings={k: 5 for k in ALL_RATINGS_3}),
            offer(company="B", ratings=ALL_RATINGS_3),
        )
    )
    assert result.ranking[0] == result.gut_check[0] == "A"
    assert not any(n.startswith("Gut check") for n in result.notes)


def test_framework_example_scores() -> None:
    # BigTech: comp 5 (suggested), growth (3+3+5+5)/4 = 4, team 3, wlb 3, mission 3, stab 5:
    #   (125 + 100 + 60 + 45 + 30 + 25) / 100 = 3.85; without comp 260/75 = 3.4667
    # GrowthStartup: comp 4.2, growth 4, team 5, wlb 3, mission 5, stab 3:
    #   (105 + 100 + 100 + 45 + 50 + 15) / 100 = 4.15; without comp 310/75 = 4.1333
    result = run(example())
    assert result.offer("BigTech Inc").score == pytest.approx(3.85)
    assert result.offer("GrowthStartup").score == pytest.approx(4.15)
    assert result.offer("BigTech Inc").gut_score == pytest.approx(260 / 75)
    assert result.offer("GrowthStartup").gut_score == pytest.approx(310 / 75)
    assert result.ranking == result.gut_check == ("GrowthStartup", "BigTech Inc")


DECIDED = "2026-11-24T12:00:00+00:00"


def at(hours: float) -> datetime.datetime:
    """``hours`` after DECIDED."""
    return datetime.datetime(2026, 11, 24, 12, 0, tzinfo=datetime.UTC) + datetime.timedelta(
        hours=hours
    )


@pytest.mark.parametrize(
    ("decision", "now", "stage", "hours_since"),
    [
        # --- steps 4 and 5 ---
        ({}, NOW, "undecided", None),
        ({"choice": "A"}, NOW, "undated", None),
        ({"choice": "A", "decided_at": DECIDED}, at(1), "sleeping", 1.0),
        ({"choice": "A", "decided_at": DECIDED}, at(23.5), "sleeping", 23.5),
        # 24 hours: the lower bound of "sleep on it 24-48 hours" is reached
        ({"choice": "A", "decided_at": DECIDED}, at(24), "ready", 24.0),
        ({"choice": "A", "decided_at": DECIDED}, at(36), "ready", 36.0),
        # 48 hours is still within the window; past it, overdue
        ({"choice": "A", "decided_at": DECIDED}, at(48), "ready", 48.0),
        ({"choice": "A", "decided_at": DECIDED}, at(48.5), "overdue", 48.5),
        ({"choice": "A", "decided_at": DECIDED}, at(100), "overdue", 100.0),
        # a decision recorded after the current time: said so, never "less than an hour ago"
        ({"choice": "A", "decided_at": DECIDED}, at(-5), "future", None),
        ({"choice": "A", "decided_at": DECIDED}, at(-0.001), "future", None),
        ({"choice": "A", "decided_at": DECIDED}, at(0), "sleeping", 0.0),
        # other time zones: 14:00+02:00 is 12:00 UTC
        ({"choice": "A", "decided_at": "2026-11-24T14:00:00+02:00"}, at(30), "ready", 30.0),
        # "Z" is UTC
        ({"choice": "A", "decided_at": "2026-11-24T12:00:00Z"}, at(2), "sleeping", 2.0),
        # committed wins at any time
        ({"choice": "A", "decided_at": DECIDED, "committed": True}, at(1), "committed", 1.0),
        ({"choice": "A", "committed": True}, NOW, "committed", None),
        ({"choice": "A", "decided_at": DECIDED, "committed": True}, at(-5), "committed", None),
    ],
)
def test_decision_status(
    decision: dict[str, Any], now: datetime.datetime, stage: str, hours_since: float | None
) -> None:
    top = {"decision": decision} if decision else {}
    status = run(document(offer(company="A"), offer(company="B"), **top), now).decision
    assert status.stage == stage
    assert status.hours_since == (None if hours_since is None else pytest.approx(hours_since))
    assert status.choice == decision.get("choice", "")
    assert status.text


def test_choosing_an_eliminated_offer_warns() -> None:
    status = run(
        document(
            offer(company="A", location_acceptable=False),
            decision={"choice": "A", "decided_at": DECIDED},
        ),
        at(2),
    ).decision
    assert status.stage == "sleeping"
    assert "A failed step 1 (the location/remote policy is not acceptable)" in status.text


@pytest.mark.parametrize(
    ("decision", "path", "fragment"),
    [
        (
            {"choice": "Nobody"},
            "decision.choice",
            "must be the company of one of the offers, got 'Nobody'",
        ),
        ({"choice": 3}, "decision.choice", "must be text, got 3"),
        (
            {"choice": "A", "decided_at": "yesterday"},
            "decision.decided_at",
            "must be a date and time with a time zone",
        ),
        # no time zone: ambiguous, refused
        (
            {"choice": "A", "decided_at": "2026-11-24T12:00:00"},
            "decision.decided_at",
            "must be a date and time with a time zone",
        ),
        (
            {"choice": "A", "decided_at": 1700000000},
            "decision.decided_at",
            "must be a date and time with a time zone",
        ),
        (
            {"choice": "A", "committed": "yes"},
            "decision.committed",
            "must be true or false, got 'yes'",
        ),
        ({"choise": "A"}, "decision.choise", "did you mean 'choice'?"),
    ],
)
def test_bad_decision(decision: dict[str, Any], path: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(document(offer(company="A"), decision=decision))
    assert any(p.path == path and fragment in p.message for p in caught.value.problems), (
        caught.value.problems
    )


def test_a_decision_recorded_after_the_current_time_says_so() -> None:
    status = run(
        document(
            offer(company="A"), offer(company="B"), decision={"choice": "A", "decided_at": DECIDED}
        ),
        at(-5),
    ).decision
    assert status.text == (
        "You chose A, but the time recorded for it, 2026-11-24T12:00:00+00:00, is 5 hours "
        "after the current time. Check its date and time zone: the 24-48 hours count from "
        "when you decided."
    )
