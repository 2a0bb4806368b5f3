"""Numbers as people type them: what each text is read as, and what is refused or asked."""

from __future__ import annotations

from typing import Any

import pytest
from offer_docs import document, offer

from offereval import InputError, OfferSet
from offereval._parse import AMOUNT, COUNT, PERCENT, PLAIN, RATIO, Unreadable, read_number


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # --- amounts: currency signs and codes, before or after ---
        ("200000", AMOUNT, 200000),
        ("$200,000", AMOUNT, 200000),
        ("£120,000", AMOUNT, 120000),
        ("€ 95 000", AMOUNT, 95000),
        ("200 000 €", AMOUNT, 200000),
        ("US$ 1.5k", AMOUNT, 1500),
        ("EUR 120000", AMOUNT, 120000),
        ("200k USD", AMOUNT, 200000),
        # --- thousands separators ---
        ("200 000", AMOUNT, 200000),
        ("200\u00a0000", AMOUNT, 200000),  # the no-break space French grouping uses
        ("1_250_000", AMOUNT, 1250000),
        ("1'250'000.50", AMOUNT, 1250000.5),
        ("1,234,567.89", AMOUNT, 1234567.89),
        ("12,34,567", AMOUNT, 1234567),  # lakh grouping
        # dots that can only be thousands: two of them, or with a decimal comma
        ("1.250.000", AMOUNT, 1250000),
        ("1.234.567,89", AMOUNT, 1234567.89),
        ("200 000,50", AMOUNT, 200000.5),
        # --- k and m ---
        ("200k", AMOUNT, 200000),
        ("200 K", AMOUNT, 200000),
        ("1.2m", AMOUNT, 1200000),  # exactly: 1.2 x 1,000,000, no float residue
        ("$1.2M", AMOUNT, 1200000),
        ("0.1k", AMOUNT, 100),
        ("1.500k", AMOUNT, 1500),  # with a k the dot is a decimal point
        ("20k", COUNT, 20000),
        # --- signs: bounds are checked by the reader, not here ---
        ("-$5", AMOUNT, -5),
        ("$-5", AMOUNT, -5),
        ("\u22125", AMOUNT, -5),  # the minus sign
        # --- percentages and shares: the value is the percentage, the caller scales it ---
        ("95%", RATIO, 95),
        ("95 %", RATIO, 95),
        ("0.95", RATIO, 0.95),
        ("3%", PERCENT, 3),
        ("3", PERCENT, 3),
        # --- small numbers: a dot is always a decimal point ---
        ("1.500", RATIO, 1.5),
        ("2.500", PLAIN, 2.5),
        (".5", PLAIN, 0.5),
        ("1e5", AMOUNT, 100000),
    ],
)
def test_read(text: str, kind: str, value: float) -> None:
    assert read_number(text, kind).value == value


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        # ambiguous: a question that proposes both readings
        ("200.000", AMOUNT, "is '200.000' 200,000 or 200? Type 200000 or 200"),
        ("1.500", AMOUNT, "is '1.500' 1,500 or 1.5? Type 1500 or 1.5"),
        ("$200.000", AMOUNT, "is '$200.000' 200,000 or 200? Type 200000 or 200"),
        (
            "200,00",
            AMOUNT,
            "is the comma in '200,00' a decimal point? Type 200.00; commas separate "
            "thousands only in groups of three, as in 200,000",
        ),
        ("0,8", RATIO, "is the comma in '0,8' a decimal point? Type 0.8"),
        # too large or too long, whatever the reader's bounds
        ("1e400", AMOUNT, "is too large to be a number, got '1e400'"),
        ("9" * 400, AMOUNT, "has 400 digits, more than any number offereval reads"),
        ("$" + " " * 50 + "1", AMOUNT, "is too long to be a number (52 characters)"),
        # decorations where they make no sense
        ("15%", AMOUNT, "takes no % sign here: type the number alone, got '15%'"),
        ("$3", PERCENT, "takes no currency sign: type the number alone, got '$3'"),
        ("4%", PLAIN, "takes no % sign here"),
        # not numbers at all: the caller says what was expected
        ("two hundred", AMOUNT, ""),
        ("good", PLAIN, ""),
        ("5k", PLAIN, ""),
        ("1 5", AMOUNT, ""),
        ("1,5,0", AMOUNT, ""),
        ("$", AMOUNT, ""),
        ("%", RATIO, ""),
        ("", AMOUNT, ""),
    ],
)
def test_refused(text: str, kind: str, message: str) -> None:
    with pytest.raises(Unreadable) as caught:
        read_number(text, kind)
    assert caught.value.message.startswith(message) if message else caught.value.message == ""


