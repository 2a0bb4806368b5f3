"""Bad input: every problem found at once, each with its path and a message that says
what was expected and what was got."""

from __future__ import annotations

from typing import Any

import pytest
from offer_docs import BIGTECH, document, offer

from offereval import InputError, OfferSet, load_text


def without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


def problems_of(data: object) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(data)
    problems = caught.value.problems
    assert problems, "an InputError always carries its problems"
    return [(p.path, p.message) for p in problems]


@pytest.mark.parametrize(
    ("data", "path", "fragment"),
    [
        # --- missing keys ---
        (document(without(BIGTECH, "company")), "offers[0].company", "is required"),
        (document(without(BIGTECH, "base_salary")), "offers[0].base_salary", "is required"),
        (document(without(BIGTECH, "company_stage")), "offers[0].company_stage", "is required"),
        ({"weights": None}, "offers", "is required"),
        # --- wrong types ---
        (
            document(offer(base_salary="two hundred k")),
            "offers[0].base_salary",
            "must be an amount, such as 200000, 200,000, $200k or 1.2m, got 'two hundred k'",
        ),
        (document(offer(base_salary=True)), "offers[0].base_salary", "must be an amount, such as"),
        (
            document(offer(base_salary=[1])),
            "offers[0].base_salary",
            "200k or 1.2m, got a list",
        ),
        (document(offer(company=7)), "offers[0].company", "must be text, got 7"),
        # blank text is a key not given, as a form's empty field
        (document(offer(company="  ")), "offers[0].company", "is required"),
        (
            document(offer(location_acceptable="no")),
            "offers[0].location_acceptable",
            "must be true or false, got 'no'",
        ),
        (
            document(offer(vesting_schedule=25)),
            "offers[0].vesting_schedule",
            "must be a list, got 25",
        ),
        (
            document(offer(ratings=[])),
            "offers[0].ratings",
            "must be a mapping of keys to values, got a list",
        ),
        (
            document(offer(growth="high")),
            "offers[0].growth",
            "must be a mapping of keys to values, got 'high'",
        ),
        (document(offer(), weights=0), "weights", "must be a mapping of keys to values, got 0"),
        (document(offer(), assumptions=[]), "assumptions", "must be a mapping"),
        (document(offer(red_flags="long_cliff")), "offers[0].red_flags", "must be a list"),
        # --- numbers out of bounds ---
        (document(offer(base_salary=-1)), "offers[0].base_salary", "must be at least 0, got -1"),
        (
            document(offer(signing_bonus=-0.5)),
            "offers[0].signing_bonus",
            "must be at least 0, got -0.5",
        ),
        (document(offer(base_salary=2e12)), "offers[0].base_salary", "must be at most"),
        (
            document(offer(vesting_years=0)),
            "offers[0].vesting_years",
            "must be a whole number from 1 to 10, got 0",
        ),
        (
            document(offer(vesting_years=2.5)),
            "offers[0].vesting_years",
            "must be a whole number from 1 to 10, got 2.5",
        ),
        (document(offer(vesting_years=True)), "offers[0].vesting_years", "must be a whole number"),
        (
            document(offer(cliff_months=61)),
            "offers[0].cliff_months",
            "must be a whole number from 0 to 60, got 61",
        ),
        (
            document(offer(bonus_payout_history=3.5)),
            "offers[0].bonus_payout_history",
            "must be at most 3 (300%), got 3.5",
        ),
        (
            document(offer(raise_percent=101)),
            "offers[0].raise_percent",
            "must be at most 100, got 101",
        ),
        (
            document(offer(), minimum_total_comp=-5),
            "minimum_total_comp",
            "must be at least 0, got -5",
        ),
        (
            document(offer(), assumptions={"stage_factors": {"public": 1.5}}),
            "assumptions.stage_factors.public",
            "must be at most 1 (100%), got 1.5",
        ),
        (
            document(offer(), assumptions={"signing_tenure_years": 0}),
            "assumptions.signing_tenure_years",
            "must be at least 0.25, got 0",
        ),
        (
            document(offer(), assumptions={"projection_years": 0}),
            "assumptions.projection_years",
            "must be a whole number from 1 to 10, got 0",
        ),
        # --- NaN and infinity (JSON readers accept NaN and Infinity literals) ---
        (
            document(offer(base_salary=float("nan"))),
            "offers[0].base_salary",
            "must be a finite number, got nan",
        ),
        (
            document(offer(equity_grant=float("inf"))),
            "offers[0].equity_grant",
            "must be a finite number, got inf",
        ),
        (
            document(offer(target_bonus=float("-inf"))),
            "offers[0].target_bonus",
            "must be a finite number, got -inf",
        ),
        (
            document(offer(base_salary=10**400)),
            "offers[0].base_salary",
            "must be a finite number, got a number of more than 40 digits",
        ),
        # --- choices ---
        (
            document(offer(company_stage="seed")),
            "offers[0].company_stage",
            "must be one of public, late_stage_private, early_stage; got 'seed'",
        ),
        (
            document(offer(growth={"scope_of_role": "great"})),
            "offers[0].growth.scope_of_role",
            "must be one of high, medium, low; got 'great'",
        ),
        # --- vesting schedules ---
        (
            document(offer(vesting_schedule=[10, 20, 30, 30])),
            "offers[0].vesting_schedule",
            "percentages must sum to 100, got 90",
        ),
        # 25 + 25 + 25 + 24.99999 = 99.99999, not "got 100"
        (
            document(offer(vesting_schedule=[25, 25, 25, 24.99999])),
            "offers[0].vesting_schedule",
            "percentages must sum to 100, got 99.99999",
        ),
        (
            document(offer(vesting_schedule=[50, 50])),
            "offers[0].vesting_schedule",
            "must have one percentage per vesting year (4), got 2",
        ),
        (
            document(offer(vesting_years=3, vesting_schedule=[25, 25, 25, 25])),
            "offers[0].vesting_schedule",
            "must have one percentage per vesting year (3), got 4",
        ),
        (
            document(offer(vesting_schedule=[110, -10, 0, 0])),
            "offers[0].vesting_schedule[0]",
            "must be at most 100, got 110",
        ),
        (
            document(offer(vesting_schedule=[110, -10, 0, 0])),
            "offers[0].vesting_schedule[1]",
            "must be at least 0, got -10",
        ),
        (
            document(offer(vesting_schedule=[25, "a quarter", 25, 25])),
            "offers[0].vesting_schedule[1]",
            "must be a percentage, such as 3 or 3%, got 'a quarter'",
        ),
        # --- unknown keys, with a suggestion ---
        (
            document(offer(base_salry=1)),
            "offers[0].base_salry",
            "is not a known key; did you mean 'base_salary'?",
        ),
        ({"offer": [offer()]}, "offer", "is not a known key; did you mean 'offers'?"),
        (
            document(offer(), assumptions={"stage_factor": {}}),
            "assumptions.stage_factor",
            "did you mean 'stage_factors'?",
        ),
        (
            document(offer(), assumptions={"stage_factors": {"late_stage": 0.5}}),
            "assumptions.stage_factors.late_stage",
            "did you mean 'late_stage_private'?",
        ),
        (document(offer(zzz=1)), "offers[0].zzz", "is not a known key"),
        # --- duplicate companies ---
        (
            document(offer(company="A"), offer(company="A")),
            "offers[1].company",
            "repeats the company of offers[0] ('A'); give each offer its own name",
        ),
        # spaces around a name do not make it another company
        (
            document(offer(company="A"), offer(company=" A ")),
            "offers[1].company",
            "repeats the company of offers[0]",
        ),
        # --- red flags and dealbreakers ---
        (
            document(offer(red_flags=["long_clif"])),
            "offers[0].red_flags[0]",
            "is not a known red flag ('long_clif'); did you mean 'long_cliff'?",
        ),
        (
            document(offer(red_flags=["zzzz"])),
            "offers[0].red_flags[0]",
            "; valid red flags: no_liquidity_path, below_market_base",
        ),
        (
            document(offer(red_flags=["long_cliff", "long_cliff"])),
            "offers[0].red_flags[1]",
            "repeats 'long_cliff'",
        ),
        (document(offer(), dealbreakers=["layoffs"]), "dealbreakers[0]", "is not a known red flag"),
        # --- options ---
        (
            document(offer(option_count=10, share_price=1, equity_grant=5)),
            "offers[0].option_count",
            "not both",
        ),
        (
            document(offer(option_count=10)),
            "offers[0].share_price",
            "is required when option_count is given",
        ),
        # --- the decision record ---
        (
            document(offer(), decision={"choice": "B"}),
            "decision.choice",
            "must be the company of one of the offers, got 'B'",
        ),
        (
            document(offer(), decision={"choice": "A", "decided_at": "25/11/2026"}),
            "decision.decided_at",
            "must be a date and time, such as 2026-11-25 09:30",
        ),
        # --- the offers list and the document itself ---
        ({"offers": []}, "offers", "must list at least one offer"),
        ({}, "offers", "is required"),
        ({"offers": None}, "offers", "is required"),
        ({"offers": {"company": "A"}}, "offers", "must be a list, got a mapping"),
        ({"offers": "A"}, "offers", "must be a list, got 'A'"),
        ({"offers": ["A"]}, "offers[0]", "must be a mapping of keys to values, got 'A'"),
        ([offer()], "", "must be a mapping of keys to values, got a list"),
        ("offers", "", "must be a mapping of keys to values, got 'offers'"),
        (None, "", "must be a mapping of keys to values, got null"),
    ],
)
def test_bad_input(data: object, path: str, fragment: str) -> None:
    problems = problems_of(data)
    assert any(p == path and fragment in m for p, m in problems), problems


