"""The reader's own checklist items and their calls: read, checked with paths, written back,
counted in the decision and listed in the report."""

from __future__ import annotations

import io
import json
import pathlib
from typing import Any

import pytest
from offer_docs import BIGTECH, GROWTH_STARTUP, document, framework_document, offer, run

from offereval import InputError, OfferSet, bridge, dump_text, load_text
from offereval._cli import main
from offereval._view import build_view

NO_REMOTE = {"id": "no_remote_days", "text": "No remote days after the first year"}
VISA = {"id": "visa_support", "text": "Do you sponsor work visas?"}


def problems_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(data)
    return [(p.path, p.message) for p in caught.value.problems]


def personal(**top: Any) -> dict[str, Any]:
    """The framework's two offers with an own red flag and question, and a call with BigTech."""
    return framework_document(
        own_red_flags=[NO_REMOTE],
        own_questions=[VISA],
        calls=[
            {
                "company": "BigTech Inc",
                "date": "20 Nov",
                "interviewer": "Dana Ruiz",
                "round": "Hiring manager",
                "ticked": ["about_the_role_1", "rushed_decision", "no_remote_days"],
                "answers": {"visa_support": "Yes: H-1B", "rushed_decision": "Answer by Friday"},
            }
        ],
        **top,
    )


# ---- Reading and writing ----------------------------------------------------------------


def test_own_items_and_calls_round_trip_through_files_and_links() -> None:
    x = OfferSet.from_dict(personal(location_rule="Remote, or hybrid in Berlin"))
    assert x.own_red_flags[0].text == NO_REMOTE["text"]
    # answers by item id, in the checklist's order
    assert list(x.calls[0].answers.items()) == [
        ("rushed_decision", "Answer by Friday"),
        ("visa_support", "Yes: H-1B"),
    ]
    assert OfferSet.from_dict(x.to_dict()) == x
    for fmt in ("json", "yaml"):
        assert load_text(dump_text(x, fmt), f"offers.{fmt}") == x
    packed = json.loads(bridge.to_fragment(json.dumps(x.to_dict())))
    unpacked = json.loads(bridge.from_fragment(packed["fragment"]))
    assert OfferSet.from_dict(unpacked["document"]) == x


def test_empty_answers_and_surrounding_spaces_are_dropped() -> None:
    data = document(offer(), calls=[{"company": " A ", "answers": {"about_growth_1": "  "}}])
    (call,) = OfferSet.from_dict(data).calls
    assert (call.company, call.answers) == ("A", {})
    assert OfferSet.from_dict(data).to_dict()["calls"] == [{"company": "A"}]


@pytest.mark.parametrize(
    ("top", "path", "fragment"),
    [
        # --- own items ---
        (
            {"own_red_flags": [{"id": "No Remote", "text": "x"}]},
            "own_red_flags[0].id",
            "lower-case",
        ),
        ({"own_red_flags": [{"id": "1st", "text": "x"}]}, "own_red_flags[0].id", "got '1st'"),
        ({"own_red_flags": [{"id": "long_cliff", "text": "x"}]}, "own_red_flags[0].id", "already"),
        (
            {"own_red_flags": [NO_REMOTE], "own_questions": [{**VISA, "id": "no_remote_days"}]},
            "own_questions[0].id",
            "already the id of another item",
        ),
        ({"own_questions": [{"id": "about_growth_2", "text": "x"}]}, "own_questions[0].id", ""),
        ({"own_questions": [{"text": "x"}]}, "own_questions[0].id", "is required"),
        # blank text is text not given, as an empty field in the form
        ({"own_questions": [{"id": "q", "text": " "}]}, "own_questions[0].text", "is required"),
        ({"own_questions": [{"id": "q", "text": "x" * 201}]}, "own_questions[0].text", "200"),
        ({"own_questions": [{"id": "q", "text": "x", "why": 1}]}, "own_questions[0].why", "known"),
        ({"own_questions": {"id": "q"}}, "own_questions", "must be a list"),
        (
            {"own_questions": [{"id": f"q{i}", "text": "x"} for i in range(51)]},
            "own_questions",
            "at most 50 items, got 51",
        ),
        ({"dealbreakers": ["no_remote_days"]}, "dealbreakers[0]", "not a known red flag"),
        ({"location_rule": "x" * 201}, "location_rule", "at most 200 characters"),
        # --- calls ---
        ({"calls": [{"date": "20 Nov"}]}, "calls[0].company", "is required"),
        ({"calls": [{"company": "A"}, {"company": "A"}]}, "calls[1].company", "calls[0]"),
        ({"calls": [{"company": "A", "ticked": ["visa_support"]}]}, "calls[0].ticked[0]", ""),
        (
            {"calls": [{"company": "A", "ticked": ["rushed_decision"] * 2}]},
            "calls[0].ticked[1]",
            "",
        ),
        (
            {"calls": [{"company": "A", "answers": {"about_growth_9": "x"}}]},
            "calls[0].answers.about_growth_9",
            "is not the id of a checklist item; did you mean 'about_growth_3'?",
        ),
        (
            {"calls": [{"company": "A", "answers": {"about_growth_1": "x" * 301}}]},
            "calls[0].answers.about_growth_1",
            "at most 300 characters, got 301",
        ),
        ({"calls": [{"company": "A", "date": 20}]}, "calls[0].date", "must be text, got 20"),
        ({"calls": [{"company": "A", "round": "r" * 121}]}, "calls[0].round", "120"),
        ({"calls": [{"company": "A", "notes": "x"}]}, "calls[0].notes", "not a known key"),
    ],
)
def test_bad_own_items_and_calls_are_reported_with_their_path(
    top: dict[str, Any], path: str, fragment: str
) -> None:
    problems = problems_of(document(offer(), **top))
    assert any(p == path and fragment in message for p, message in problems), problems


