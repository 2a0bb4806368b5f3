"""The browser's bridge: JSON text in, JSON text out, an "ok" on every answer."""

from __future__ import annotations

import json
from typing import Any

import pytest
from offer_docs import framework_document

from offereval import OfferSet, bridge, content
from offereval._fields import OFFER_FIELDS

NOW = "2026-11-25T12:00:00+00:00"


def answer(text: str) -> dict[str, Any]:
    data = json.loads(text)
    assert isinstance(data["ok"], bool)
    return data


def test_framework_is_the_content_as_data() -> None:
    data = json.loads(bridge.framework())
    assert [f["weight"] for f in data["factors"]] == [25, 25, 20, 15, 10, 5]
    assert len(data["red_flags"]) == 16
    assert data == json.loads(json.dumps(content.as_dict()))


def test_form_lists_every_offer_field() -> None:
    data = answer(bridge.form())
    assert data["ok"]
    assert [f["key"] for f in data["offer_fields"]] == [f.key for f in OFFER_FIELDS]
    stage = next(f for f in data["offer_fields"] if f["key"] == "company_stage")
    assert [c["value"] for c in stage["choices"]] == ["public", "late_stage_private", "early_stage"]


def test_evaluate_the_framework_example() -> None:
    data = answer(bridge.evaluate(json.dumps(framework_document()), NOW))
    assert data["ok"]
    totals = [o["tc"]["total"] for o in data["result"]["offers"]]
    assert totals == [355000, 301000]
    totals_table = data["view"]["tables"][0]
    assert totals_table["id"] == "totals"
    assert [row["cells"][-1] for row in totals_table["rows"]] == ["355,000", "301,000"]


def test_evaluate_the_example() -> None:
    data = answer(bridge.evaluate(bridge.example(), NOW))
    assert data["ok"]
    assert data["result"]["ranking"] == ["GrowthStartup", "BigTech Inc"]


@pytest.mark.parametrize(
    ("document", "now", "problems"),
    [
        (
            json.dumps({"offers": []}),
            NOW,
            [{"path": "offers", "message": "must list at least one offer"}],
        ),
        ("{not json", NOW, None),
        (
            "[" * 50000,
            NOW,
            [
                {
                    "path": "",
                    "message": "lists and mappings nest more than 10 deep; offereval "
                    "reads 10 at most",
                }
            ],
        ),
        (
            json.dumps(framework_document()),
            "now",
            [{"path": "", "message": "the current time is not a date-time: 'now'"}],
        ),
    ],
)
def test_evaluate_refuses_with_problems(
    document: str, now: str, problems: list[dict[str, str]] | None
) -> None:
    data = answer(bridge.evaluate(document, now))
    assert not data["ok"]
    assert data["problems"]
    if problems is not None:
        assert data["problems"] == problems
    else:
        assert "not valid JSON" in data["problems"][0]["message"]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_dump_then_load(fmt: str) -> None:
    text = answer(bridge.dump(json.dumps(framework_document()), fmt))["text"]
    loaded = answer(bridge.load(text, f"offers.{fmt}"))
    assert loaded["ok"]
    assert loaded["document"] == framework_document()


def test_dump_refuses_an_unknown_format() -> None:
    data = answer(bridge.dump(json.dumps(framework_document()), "xml"))
    assert data == {
        "ok": False,
        "problems": [{"path": "", "message": "format must be one of json, yaml"}],
    }


def test_load_reports_problems_with_paths() -> None:
    data = answer(bridge.load("offers:\n  - company: A\n    base_salary: -3\n", "x.yaml"))
    assert not data["ok"]
    assert {p["path"] for p in data["problems"]} == {
        "offers[0].base_salary",
        "offers[0].company_stage",
    }


def test_fragment_round_trip() -> None:
    fragment = answer(bridge.to_fragment(bridge.example()))["fragment"]
    assert fragment.startswith("v1.")
    assert all(c.isalnum() or c in "-_." for c in fragment)  # safe in a URL without escaping
    data = answer(bridge.from_fragment(fragment))
    assert data["ok"]
    assert data["document"] == json.loads(bridge.example())


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("", "this share link is not one offereval made"),
        ("v2.abc", "this share link is not one offereval made"),
        ("v1.", "this share link is damaged: it may have been cut short"),
        ("v1.!!!", "this share link is damaged: it may have been cut short"),
        ("v1.é", "this share link is damaged: it may have been cut short"),
    ],
)
def test_bad_fragments(fragment: str, message: str) -> None:
    data = answer(bridge.from_fragment(fragment))
    assert data == {"ok": False, "problems": [{"path": "", "message": message}]}


def test_a_cut_fragment_is_refused() -> None:
    fragment = answer(bridge.to_fragment(bridge.example()))["fragment"]
    data = answer(bridge.from_fragment(fragment[: len(fragment) // 2]))
    assert not data["ok"]


# ---- Whatever goes wrong inside, the answer is a refusal -------------------------------------

EXAMPLE_FRAGMENT = answer(bridge.to_fragment(bridge.example()))["fragment"]


@pytest.mark.parametrize(
    "error",
    [RecursionError("maximum recursion depth exceeded"), MemoryError(), KeyError("x")],
    ids=lambda e: type(e).__name__,
)
@pytest.mark.parametrize(
    "call",
    [
        lambda: bridge.evaluate(json.dumps(framework_document()), NOW),
        lambda: bridge.load(json.dumps(framework_document()), "offers.json"),
        lambda: bridge.dump(json.dumps(framework_document()), "yaml"),
        lambda: bridge.to_fragment(json.dumps(framework_document())),
        lambda: bridge.from_fragment(EXAMPLE_FRAGMENT),
    ],
    ids=["evaluate", "load", "dump", "to_fragment", "from_fragment"],
)
def test_any_python_exception_becomes_a_refusal(
    monkeypatch: pytest.MonkeyPatch, call: Any, error: BaseException
) -> None:
    assert answer(call())["ok"]  # before anything breaks

    def fail(cls: type, data: object) -> None:
        raise error

    # every way in: a file is checked whole (from_dict), the form's document read leniently (read)
    monkeypatch.setattr(OfferSet, "from_dict", classmethod(fail))
    monkeypatch.setattr(OfferSet, "read", classmethod(fail))
    data = answer(call())
    assert data == {
        "ok": False,
        "problems": [
            {"path": "", "message": f"offereval could not process this ({type(error).__name__})"}
        ],
    }
