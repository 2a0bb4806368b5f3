"""Tables on a phone: where the offers are, the table turned to put them in columns, and the
engine's advice for a 360 px screen (the page applies it and computes nothing)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from offer_docs import run

from offereval import build_view, example
from offereval._layout import PHONE_CHARACTERS, row, table, transpose, width

LONG_NAMES = [
    "International Business Machines Corporation",
    "Extraordinarily Long Startup Name Holdings",
    "Another Company With A Very Long Name",
]


def tables(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in build_view(run(data))["tables"]}


def long_named() -> dict[str, Any]:
    data = example()
    third = copy.deepcopy(data["offers"][0])
    data["offers"].append({**third, "base_salary": 150000})
    for offer, name in zip(data["offers"], LONG_NAMES, strict=True):
        offer["company"] = name
    return data


def test_the_totals_turned_put_the_offers_in_columns() -> None:
    totals = tables(example())["totals"]
    assert totals["offers_as"] == "rows"
    assert totals["transposed"] == {
        "columns": ["Company", "BigTech Inc", "GrowthStartup"],
        "align": ["left", "right", "right"],
        "rows": [
            {"cells": ["Base", "200,000", "180,000"], "tags": []},
            {"cells": ["Equity", "100,000", "90,000"], "tags": []},
            {"cells": ["Bonus", "30,000", "16,000"], "tags": []},
            {"cells": ["Signing (amortized)", "25,000", "15,000"], "tags": []},
            {"cells": ["Total", "355,000", "301,000"], "tags": []},
        ],
        # the row tags follow their offer into its column
        "column_tags": [[], ["leader"], []],
    }


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # two offers with short names: the wide tables fit once turned
        (
            example(),
            {
                "totals": ("rows", "transposed"),
                "projection": ("rows", "transposed"),
                "years-1": ("none", "cards"),
                "matrix": ("columns", "cards"),
                "ranking": ("rows", "table"),
                "gut-check": ("rows", "table"),
                "red-flags": ("rows", "cards"),
                "negotiation": ("rows", "transposed"),
                "sensitivity": ("none", "cards"),
            },
        ),
        # three offers named with 30-plus characters: nothing wide fits, cards instead
        (
            long_named(),
            {
                "totals": ("rows", "cards"),
                "projection": ("rows", "cards"),
                "years-1": ("none", "cards"),
                "matrix": ("columns", "cards"),
                "ranking": ("rows", "table"),
                "gut-check": ("rows", "table"),
                "red-flags": ("rows", "cards"),
                "negotiation": ("rows", "cards"),
                "sensitivity": ("none", "cards"),
            },
        ),
    ],
    ids=["example", "three long names"],
)
def test_every_table_says_how_to_read_it_on_a_phone(
    data: dict[str, Any], expected: dict[str, tuple[str, str]]
) -> None:
    found = tables(data)
    assert {k: (found[k]["offers_as"], found[k]["phone"]) for k in expected} == expected
    for t in found.values():
        # the advice keeps its promise: what it calls a fit is within the width
        if t["phone"] == "table":
            assert width(t["columns"], t["rows"], t["align"]) <= PHONE_CHARACTERS
        if t["phone"] == "transposed":
            turned = t["transposed"]
            assert width(turned["columns"], turned["rows"], turned["align"]) <= PHONE_CHARACTERS


@pytest.mark.parametrize(
    ("columns", "cells", "expected"),
    [
        # figures never wrap: "355,000" is 7; the heading "Total" is 5; words wrap: "Base" 4,
        # but a column of words is at least 6 wide. 6 + 2 + 7 = 15
        (["Part", "Total"], [["Base", "355,000"]], 15),
        # a heading's word past 10 characters breaks: "Extraordinarily" counts 10
        (["Part", "Extraordinarily Long"], [["Base", "1"]], 6 + 2 + 10),
        # words in a cell wrap at their longest word: "(amortized)" is 11
        (["Part", "Total"], [["Signing (amortized)", "25,000"]], 11 + 2 + 6),
    ],
)
def test_width_in_characters(columns: list[str], cells: list[list[str]], expected: int) -> None:
    made = table("t", "T", columns, [row(c) for c in cells])
    assert width(made["columns"], made["rows"], made["align"]) == expected


def test_transpose_twice_is_the_table_again() -> None:
    rows = [row(["A", "1", "2"], "leader"), row(["B", "3", "4"])]
    turned = transpose(["Company", "X", "Y"], rows)
    back = transpose(turned["columns"], turned["rows"])
    assert back["columns"] == ["Company", "X", "Y"]
    assert [r["cells"] for r in back["rows"]] == [["A", "1", "2"], ["B", "3", "4"]]