def test_problem_reads_path_colon_message() -> None:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(document(offer(), offer(company="B", vesting_years=0)))
    assert str(caught.value) == (
        "offers[1].vesting_years: must be a whole number from 1 to 10, got 0"
    )


def test_every_problem_is_reported_at_once() -> None:
    data = {
        "weights": {"compensation": 50},
        "offers": [
            offer(base_salary=-1, company_stage="seed"),
            offer(company="B", vesting_years=0, base_salry=5),
            offer(company="C", equity_grant=float("nan")),
        ],
    }
    paths = [p for p, _ in problems_of(data)]
    assert sorted(paths) == sorted(
        [
            "offers[0].base_salary",
            "offers[0].company_stage",
            "offers[1].base_salry",
            "offers[1].vesting_years",
            "offers[2].equity_grant",
            "weights",
        ]
    )


def test_problems_in_a_file_all_at_once() -> None:
    text = """{
  "offers": [
    {"company": "A", "base_salary": NaN, "company_stage": "public"},
    {"company": "A", "base_salary": Infinity, "company_stage": "ipo"}
  ]
}"""
    with pytest.raises(InputError) as caught:
        load_text(text, "offers.json")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("offers[0].base_salary", "must be a finite number, got nan"),
        ("offers[1].base_salary", "must be a finite number, got inf"),
        (
            "offers[1].company_stage",
            "must be one of public, late_stage_private, early_stage; got 'ipo'",
        ),
        (
            "offers[1].company",
            "repeats the company of offers[0] ('A'); give each offer its own name",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "filename", "fragment"),
    [
        # --- malformed JSON, with line and column ---
        ('{"offers": [}', "a.json", "line 1, column 13: not valid JSON"),
        ('{\n  "offers": [\n    {"company": "A",}\n  ]\n}', "a.json", "line 3, column"),
        ("", "a.json", "line 1, column 1: not valid JSON"),
        # a file with no extension that starts like JSON is read as JSON
        ('{"offers": ', "offers", "not valid JSON"),
        # --- malformed YAML, with the line ---
        ("offers:\n  - company: A\n     base_salary: 1\n", "a.yaml", "line 3"),
        ("offers:\n  - company: 'A\n", "a.yaml", "line 2: a quoted string is not closed"),
        ("offers: [1, 2\n", "a.yml", "line 1: expected ',' or ']'"),
        ("offers: {a:\n", "a.yml", "line 1: '{' is not closed on its line"),
        # --- nesting and numbers no reader should choke on ---
        ("[" * 50000, "a.json", "nest more than 10 deep"),
        ("offers: " + "[" * 50000, "a.yaml", "line 1: lists and mappings nest more than 10 deep"),
        ('{"offers": ' + "9" * 5000 + "}", "a.json", "cannot be read"),
    ],
)
def test_malformed_files(text: str, filename: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        load_text(text, filename)
    assert any(fragment in p.message for p in caught.value.problems), caught.value.problems


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_an_empty_yaml_file_is_not_a_document(text: str) -> None:
    with pytest.raises(InputError) as caught:
        load_text(text, "offers.yaml")
    first = caught.value.problems[0]
    assert (first.path, first.message) == ("", "must be a mapping of keys to values, got null")
