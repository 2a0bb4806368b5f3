"""The engine's contract with the page: the bridge answers what its TypedDicts say, and the
page's TypeScript declarations (site_src/js/page/contract.d.ts) are the ones those TypedDicts
give today, so that tsc checks the page against the engine as it is."""

from __future__ import annotations

import json
from typing import Any, get_args, get_type_hints

import pytest

from offereval import _answers, _contract, _example, bridge
from sitebuild import jstypes

NOW = "2026-11-25T10:00:00+00:00"
EXAMPLE = json.dumps(_example.example())


def test_the_pages_declarations_are_written_from_the_engines_types() -> None:
    written = jstypes.DECLARATIONS.read_text(encoding="utf-8")
    assert written == jstypes.render(), "stale: run .venv/bin/python -m sitebuild.jstypes"


def test_a_renamed_key_changes_the_declarations() -> None:
    # The check above can fail: the declarations follow each key of each TypedDict.
    assert "  fragment: string;\n" in jstypes.render()
    assert "export interface FragmentAnswer {" in jstypes.render()


def test_a_type_alias_is_declared_once_and_referred_to_by_name() -> None:
    # A Literal alias becomes a union the page's comparisons are checked against.
    rendered = jstypes.render()
    stages = " | ".join(f'"{s}"' for s in get_args(_contract.DecisionStage.__value__))
    assert f"export type DecisionStage = {stages};\n" in rendered
    assert '"committed_early"' in stages
    assert "  status: DecisionStage;\n" in rendered
    assert "  kind: FieldKind;\n" in rendered


def _fragment() -> str:
    return str(json.loads(bridge.to_fragment(EXAMPLE))["fragment"])


# Each bridge function with an input it accepts, and the TypedDict of its answer.
ANSWERS: list[tuple[str, Any, type]] = [
    ("form", lambda: bridge.form(), _answers.FormAnswer),
    ("evaluate", lambda: bridge.evaluate(EXAMPLE, NOW), _answers.EvaluateAnswer),
    ("load", lambda: bridge.load(EXAMPLE, "offers.json"), _answers.LoadAnswer),
    ("dump", lambda: bridge.dump(EXAMPLE, "yaml"), _answers.DumpAnswer),
    ("to_fragment", lambda: bridge.to_fragment(EXAMPLE), _answers.FragmentAnswer),
    ("from_fragment", lambda: bridge.from_fragment(_fragment()), _answers.LoadAnswer),
    ("refusal", lambda: bridge.load("offers: 3", "offers.yaml"), _answers.Refusal),
    # the form's document refused: the refusal also says how typed numbers were read
    (
        "evaluate-refusal",
        lambda: bridge.evaluate('{"offers": [{"base_salary": "200k"}], "weights": 3}', NOW),
        _answers.EvaluateRefusal,
    ),
]


@pytest.mark.parametrize(("name", "call", "answer_type"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_each_answer_has_exactly_the_keys_of_its_type(name: str, call: Any, answer_type: type):
    answer = json.loads(call())
    assert sorted(answer) == sorted(get_type_hints(answer_type)), name
    if name == "evaluate-refusal":
        assert answer["readings"] == {"offers[0].base_salary": "read as 200,000"}
    if answer_type is _answers.FormAnswer:
        for field in answer["offer_fields"]:
            assert sorted(field) == sorted(get_type_hints(_answers.FieldEntry)), field["key"]
    if answer_type in (_answers.Refusal, _answers.EvaluateRefusal):
        assert answer["ok"] is False and answer["problems"]
        for problem in answer["problems"]:
            assert sorted(problem) == sorted(get_type_hints(_contract.ProblemView))


def test_every_worker_action_has_its_answer_type() -> None:
    # engine-worker.js's actions table, by name: each resolves with Answers[action].
    worker = (jstypes.ROOT / "site_src" / "js" / "worker" / "engine-worker.js").read_text()
    actions = worker.split("const actions = {", 1)[1].split("};", 1)[0]
    names = sorted(line.split(":")[0].strip() for line in actions.strip().splitlines())
    assert names == sorted(get_type_hints(_answers.Answers))