def read(data: dict[str, Any]) -> tuple[OfferSet, list[tuple[str, str]], dict[str, str], list[str]]:
    offer_set, problems, remarks = OfferSet.read(data)
    return (
        offer_set,
        [(p.path, p.message) for p in problems],
        remarks.readings,
        [str(q) for q in remarks.questions],
    )


@pytest.mark.parametrize(
    ("keys", "key", "value", "reading"),
    [
        ({"base_salary": "$200,000"}, "base_salary", 200000, "read as 200,000"),
        ({"base_salary": "200k"}, "base_salary", 200000, "read as 200,000"),
        # what reads back as typed needs no word
        ({"base_salary": "200,000"}, "base_salary", 200000, None),
        ({"base_salary": "200000"}, "base_salary", 200000, None),
        # 15% of a base of 200,000 is 30,000
        (
            {"base_salary": "200k", "target_bonus": "15%"},
            "target_bonus",
            30000,
            "read as 30,000 (15% of the base salary)",
        ),
        # payout: 95% is the share 0.95; 0.95 and 95% need no word
        ({"bonus_payout_history": "95%"}, "bonus_payout_history", 0.95, None),
        ({"bonus_payout_history": "0.95"}, "bonus_payout_history", 0.95, None),
        ({"bonus_payout_history": 0.8}, "bonus_payout_history", 0.8, None),
        # raise: in percent, with or without the sign
        ({"raise_percent": "3%"}, "raise_percent", 3, None),
        ({"raise_percent": "3"}, "raise_percent", 3, None),
        ({"tax_rate": "25%"}, "tax_rate", 25, None),
        ({"cost_of_living": "120"}, "cost_of_living", 120, None),
        # schedules: a text with any separator, or one share for every year; the reading
        # says what each year gets
        (
            {"vesting_schedule": "5/15/40/40"},
            "vesting_schedule",
            (5, 15, 40, 40),
            "read as 5%, 15%, 40%, 40%",
        ),
        (
            {"vesting_schedule": "5, 15, 40, 40"},
            "vesting_schedule",
            (5, 15, 40, 40),
            "read as 5%, 15%, 40%, 40%",
        ),
        ({"vesting_schedule": "5%, 15%, 40%, 40%"}, "vesting_schedule", (5, 15, 40, 40), None),
        (
            {"vesting_schedule": "25%"},
            "vesting_schedule",
            (25, 25, 25, 25),
            "read as 25%, 25%, 25%, 25%",
        ),
        # a list in a file: each item may be typed, and needs no reading
        ({"vesting_schedule": ["5%", "15%", 40, 40]}, "vesting_schedule", (5, 15, 40, 40), None),
        (
            {"vesting_years": "3", "vesting_schedule": "[50 25 25]"},
            "vesting_schedule",
            (50, 25, 25),
            "read as 50%, 25%, 25%",
        ),
        ({"vesting_years": "4"}, "vesting_years", 4, None),
        ({"option_count": "20k", "share_price": "$2.50"}, "share_price", 2.5, "read as 2.5"),
        ({"option_count": "20k", "share_price": "1"}, "option_count", 20000, "read as 20,000"),
    ],
)
def test_offer_keys_typed_as_text(
    keys: dict[str, Any], key: str, value: Any, reading: str | None
) -> None:
    offer_set, problems, readings, _ = read(document(offer(**keys)))
    assert problems == []
    got = getattr(offer_set.offers[0], key)
    assert got == (tuple(float(v) for v in value) if isinstance(value, tuple) else value)
    assert readings.get(f"offers[0].{key}") == reading


