"""The five decision steps: dealbreakers, scoring, the gut check, sleeping on it, committing."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from offer_docs import ALL_RATINGS_3, NOW, document, framework_document, offer, run

from offereval import InputError, OfferSet, build_view, content, example


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


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Sets the device's time zone (a POSIX TZ such as "UTC0" or "EST+05") for the test."""

    def set_zone(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


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
        # a date-time control's value has no zone: it is the device's time (UTC here)
        ({"choice": "A", "decided_at": "2026-11-24T12:00"}, at(2), "sleeping", 2.0),
        ({"choice": "A", "decided_at": "2026-11-24 12:00"}, at(2), "sleeping", 2.0),
        # committing counts once 24 hours have passed ...
        ({"choice": "A", "decided_at": DECIDED, "committed": True}, at(30), "committed", 30.0),
        ({"choice": "A", "committed": True}, NOW, "committed", None),
        # ... or earlier only when confirmed
        ({"choice": "A", "decided_at": DECIDED, "committed": True}, at(1), "unconfirmed", 1.0),
        (
            {
                "choice": "A",
                "decided_at": DECIDED,
                "committed": True,
                "early_commit_confirmed": True,
            },
            at(1),
            "committed_early",
            1.0,
        ),
        # the moment of commitment, when recorded, is what counts, not the current time
        (
            {
                "choice": "A",
                "decided_at": DECIDED,
                "committed": True,
                "committed_at": at(2).isoformat(),
            },
            at(30),
            "unconfirmed",
            30.0,
        ),
        (
            {
                "choice": "A",
                "decided_at": DECIDED,
                "committed": True,
                "committed_at": at(25).isoformat(),
            },
            at(26),
            "committed",
            26.0,
        ),
        ({"choice": "A", "decided_at": DECIDED, "committed": True}, at(-5), "committed", None),
    ],
)
def test_decision_status(
    decision: dict[str, Any],
    now: datetime.datetime,
    stage: str,
    hours_since: float | None,
    local_zone: Callable[[str], None],
) -> None:
    local_zone("UTC0")
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
            "must be a date and time, such as 2026-11-25 09:30 (your local time)",
        ),
        (
            {"choice": "A", "decided_at": 1700000000},
            "decision.decided_at",
            "must be a date and time, such as 2026-11-25 09:30 (your local time) or "
            "2026-11-25T09:30:00+00:00; got 1700000000",
        ),
        (
            {"choice": "A", "decided_at": DECIDED, "committed_at": DECIDED},
            "decision.committed_at",
            "is given, but committed is not true",
        ),
        (
            {
                "choice": "A",
                "decided_at": DECIDED,
                "committed": True,
                "committed_at": "2026-11-24T11:00:00+00:00",
            },
            "decision.committed_at",
            "is before decided_at (2026-11-24T12:00:00+00:00)",
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


def test_a_time_without_a_zone_is_the_devices_local_time(
    local_zone: Callable[[str], None],
) -> None:
    # 12:00 in New York's winter time (UTC-5) is 17:00 UTC: 2 hours later is 19:00 UTC
    local_zone("EST+05")
    data = document(offer(company="A"), decision={"choice": "A", "decided_at": "2026-11-24 12:00"})
    offer_set, problems, remarks = OfferSet.read(data)
    assert problems == []
    assert offer_set.decision.decided_at == datetime.datetime(
        2026, 11, 24, 17, 0, tzinfo=datetime.UTC
    )
    assert remarks.readings == {"decision.decided_at": "read as 2026-11-24 12:00 UTC-05:00"}
    # written back with its offset, so the file means the same moment anywhere
    assert offer_set.decision.to_dict()["decided_at"] == "2026-11-24T12:00:00-05:00"
    status = run(data, datetime.datetime(2026, 11, 24, 19, 0, tzinfo=datetime.UTC)).decision
    assert status.hours_since == 2


SLEEPING = {"choice": "A", "decided_at": DECIDED}


@pytest.mark.parametrize(
    ("decision", "now", "expected"),
    [
        # one hour after deciding: 23 hours to go, and committing now needs a confirmation
        (
            SLEEPING,
            at(1),
            {
                "status": "sleeping",
                "text": "You chose A 1 hour ago. Sleep on it: 23 hours to go before the "
                "24-hour mark.",
                "needs_confirmation": True,
                "advice": "Take 24-48 hours after your 'final' decision. Do you still feel "
                "good about it in the morning?",
                "hours_left": "23 hours",
            },
        ),
        # 23.5 hours: 0.5 to go
        (
            SLEEPING,
            at(23.5),
            {
                "status": "sleeping",
                "text": "You chose A 23 hours ago. Sleep on it: less than an hour to go before "
                "the 24-hour mark.",
                "needs_confirmation": True,
                "advice": "Take 24-48 hours after your 'final' decision. Do you still feel "
                "good about it in the morning?",
                "hours_left": "less than an hour",
            },
        ),
        # past the mark: committing needs nothing more
        (
            SLEEPING,
            at(30),
            {
                "status": "ready",
                "text": "30 hours since you chose A. Do you still feel good about it? "
                "If so, commit.",
                "needs_confirmation": False,
                "advice": "",
                "hours_left": None,
            },
        ),
        # committed a minute after deciding, without a confirmation: not counted
        (
            {**SLEEPING, "committed": True, "committed_at": at(1 / 60).isoformat()},
            at(2),
            {
                "status": "unconfirmed",
                "text": "Not committed yet: you marked A as final less than an hour after "
                "deciding, before the 24-hour mark. Take 24-48 hours after your 'final' "
                "decision. Do you still feel good about it in the morning? Confirm that you "
                "commit now (early_commit_confirmed: true), or wait 23 hours.",
                "needs_confirmation": True,
                "advice": "Take 24-48 hours after your 'final' decision. Do you still feel "
                "good about it in the morning?",
                "hours_left": "23 hours",
            },
        ),
        # confirmed: counted, and said plainly
        (
            {
                **SLEEPING,
                "committed": True,
                "committed_at": at(1).isoformat(),
                "early_commit_confirmed": True,
            },
            at(2),
            {
                "status": "committed_early",
                "text": "You committed to A 1 hour after deciding, before sleeping on it. "
                "Stop second-guessing and make the choice a success.",
                "needs_confirmation": False,
                "advice": "",
                "hours_left": None,
            },
        ),
        (
            {**SLEEPING, "committed": True, "committed_at": at(26).isoformat()},
            at(27),
            {
                "status": "committed",
                "text": "You committed to A. Stop second-guessing and make the choice a success.",
                "needs_confirmation": False,
                "advice": "",
                "hours_left": None,
            },
        ),
    ],
    ids=["1 hour", "23.5 hours", "30 hours", "early", "early, confirmed", "after 26 hours"],
)
def test_sleep_on_it_in_the_view(
    decision: dict[str, Any], now: datetime.datetime, expected: dict[str, Any]
) -> None:
    view = build_view(run(document(offer(company="A"), offer(company="B"), decision=decision), now))
    assert view["decision"] == expected


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


def test_what_was_read_and_evaluated_cannot_be_changed_afterwards() -> None:
    # Frozen values hold read-only mappings: a lookup table changed in place would change
    # every later evaluation of the same offers.
    weights = dict.fromkeys(["compensation", "career_growth", "team_manager"], 20.0)
    weights |= dict.fromkeys(["work_life_balance", "mission_product", "stability"], 40 / 3)
    data = framework_document(
        weights=weights,
        home_currency="USD",
        exchange_rates={"GBP": 1.25},
        calls=[{"company": "BigTech Inc", "answers": {"rushed_decision": "By Friday"}}],
    )
    data["offers"][0] |= {"ratings": {"team_manager": 4}, "growth": {"scope_of_role": "high"}}
    result = run(data)
    x = result.offer_set
    mappings: list[Any] = [
        x.weights,
        x.exchange_rates,
        x.assumptions.stage_factors,
        x.offers[0].ratings,
        x.offers[0].growth,
        x.calls[0].answers,
        result.offers[0].ratings,
    ]
    for mapping in mappings:
        assert mapping, "each is read from the document"
        with pytest.raises(TypeError):
            mapping["compensation"] = 1
