"""offereval's own YAML reader and writer (the engine runs where PyYAML cannot be installed).

tests/data/yaml/NAME.yaml holds a document and NAME.json the data it means; PyYAML, the
reference reader, must agree with both.
"""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any

import pytest
import yaml

from offereval import InputError, OfferSet, dump_text, example, load_text
from offereval._yaml import dumps, loads

DATA = pathlib.Path(__file__).parent / "data" / "yaml"
VALID = sorted(DATA.glob("*.yaml"))


def test_there_are_valid_documents() -> None:
    assert len(VALID) >= 10


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_document(path: pathlib.Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert loads(text) == expected
    assert yaml.safe_load(text) == expected


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_dumps_of_each_document_reads_back(path: pathlib.Path) -> None:
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert loads(dumps(data)) == data
    assert yaml.safe_load(dumps(data)) == data


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        # --- features of YAML that offers files do not need, refused rather than misread ---
        ("a: &anchor 1\nb: 2\n", 1, "anchors, aliases and tags are not supported"),
        ("a: 1\nb: *anchor\n", 2, "anchors, aliases and tags are not supported"),
        ("a: !!str 1\n", 1, "anchors, aliases and tags are not supported"),
        ("&a key: 1\n", 1, "anchors, aliases, tags and complex keys are not supported"),
        ("? complex: key\n", 1, "anchors, aliases, tags and complex keys are not supported"),
        ("a: |\n  one\n  two\n", 1, "multi-line strings are not supported"),
        ("x: 1\nnotes: >\n  folded\n", 2, "multi-line strings are not supported"),
        ("a: 1\n---\nb: 2\n", 2, "only one document per file is supported"),
        ("%YAML 1.2\n---\na: 1\n", 1, "YAML directives are not supported"),
        ("a:\n\tb: 1\n", 2, "indent with spaces, not tabs"),
        ("a:\n  \tb: 1\n", 2, "indent with spaces, not tabs"),
        # --- plain mistakes ---
        ("a: 1\n  b: 2\n", 2, "unexpected indentation"),
        ("a:\n  - 1\n   - 2\n", 3, "unexpected indentation"),
        ("a: 'open\n", 1, "a quoted string is not closed on its line"),
        ('a: "open\n', 1, "a quoted string is not closed on its line"),
        ("a: [1, 2\n", 1, "expected ',' or ']'"),
        ("a: [1, 2] x\n", 1, "unexpected text after the closing bracket"),
        ("a: 'x' y\n", 1, "unexpected text after the closing quote"),
        ("a: {b}\n", 1, "expected 'key: value' in a flow mapping"),
        ("a: {b:\n", 1, "'{' is not closed on its line"),
        ('a: "bad \\q escape"\n', 1, "bad escape in the double-quoted string"),
        ("a: 1\n- 2\n", 2, "unexpected text after the document"),
    ],
)
def test_refused(text: str, line: int, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        loads(text)
    (problem,) = caught.value.problems
    assert problem.message.startswith(f"line {line}: ")
    assert fragment in problem.message


@pytest.mark.parametrize(
    "value",
    [
        # --- strings other readers would take for something else: quoted on output ---
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "true",
        "Null",
        "~",
        "",
        " padded ",
        "200000",
        "1.5",
        "1e5",
        "1_000",
        "0x1f",
        "0o17",
        "1:30",
        "2026-11-25",
        "2026-11-25T09:30:00+00:00",
        ".inf",
        ".nan",
        "-",
        "- item",
        "key: value",
        "a #b",
        "#hash",
        "&anchor",
        "*alias",
        "!tag",
        "|",
        ">",
        "'",
        '"',
        "%",
        "@",
        "`",
        "<<",
        "=",
        "ends with colon:",
        "back\\slash",
        "tab\there",
        "new\nline",
        "a\x85b",
        "a\u2028b",
        "\x7f",
        "\x00",
        "\ufeff",
        "é ü ß 😀",
        "[",
        "]",
        "{",
        "}",
        ",",
        "?",
        # --- numbers that must come back as numbers of the same type ---
        0,
        -7,
        10**20,
        1.5,
        -0.25,
        1e-7,
        1e16,
        5e-324,
        1.7976931348623157e308,
        float("inf"),
        float("-inf"),
        # --- everything else ---
        True,
        False,
        None,
        [],
        {},
        [1, "a", None],
        {"k": [1, [2, [3]]]},
        [{"a": 1}, {"b": {"c": []}}],
        [[{"a": 1}]],
        {"": 1, "1": "one", "yes": "no"},
        # --- strings inside a one-line [...] list, where , ? [ ] { } : # end a plain word ---
        ["a,b", "x]y", "[", ";?", "k:v", "a#b", "{}", "plain words", "yes", "1_000"],
    ],
    ids=repr,
)
def test_dumps_round_trip(value: Any) -> None:
    data = {"key": value}
    text = dumps(data)
    assert loads(text) == data
    assert yaml.safe_load(text) == data


def test_dumps_writes_nan_that_reads_back_as_nan() -> None:
    text = dumps({"x": float("nan")})
    assert math.isnan(loads(text)["x"])
    assert math.isnan(yaml.safe_load(text)["x"])


def test_dumps_block_style_as_people_write_it() -> None:
    data = {
        "offers": [
            {"company": "A", "vesting_schedule": [5, 15, 40, 40], "ratings": {"team_manager": 4}}
        ],
        "dealbreakers": ["long_cliff"],
    }
    assert dumps(data) == (
        "offers:\n"
        "  - company: A\n"
        "    vesting_schedule: [5, 15, 40, 40]\n"
        "    ratings:\n"
        "      team_manager: 4\n"
        "dealbreakers: [long_cliff]\n"
    )


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_the_example_file_round_trips(fmt: str) -> None:
    offer_set = OfferSet.from_dict(example())
    text = dump_text(offer_set, fmt)
    assert load_text(text, f"offers.{fmt}") == offer_set
    reference = json.loads(text) if fmt == "json" else yaml.safe_load(text)
    assert reference == offer_set.to_dict()


def test_the_framework_keys_come_first_in_the_frameworks_order() -> None:
    text = dump_text(OfferSet.from_dict(example()), "yaml")
    keys = [
        line.strip().lstrip("- ").split(":")[0]
        for line in text.splitlines()
        if line.startswith(("  - ", "    ")) and not line.startswith("      ")
    ][:9]
    assert keys == [
        "company",
        "base_salary",
        "equity_grant",
        "vesting_years",
        "company_stage",
        "target_bonus",
        "bonus_payout_history",
        "signing_bonus",
        "ratings",
    ]


def test_dump_text_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="format must be one of json, yaml"):
        dump_text(OfferSet.from_dict(example()), "toml")
