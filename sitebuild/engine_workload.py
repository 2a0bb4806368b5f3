"""What the calculator asks of the engine, run once over rich documents: every module it imports.

The build runs `run()` inside Pyodide itself (scripts/trace-imports.mjs) to learn which
standard-library modules the site's Python needs; the tests run it in CPython too. It imports
every module of the offereval package (a module added later is covered without a change here),
then calls every action of `offereval.bridge` the page's worker calls, on the framework's
example, on a document that uses every kind of offer key, and on documents with problems, in
JSON and in YAML. It uses nothing but offereval and the standard library: it runs where the
calculator runs.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

NOW = "2026-11-25T09:00:00+00:00"
# The command line is not part of the calculator; the browser never imports it.
NOT_IN_THE_BROWSER = frozenset({"offereval._cli"})


def run() -> list[str]:
    """Exercise the engine as the calculator does; returns the offereval modules imported."""
    import offereval
    from offereval import bridge

    modules = [
        info.name
        for info in pkgutil.walk_packages(offereval.__path__, "offereval.")
        if info.name not in NOT_IN_THE_BROWSER
    ]
    for name in modules:
        importlib.import_module(name)
    bridge.form()
    bridge.framework()
    example = json.loads(bridge.example())
    for document in (example, rich_document(example), *broken_documents(example)):
        exercise(bridge, document)
    for text, filename in broken_files():
        _answer(bridge.load(text, filename))
    _answer(bridge.from_fragment("v1.not-a-share-link"))
    _answer(bridge.from_fragment("elsewhere"))
    _answer(bridge.evaluate(json.dumps(example), "not a time"))
    return modules


def most_offers() -> dict[str, Any]:
    """The largest comparison the calculator shows: the framework's example, its offers repeated
    to the most the engine reads (50), each with a company and a base salary of its own."""
    from offereval import bridge

    example = json.loads(bridge.example())
    count = json.loads(bridge.form())["limits"]["offers"]
    pair = example["offers"]
    offers = [
        {**pair[i % len(pair)], "company": f"Company {i + 1}", "base_salary": 150_000 + 1_000 * i}
        for i in range(count)
    ]
    return {**example, "offers": offers}


def exercise(bridge: Any, document: dict[str, Any]) -> None:
    """Every action the page's worker calls, on one document."""
    text = json.dumps(document)
    _answer(bridge.evaluate(text, NOW))
    for fmt in ("json", "yaml"):
        exported = _answer(bridge.dump(text, fmt))
        if exported.get("ok"):
            _answer(bridge.load(exported["text"], f"offers.{fmt}"))
    shared = _answer(bridge.to_fragment(text))
    if shared.get("ok"):
        _answer(bridge.from_fragment(shared["fragment"]))


def rich_document(example: dict[str, Any]) -> dict[str, Any]:
    """The example grown to use what it leaves out: schedules, cliffs, refreshers, raises,
    options, benefits, ratings, the growth rubric, red flags, dealbreakers and a decision."""
    first, second = (dict(offer) for offer in example["offers"])
    first.update(
        vesting_schedule=[10, 20, 30, 40],
        refresher_grant=60000,
        raise_percent=3.5,
        benefits_value=12000,
        red_flags=["no_refreshers"],
        notes="Team of eight; hybrid.",
        ratings={"team_manager": 4, "work_life_balance": 3, "stability": 5},
        growth={"scope_of_role": "high", "promotion_path": "medium"},
    )
    second.update(cliff_months=6, location_acceptable=True)
    options = {
        "company": "Lumen Robotics",
        "base_salary": 172500,
        "company_stage": "early_stage",
        "option_count": 40000,
        "strike_price": 1.25,
        "share_price": 6.8,
        "signing_bonus": 15000,
    }
    return {
        **example,
        "minimum_total_comp": 150000,
        "dealbreakers": ["recent_layoffs"],
        "decision": {"choice": first["company"], "decided_at": "2026-11-23T18:30:00+01:00"},
        "offers": [first, second, options],
    }


def broken_documents(example: dict[str, Any]) -> list[dict[str, Any]]:
    """Documents the engine refuses, each with problems at several paths."""
    bad_offer = {"company": "A", "base_salary": -1, "company_stage": "seed", "vesting_years": 0}
    return [
        {"offers": []},
        {"weights": {"compensation": 50}, "offers": [bad_offer, {"company": "A"}]},
        {**example, "unknown_key": True, "decision": {"decided_at": "yesterday"}},
    ]


def broken_files() -> list[tuple[str, str]]:
    """Files an import refuses: bad JSON, YAML the reader does not take, a wrong extension."""
    return [
        ("{not json", "offers.json"),
        ("offers:\n  - company: &a A\n", "offers.yaml"),
        ("offers: [\n", "offers.yml"),
        ("company,base\n", "offers.csv"),
    ]


def _answer(text: str) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(text)
    return answer


if __name__ == "__main__":
    print("\n".join(run()))