@pytest.mark.parametrize(
    ("keys", "top", "path", "message"),
    [
        (
            {"equity_grant": "200.000"},
            {},
            "offers[0].equity_grant",
            "is '200.000' 200,000 or 200? Type 200000 or 200",
        ),
        (
            {"base_salary": "1e400"},
            {},
            "offers[0].base_salary",
            "is too large to be a number, got '1e400'",
        ),
        (
            {"base_salary": "9" * 400},
            {},
            "offers[0].base_salary",
            "has 400 digits, more than any number offereval reads",
        ),
        # a bonus as a share of a base that is not given
        (
            {"base_salary": None, "target_bonus": "15%"},
            {},
            "offers[0].target_bonus",
            "is a percentage of the base salary, which is not given yet",
        ),
        # 95 as a payout share is 9500%: the message says how to type 95%
        (
            {"bonus_payout_history": "95"},
            {},
            "offers[0].bonus_payout_history",
            "must be at most 3 (300%), got '95'; for 95%, type 95% or 0.95",
        ),
        # 30% a year for 4 years is 120%
        (
            {"vesting_schedule": "30%"},
            {},
            "offers[0].vesting_schedule",
            "30% a year for 4 years is 120%; the schedule must sum to 100%",
        ),
        (
            {"vesting_schedule": "5/15/x/40"},
            {},
            "offers[0].vesting_schedule",
            "'x' must be a percentage, such as 3 or 3%, got 'x'",
        ),
        # the company stage has no default
        (
            {"company_stage": ""},
            {},
            "offers[0].company_stage",
            "is required: choose public, late_stage_private or early_stage; it decides how "
            "much of the equity counts",
        ),
        (
            {"vesting_years": "4.5"},
            {},
            "offers[0].vesting_years",
            "must be a whole number from 1 to 10, got 4.5",
        ),
        (
            {},
            {"minimum_total_comp": "250.000"},
            "minimum_total_comp",
            "is '250.000' 250,000 or 250? Type 250000 or 250",
        ),
        (
            {},
            {"weights": {"compensation": "25,5"}},
            "weights.compensation",
            "is the comma in '25,5' a decimal point? Type 25.5",
        ),
    ],
)
def test_refusals_name_the_field(
    keys: dict[str, Any], top: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(document(offer(**keys), **top))
    assert (path, message) in [(p.path, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("keys", "top", "question"),
    [
        (
            {"base_salary": "500"},
            {},
            "offers[0].base_salary: a yearly base salary of 500? Type 500k for 500,000.",
        ),
        (
            {"base_salary": 999.5},
            {},
            "offers[0].base_salary: a yearly base salary of 999.5? Type 999.5k for 999,500.",
        ),
        (
            {"raise_percent": 0.03},
            {},
            "offers[0].raise_percent: a yearly raise of 0.03%? The raise is in percent: "
            "for 3% a year, type 3.",
        ),
        (
            {},
            {"minimum_total_comp": "250"},
            "minimum_total_comp: a yearly minimum of 250? Type 250k for 250,000.",
        ),
    ],
)
def test_implausible_values_are_read_and_asked_about(
    keys: dict[str, Any], top: dict[str, Any], question: str
) -> None:
    _, problems, _, questions = read(document(offer(**keys), **top))
    assert problems == []
    assert questions == [question]


@pytest.mark.parametrize(
    ("keys", "top"),
    [
        ({"base_salary": 1000}, {}),  # 1,000 is the threshold
        ({"base_salary": 0}, {}),  # an offer with no base is unusual, not a slip
        ({"raise_percent": "0.5%"}, {}),  # typed with its sign: meant
        ({"raise_percent": 1}, {}),
        ({}, {"minimum_total_comp": 0}),
    ],
)
def test_plausible_values_raise_no_question(keys: dict[str, Any], top: dict[str, Any]) -> None:
    _, problems, _, questions = read(document(offer(**keys), **top))
    assert (problems, questions) == ([], [])


def test_to_dict_writes_the_numbers_that_were_read() -> None:
    typed = document(
        offer(
            base_salary="$200,000",
            target_bonus="15%",
            bonus_payout_history="95%",
            raise_percent="3%",
            vesting_schedule="5/15/40/40",
        ),
        minimum_total_comp="250k",
        weights={
            "compensation": "25%",
            "career_growth": "25%",
            "team_manager": "20",
            "work_life_balance": "15",
            "mission_product": "10",
            "stability": "5",
        },
        assumptions={"stage_factors": {"late_stage_private": "50%"}},
    )
    written = OfferSet.from_dict(typed).to_dict()
    assert written["offers"][0] == {
        "company": "A",
        "base_salary": 200000,
        "equity_grant": 0,
        "vesting_years": 4,
        "company_stage": "public",
        "target_bonus": 30000,
        "bonus_payout_history": 0.95,
        "signing_bonus": 0,
        "raise_percent": 3,
        "vesting_schedule": [5, 15, 40, 40],
    }
    assert written["minimum_total_comp"] == 250000
    assert written["assumptions"]["stage_factors"]["late_stage_private"] == 0.5
    assert "weights" not in written  # the default weights, typed as text
    assert OfferSet.from_dict(written) == OfferSet.from_dict(typed)
