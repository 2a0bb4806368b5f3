"""Property: any input either evaluates or is rejected with field errors, never a crash."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from offer_strategies import json_data, modest, offer_sets

from offereval import InputError, OfferSet, build_view, evaluate, load_text
from offereval import bridge as bridge_module
from offereval._yaml import loads


def evaluates_or_is_rejected(data: object) -> None:
    try:
        offer_set = OfferSet.from_dict(data)
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert isinstance(problem.path, str) and isinstance(problem.message, str)
            assert problem.message
        return
    build_view(evaluate(offer_set))


@modest
@given(json_data)
def test_any_json_data(data: Any) -> None:
    """Rule: arbitrary JSON-like data evaluates or raises InputError with its problems."""
    evaluates_or_is_rejected(data)


@modest
@given(
    st.fixed_dictionaries(
        {"offers": st.lists(json_data, max_size=3)},
        optional={
            "weights": json_data,
            "assumptions": json_data,
            "decision": json_data,
            "dealbreakers": json_data,
            "minimum_total_comp": json_data,
        },
    )
)
def test_any_values_under_the_right_keys(data: dict[str, Any]) -> None:
    """Rule: the known keys holding anything at all evaluate or are rejected with problems."""
    evaluates_or_is_rejected(data)


@st.composite
def mutated_offer_sets(draw: st.DrawFn) -> dict[str, Any]:
    """A valid offers file with one value replaced by anything, or one key removed."""
    data = copy.deepcopy(draw(offer_sets()))
    offer = draw(st.sampled_from(data["offers"]))
    target = draw(st.sampled_from([data, offer]))
    key = draw(st.one_of(st.sampled_from(sorted(target)), st.text(max_size=12)))
    if draw(st.booleans()):
        target.pop(key, None)
    else:
        target[key] = draw(json_data)
    return data


@modest
@given(mutated_offer_sets())
def test_mutated_valid_offer_sets(data: dict[str, Any]) -> None:
    """Rule: a valid file with one key broken evaluates or is rejected with problems."""
    evaluates_or_is_rejected(data)


@modest
@given(st.text(max_size=200), st.sampled_from(["offers.json", "offers.yaml", "offers"]))
def test_any_text(text: str, filename: str) -> None:
    """Rule: any file content is read or refused with an InputError, never another error."""
    try:
        offer_set = load_text(text, filename)
    except InputError as error:
        assert error.problems
        return
    evaluate(offer_set)


YAML_PIECES = st.sampled_from(
    [
        "a",
        ":",
        ": ",
        "-",
        "- ",
        " ",
        "  ",
        "\n",
        "#",
        " #",
        "'",
        '"',
        "\\",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&",
        "*",
        "!",
        "|",
        ">",
        "?",
        "%",
        "---",
        "...",
        "1",
        "1.5",
        "null",
        "true",
        "\t",
        "offers",
        "company",
        "x: y\n",
        "  - ",
    ]
)


@modest
@given(st.lists(YAML_PIECES, max_size=30).map("".join))
def test_yaml_reader_on_yaml_like_text(text: str) -> None:
    """Rule: the YAML reader returns data or raises InputError with the line, nothing else."""
    try:
        loads(text)
    except InputError as error:
        (problem,) = error.problems
        assert problem.message.startswith("line ")


@modest
@given(
    st.one_of(st.text(max_size=50), json_data.map(json.dumps), offer_sets().map(json.dumps)),
    st.text(max_size=30),
)
def test_bridge_functions_always_answer(document: str, other: str) -> None:
    """Rule: every bridge function returns JSON with "ok" and never raises."""
    answers = [
        bridge_module.evaluate(document, "2026-11-25T12:00:00+00:00"),
        bridge_module.evaluate(document, other),
        bridge_module.load(document, other),
        bridge_module.load(document, "offers.yaml"),
        bridge_module.dump(document, "yaml"),
        bridge_module.dump(document, other),
        bridge_module.to_fragment(document),
        bridge_module.from_fragment(other),
        bridge_module.from_fragment("v1." + other),
    ]
    for text in answers:
        answer = json.loads(text)
        assert isinstance(answer["ok"], bool)
        if not answer["ok"]:
            assert answer["problems"]
            assert all(p["message"] for p in answer["problems"])


@modest
@given(mutated_offer_sets())
def test_form_documents_always_get_an_answer(data: dict[str, Any]) -> None:
    """Rule: the form's evaluate answers any broken document; when it evaluates, the problems
    it reports all belong to offers it set aside, each listed with a sentence."""
    answer = json.loads(bridge_module.evaluate(json.dumps(data), "2026-11-25T12:00:00+00:00"))
    assert answer["problems"] or answer["ok"]
    if answer["ok"]:
        set_aside = {o["path"] for o in answer["view"]["incomplete"]}
        assert all(p["path"].startswith(tuple(set_aside)) for p in answer["problems"])
        assert all(o["text"] and o["problems"] for o in answer["view"]["incomplete"])
        assert 1 <= len(answer["view"]["verdict"]["sentences"]) <= 3
