"""A document from the form: an incomplete offer is set aside and never blocks the others."""

from __future__ import annotations

import json
from typing import Any

import pytest
from offer_docs import BIGTECH, GROWTH_STARTUP, document, offer

from offereval import bridge, build_view, evaluate
from offereval._document import read_document

NOW = "2026-11-25T12:00:00+00:00"


def answer(data: dict[str, Any]) -> dict[str, Any]:
    result = json.loads(bridge.evaluate(json.dumps(data), NOW))
    assert isinstance(result, dict)
    return result


def test_a_blank_second_offer_does_not_block_the_first() -> None:
    # the form starts with two offers; the second is still empty
    data = answer(document(BIGTECH, {}))
    assert data["ok"]
    assert [o["company"] for o in data["result"]["offers"]] == ["BigTech Inc"]
    assert data["view"]["incomplete"] == [
        {
            "index": 1,
            "path": "offers[1]",
            "company": "",
            "label": "Offer 2",
            "needs": ["Company", "Base salary", "Company stage"],
            "to_check": [],
            "text": "Offer 2 is not evaluated yet: it needs a company, a base salary and a "
            "company stage.",
            "problems": [
                {"path": "offers[1].company", "message": "is required"},
                {"path": "offers[1].base_salary", "message": "is required"},
                {
                    "path": "offers[1].company_stage",
                    "message": "is required: choose public, late_stage_private or early_stage; "
                    "it decides how much of the equity counts",
                },
            ],
        }
    ]
    # the problems also come at the top, with their paths, for the form's fields
    assert [p["path"] for p in data["problems"]] == [
        "offers[1].company",
        "offers[1].base_salary",
        "offers[1].company_stage",
    ]
    # 200,000 + 100,000 + 30,000 + 25,000
    assert data["view"]["summary"][0]["figures"][0] == {
        "label": "Annualized total",
        "text": "355,000",
    }


def test_an_offer_with_a_bad_value_is_set_aside_with_what_to_check() -> None:
    data = answer(document(BIGTECH, {**GROWTH_STARTUP, "equity_grant": "600.000"}))
    assert data["ok"]
    (incomplete,) = data["view"]["incomplete"]
    assert incomplete["text"] == (
        "Offer 2 (GrowthStartup) is not evaluated yet: check its equity grant."
    )
    assert incomplete["problems"] == [
        {
            "path": "offers[1].equity_grant",
            "message": "is '600.000' 600,000 or 600? Type 600000 or 600",
        }
    ]


def test_summary_cards_keep_the_documents_places() -> None:
    # the first offer is incomplete: the evaluated ones are offers[1] and offers[2]
    data = answer(
        document(offer(company="X", base_salary=None), BIGTECH, GROWTH_STARTUP),
    )
    assert [(c["company"], c["path"]) for c in data["view"]["summary"]] == [
        ("BigTech Inc", "offers[1]"),
        ("GrowthStartup", "offers[2]"),
    ]


@pytest.mark.parametrize(
    ("data", "paths"),
    [
        # a problem of the document itself refuses it: the weights do not sum to 100
        (
            document(BIGTECH, weights={"compensation": 50}),
            ["weights"],
        ),
        (document(BIGTECH, minimum_total_comp="250.000"), ["minimum_total_comp"]),
        # no offer is complete: nothing to evaluate
        (document({}, {"company": "A"}), None),
        ({"offers": []}, ["offers"]),
    ],
)
def test_what_still_refuses(data: dict[str, Any], paths: list[str] | None) -> None:
    result = answer(data)
    assert not result["ok"]
    assert result["problems"]
    if paths is not None:
        assert [p["path"] for p in result["problems"]] == paths


def test_readings_and_questions_come_back_with_their_paths() -> None:
    result = answer(
        document(
            {**BIGTECH, "base_salary": "$200,000", "target_bonus": "15%"},
            {**GROWTH_STARTUP, "base_salary": "180"},
        )
    )
    assert result["ok"]
    assert result["readings"] == {
        "offers[0].base_salary": "read as 200,000",
        "offers[0].target_bonus": "read as 30,000 (15% of the base salary)",
    }
    question = {
        "path": "offers[1].base_salary",
        "message": "a yearly base salary of 180? Type 180k for 180,000.",
    }
    assert result["questions"] == [question]
    assert result["view"]["questions"] == [question]
    # the implausible base is evaluated as typed: 180 + 90,000 + 16,000 + 15,000
    assert result["result"]["offers"][1]["tc"]["total"] == 121180


def test_readings_come_back_with_a_refusal_too() -> None:
    result = answer(document({**BIGTECH, "base_salary": "200k"}, weights={"stability": 5}))
    assert not result["ok"]
    assert result["readings"] == {"offers[0].base_salary": "read as 200,000"}


def test_a_choice_of_an_offer_set_aside_is_said_plainly() -> None:
    data = answer(document(BIGTECH, {"company": "Other"}, decision={"choice": "Other"}))
    assert data["ok"]
    assert data["view"]["decision"]["text"] == (
        "You chose Other. Record when you decided, so you know when 24 hours have passed. "
        "Note: Other is not evaluated until its fields are complete."
    )


def test_a_second_current_job_sets_that_offer_aside() -> None:
    reading = read_document(
        document(
            offer(company="A", current_job=True),
            offer(company="B", current_job=True),
        )
    )
    assert reading.offer_set is not None
    assert [o.company for o in reading.offer_set.offers] == ["A"]
    assert [(p.path, p.message) for p in reading.incomplete[0].problems] == [
        (
            "offers[1].current_job",
            "only one offer can be your current job, and offers[0] already is",
        )
    ]


def test_read_document_of_a_complete_document_keeps_every_offer() -> None:
    reading = read_document(document(BIGTECH, GROWTH_STARTUP))
    assert reading.offer_set is not None
    assert (reading.problems, reading.incomplete) == ((), ())
    view = build_view(evaluate(reading.offer_set))
    assert view["incomplete"] == []