def test_an_own_red_flag_can_be_ticked_on_an_offer_and_be_a_dealbreaker() -> None:
    data = document(offer(red_flags=["no_remote_days"]), own_red_flags=[NO_REMOTE])
    assert run(data).offers[0].eliminated_because == ()
    data["dealbreakers"] = ["no_remote_days"]
    assert run(data).offers[0].eliminated_because == (
        "dealbreaker red flag: No remote days after the first year",
    )


def test_every_problem_of_offers_own_items_and_calls_is_listed_at_once() -> None:
    data = document(
        offer(red_flags=["mine"]),
        own_questions=[{"id": "Q", "text": "x"}],
        calls=[{"company": "A", "ticked": ["nope"]}],
    )
    paths = [path for path, _ in problems_of(data)]
    assert paths == ["own_questions[0].id", "offers[0].red_flags[0]", "calls[0].ticked[0]"]


# ---- In the decision --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calls", "red_flags", "eliminated"),
    [
        # A red flag ticked on the call with BigTech joins the offer's own list, after it.
        (
            [{"company": "BigTech Inc", "ticked": ["recent_layoffs"]}],
            ("no_refreshers", "recent_layoffs"),
            True,
        ),
        # Ticked on the offer and on the call: counted once.
        ([{"company": "BigTech Inc", "ticked": ["no_refreshers"]}], ("no_refreshers",), False),
        # A ticked question or check is not a red flag.
        (
            [
                {
                    "company": "BigTech Inc",
                    "ticked": ["about_the_role_1", "eliminate_dealbreakers_1"],
                }
            ],
            ("no_refreshers",),
            False,
        ),
        # A call with a company that has no offer changes no offer.
        ([{"company": "Elsewhere", "ticked": ["recent_layoffs"]}], ("no_refreshers",), False),
    ],
)
def test_red_flags_ticked_on_a_call_count_for_that_companys_offer(
    calls: list[dict[str, Any]], red_flags: tuple[str, ...], eliminated: bool
) -> None:
    data = document(
        {**BIGTECH, "red_flags": ["no_refreshers"]},
        GROWTH_STARTUP,
        dealbreakers=["recent_layoffs"],
        calls=calls,
    )
    result = run(data).offer("BigTech Inc")
    assert (result.red_flags, result.eliminated) == (red_flags, eliminated)
    assert run(data).offer("GrowthStartup").red_flags == ()


def test_the_view_tells_the_dealbreaker_check_the_minimum_and_each_total() -> None:
    # BigTech: 200,000 + 400,000 / 4 + 30,000 x 1.0 + 50,000 / 2 = 355,000
    # GrowthStartup: 180,000 + 600,000 / 4 x 0.6 + 20,000 x 0.8 + 30,000 / 2 = 301,000
    view = build_view(run(framework_document(minimum_total_comp=310000)))
    assert view["dealbreaker_check"] == {
        "minimum_total_comp": 310000.0,
        "minimum": "310,000",
        "offers": [
            {"company": "BigTech Inc", "total": "355,000, meets your minimum of 310,000"},
            {"company": "GrowthStartup", "total": "301,000, under your minimum of 310,000"},
        ],
    }
    plain = build_view(run(framework_document()))["dealbreaker_check"]
    assert (plain["minimum"], plain["offers"][1]["total"]) == (None, "301,000")


# ---- In the report ----------------------------------------------------------------------


def test_compare_lists_own_items_calls_and_what_was_ticked(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "offers.yaml"
    path.write_text(
        dump_text(OfferSet.from_dict(personal(dealbreakers=["no_remote_days"])), "yaml")
    )
    out = io.StringIO()
    assert main(["compare", str(path)], out, io.StringIO()) == 0
    report = out.getvalue()
    sections = report.split("\n\n")
    own = next(s for s in sections if s.startswith("Your own questions and red flags"))
    assert "Red flag  No remote days after the first year  no_remote_days  Yes" in own
    assert "Question  Do you sponsor work visas?" in own
    calls = next(s for s in sections if s.startswith("Your calls"))
    assert "BigTech Inc  20 Nov  Dana Ruiz    Hiring manager  Yes" in calls
    ticked = next(s for s in sections if s.startswith("Ticked and answered on your calls"))
    lines = ticked.splitlines()[3:]
    assert [line.split("  ")[0] for line in lines] == ["BigTech Inc"] * 4
    assert "They rush you to decide quickly" in lines[1] and "Answer by Friday" in lines[1]
    assert "Your red flag" in lines[2] and "Yes" in lines[2]
    assert "Do you sponsor work visas?" in lines[3] and "No" in lines[3] and "H-1B" in lines[3]
    # The red flags heard on the call are BigTech's: one of them rules the offer out.
    eliminated = next(s for s in sections if s.startswith("Eliminated by a dealbreaker"))
    assert "dealbreaker red flag: No remote days after the first year" in eliminated


def test_compare_json_carries_own_items_and_calls() -> None:
    result = run(personal()).to_dict()
    assert result["own_red_flags"] == [NO_REMOTE]
    assert result["own_questions"] == [VISA]
    assert result["calls"][0]["ticked"] == ["about_the_role_1", "rushed_decision", "no_remote_days"]
    bigtech = next(o for o in result["offers"] if o["company"] == "BigTech Inc")
    assert bigtech["red_flags"] == ["rushed_decision", "no_remote_days"]
