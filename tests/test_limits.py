"""Limits on what offereval reads, checked before any work: each refusal names its limit.

The same limits hold for a file (`load_text`, the command line, the page's import), a share link
(`bridge.from_fragment`) and the document the page evaluates (`bridge.evaluate`).
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import pytest
from offer_docs import document, framework_document, offer

from offereval import InputError, OfferSet, bridge, content, load_text
from offereval._calls import CALLS_MAX, OWN_ITEMS_MAX
from offereval._limits import (
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_LINK_CHARS,
    MAX_OFFERS,
    MAX_TEXT_CHARS,
)

NOW = "2026-11-25T12:00:00+00:00"

FILE_TOO_LARGE = "the file is larger than 1 MiB (1,048,576 bytes), the most offereval reads"
TOO_DEEP = (
    f"lists and mappings nest more than {MAX_DEPTH} deep; offereval reads {MAX_DEPTH} at most"
)


def test_the_limits_leave_room_for_any_real_comparison() -> None:
    assert (MAX_FILE_BYTES, MAX_LINK_CHARS) == (1024 * 1024, 1024 * 1024)
    assert (MAX_DEPTH, MAX_OFFERS, MAX_ENTRIES, MAX_TEXT_CHARS) == (10, 50, 200, 10_000)
    # The largest file within the limits: fifty offers, each with every key and long notes.
    big = document(
        *(
            offer(company=f"Company {i}", notes="n" * MAX_TEXT_CHARS, red_flags=["long_cliff"])
            for i in range(MAX_OFFERS)
        )
    )
    assert len(OfferSet.from_dict(big).offers) == MAX_OFFERS


def test_the_longest_list_a_file_can_need_is_within_the_limits() -> None:
    # A call that ticks every checklist item: the framework's and as many questions and red
    # flags of the reader's own as a file may add.
    own_questions = [{"id": f"q{i}", "text": "?"} for i in range(OWN_ITEMS_MAX)]
    own_red_flags = [{"id": f"f{i}", "text": "!"} for i in range(OWN_ITEMS_MAX)]
    every_item = [
        *content.checklist_item_ids(),
        *(q["id"] for q in own_questions),
        *(f["id"] for f in own_red_flags),
    ]
    assert len(every_item) <= MAX_ENTRIES
    calls = [{"company": "A", "ticked": every_item}]
    calls += [{"company": f"B{i}"} for i in range(CALLS_MAX - 1)]
    data = document(
        offer(company="A"), own_questions=own_questions, own_red_flags=own_red_flags, calls=calls
    )
    assert OfferSet.from_dict(data).calls[0].ticked == tuple(every_item)


def problems_of(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as caught:
        OfferSet.from_dict(data)
    return [(p.path, p.message) for p in caught.value.problems]


def nested_list(depth: int) -> Any:
    value: Any = []
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # --- the number of offers: one problem, before any offer is read ---
        (
            {"offers": [{"company": f"C{i}"} for i in range(100_000)]},
            [("offers", f"lists 100,000 offers; offereval compares {MAX_OFFERS} at most")],
        ),
        (
            {"offers": [offer(company=f"C{i}") for i in range(MAX_OFFERS + 1)]},
            [("offers", f"lists 51 offers; offereval compares {MAX_OFFERS} at most")],
        ),
        # --- entries of any other list or mapping ---
        (
            document(offer(red_flags=["long_cliff"] * 1000)),
            [
                (
                    "offers[0].red_flags",
                    "has 1,000 entries; offereval reads 200 at most in one list or mapping",
                )
            ],
        ),
        (
            document(offer(ratings={f"k{i}": 1 for i in range(201)})),
            [
                (
                    "offers[0].ratings",
                    "has 201 entries; offereval reads 200 at most in one list or mapping",
                )
            ],
        ),
        # --- text: any string, and any key ---
        (
            document(offer(company="X" * 8_000_000)),
            [("offers[0].company", "is 8,000,000 characters long; offereval reads 10,000 at most")],
        ),
        (
            document(offer(**{"k" * 20_000: 1})),
            [("offers[0]", "has a key 20,000 characters long; offereval reads 10,000 at most")],
        ),
        # --- nesting: an offers file is four deep (document, offers, offer, ratings) ---
        (document(offer(notes=nested_list(50))), [("offers[0].notes" + "[0]" * 7, TOO_DEEP)]),
    ],
    ids=["100000-offers", "51-offers", "red-flags", "ratings", "text", "key", "depth"],
)
def test_limits_of_a_document(data: Any, expected: list[tuple[str, str]]) -> None:
    assert problems_of(data) == expected


def test_a_document_that_contains_itself_is_refused() -> None:
    data: dict[str, Any] = {"offers": []}
    data["offers"].append(data)
    assert problems_of(data) == [("offers[0].offers[0].offers[0].offers[0].offers[0]", TOO_DEEP)]


# ---- Text: size and nesting, before it is parsed ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "filename", "message"),
    [
        (" " * MAX_FILE_BYTES + "{}", "offers.json", FILE_TOO_LARGE),
        # 524,288 two-byte characters: within the limit in characters, over it in bytes
        ("é" * (MAX_FILE_BYTES // 2 + 1), "offers.yaml", FILE_TOO_LARGE),
        ("[" * 3000 + "]" * 3000, "offers.json", TOO_DEEP),
        ("[" * 50_000, "offers.json", TOO_DEEP),
        ('{"a": ' * 11 + "1" + "}" * 11, "offers.json", TOO_DEEP),
        # brackets inside strings are text, not nesting
        (json.dumps(framework_document() | {"x": "[" * 100}), "offers.json", ""),
        # YAML: block nesting and flow nesting, with the line where the limit is passed
        ("offers: " + "[" * 3000, "offers.yaml", f"line 1: {TOO_DEEP}"),
        (
            "".join(" " * i + f"k{i}:\n" for i in range(100)),
            "offers.yaml",
            f"line 11: {TOO_DEEP}",
        ),
        ("- " * 3000 + "x\n", "offers.yaml", f"line 1: {TOO_DEEP}"),
    ],
    ids=[
        "bytes",
        "utf8-bytes",
        "json-3000",
        "json-open",
        "json-objects",
        "strings",
        "yaml-flow",
        "yaml-block",
        "yaml-items",
    ],
)
def test_limits_of_a_text(text: str, filename: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load_text(text, filename)
    messages = [p.message for p in caught.value.problems]
    if message:
        assert messages == [message]
    else:
        assert not any("deep" in m for m in messages), messages


def test_ten_levels_are_read() -> None:
    # document (1) > offers (2) > offer (3) > notes (4), then six more lists: 10 levels
    data = document(offer(notes=nested_list(7)))
    assert problems_of(data) == [("offers[0].notes", "must be text, got a list")]
    text = "offers:\n  - company: A\n    notes: " + "[" * 7 + "]" * 7 + "\n"
    with pytest.raises(InputError) as caught:
        load_text(text, "offers.yaml")
    assert [p.path for p in caught.value.problems] == [
        "offers[0].base_salary",
        "offers[0].company_stage",
        "offers[0].notes",
    ]


# ---- The bridge: import, share link, evaluation ----------------------------------------------


def answer(text: str) -> dict[str, Any]:
    data = json.loads(text)
    assert isinstance(data["ok"], bool)
    return data


def packed(text: str) -> str:
    return "v1." + base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode().rstrip("=")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: bridge.load(" " * MAX_FILE_BYTES + "{}", "offers.json"), FILE_TOO_LARGE),
        (lambda: bridge.evaluate(" " * MAX_FILE_BYTES + "{}", NOW), FILE_TOO_LARGE),
        (lambda: bridge.dump(" " * MAX_FILE_BYTES + "{}", "yaml"), FILE_TOO_LARGE),
        (lambda: bridge.to_fragment(" " * MAX_FILE_BYTES + "{}"), FILE_TOO_LARGE),
        (lambda: bridge.evaluate("[" * 3000 + "]" * 3000, NOW), TOO_DEEP),
        (lambda: bridge.load("[" * 3000 + "]" * 3000, "offers.json"), TOO_DEEP),
        (lambda: bridge.from_fragment(packed("[" * 3000 + "]" * 3000)), TOO_DEEP),
        (
            lambda: bridge.from_fragment("v1." + "A" * MAX_LINK_CHARS),
            "this share link is longer than 1,048,576 characters, the most offereval reads",
        ),
        # 20 MB of spaces pack into about 20 KB: unpacking stops at the limit
        (
            lambda: bridge.from_fragment(packed("[" + " " * 20_000_000 + "]")),
            "this share link unpacks to more than 1 MiB (1,048,576 bytes), "
            "the most offereval reads",
        ),
    ],
    ids=[
        "load",
        "evaluate",
        "dump",
        "to-fragment",
        "evaluate-deep",
        "load-deep",
        "fragment-deep",
        "fragment-long",
        "fragment-bomb",
    ],
)
def test_the_bridge_refuses_what_is_over_a_limit(call: Any, message: str) -> None:
    assert answer(call()) == {"ok": False, "problems": [{"path": "", "message": message}]}


def test_a_share_link_of_a_file_within_the_limits_round_trips() -> None:
    data = framework_document()
    fragment = answer(bridge.to_fragment(json.dumps(data)))["fragment"]
    assert answer(bridge.from_fragment(fragment))["document"] == data


def test_a_document_too_long_for_a_link_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The framework's two offers pack into a few hundred characters: over a 100-character limit.
    monkeypatch.setattr("offereval._limits.MAX_LINK_CHARS", 100)
    data = answer(bridge.to_fragment(json.dumps(framework_document())))
    assert data["problems"] == [
        {
            "path": "",
            "message": "these offers are too large for a share link (more than 100 "
            "characters); export them to a file instead",
        }
    ]
