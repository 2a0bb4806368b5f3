"""Reading offers files as people save them: a byte-order mark, JSON under a YAML name, and keys
given twice (which JSON readers and YAML flow mappings would otherwise let the last one win)."""

from __future__ import annotations

import json

import pytest
from offer_docs import BIGTECH, GROWTH_STARTUP

from offereval import InputError, bridge, dump_text, load_text
from offereval._files import parse_text

FRAMEWORK = {"offers": [BIGTECH, GROWTH_STARTUP]}
FRAMEWORK_JSON = json.dumps(FRAMEWORK, indent=2)


@pytest.mark.parametrize(
    ("text", "filename"),
    [
        ("\ufeff" + FRAMEWORK_JSON, "offers.json"),
        ("\ufeff" + FRAMEWORK_JSON, "offers"),
        (
            "\ufeffoffers:\n  - company: A\n    base_salary: 1\n    company_stage: public\n",
            "a.yaml",
        ),
        # JSON is YAML: the page's JSON export, whatever name it was saved under
        (FRAMEWORK_JSON, "offers.yaml"),
        (FRAMEWORK_JSON, "offers.yml"),
        ("\ufeff" + FRAMEWORK_JSON, "offers.yaml"),
        (FRAMEWORK_JSON, "offers.txt"),
    ],
    ids=[
        "bom-json",
        "bom-no-extension",
        "bom-yaml",
        "json-yaml",
        "json-yml",
        "bom-json-yaml",
        "json-txt",
    ],
)
def test_accepted(text: str, filename: str) -> None:
    assert load_text(text, filename).offers


def test_a_yaml_flow_mapping_file_is_still_yaml() -> None:
    # Starts like JSON, is not JSON: read as the YAML its name says it is.
    text = "{offers: [{company: A, base_salary: 1, company_stage: public}]}"
    assert load_text(text, "offers.yaml").offers[0].company == "A"
    with pytest.raises(InputError, match="not valid JSON"):
        load_text(text, "offers.json")


def test_the_pages_json_export_imports_as_yaml() -> None:
    exported = json.loads(bridge.dump(json.dumps(FRAMEWORK), "json"))["text"]
    assert json.loads(bridge.load(exported, "offers.yaml"))["document"] == FRAMEWORK
    assert dump_text(load_text(exported, "offers.yaml"), "json") == exported


REPEATED = "is given more than once; keep one"


@pytest.mark.parametrize(
    ("text", "filename", "problems"),
    [
        (
            '{"offers": [{"company": "A", "base_salary": 1, "company": "B",'
            ' "company_stage": "public"}]}',
            "offers.json",
            [("offers[0].company", REPEATED)],
        ),
        (
            '{"offers": [], "offers": [], "weights": {"stability": 5, "stability": 5}}',
            "offers.json",
            [("offers", REPEATED), ("weights.stability", REPEATED)],
        ),
        (
            "offers:\n  - company: A\n    base_salary: 1\n    company_stage: public\n"
            "    ratings: {stability: 3, stability: 5}\n",
            "offers.yaml",
            [("offers[0].ratings.stability", REPEATED)],
        ),
        (
            "offers:\n  - company: A\n    base_salary: 1\n    company: B\n"
            "    company_stage: public\n",
            "offers.yaml",
            [("offers[0].company", REPEATED)],
        ),
        ("a: 1\na: 2\n", "offers.yaml", [("a", REPEATED)]),
    ],
    ids=["json", "json-nested", "yaml-flow", "yaml-block", "yaml-top"],
)
def test_repeated_keys_are_refused_with_their_path(
    text: str, filename: str, problems: list[tuple[str, str]]
) -> None:
    with pytest.raises(InputError) as caught:
        load_text(text, filename)
    assert [(p.path, p.message) for p in caught.value.problems] == problems


def test_repeated_keys_are_refused_by_the_bridge() -> None:
    text = '{"offers": [{"company": "A", "company": "B"}]}'
    for answer in (bridge.load(text, "x.json"), bridge.evaluate(text, "2026-11-25T12:00:00Z")):
        assert json.loads(answer)["problems"] == [
            {"path": "offers[0].company", "message": REPEATED}
        ]


def test_parse_text_keeps_the_last_value_and_remembers_the_repeat() -> None:
    data = parse_text('{"a": 1, "a": 2}', "json")
    assert data == {"a": 2}
    assert data.repeated == ("a",)
