"""How the engine's cost grows with the work it is given, measured in one run.

    .venv/bin/python scripts/benchmark.py

Each row is timed with the same clock in the same process and reported as a ratio to the
first row, so the table reads the same on a fast or a slow machine: what matters is that a
10-offer comparison stays a small multiple of a 2-offer one, and that reading YAML costs about
what reading JSON does. Absolute times are printed for context only.
"""

from __future__ import annotations

import copy
import datetime
import json
import timeit
from collections.abc import Callable

from offereval import OfferSet, bridge, build_view, dump_text, evaluate, example, load_text

NOW = datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC)


def offers_document(count: int) -> dict[str, object]:
    """The example file grown to ``count`` offers, each a little different."""
    document = example()
    base = document["offers"]
    assert isinstance(base, list)
    offers = []
    for i in range(count):
        offer = copy.deepcopy(base[i % len(base)])
        offer["company"] = f"Company {i + 1}"
        offer["base_salary"] += 1000 * i
        offer["refresher_grant"] = 20000
        offer["raise_percent"] = 3
        offers.append(offer)
    document["offers"] = offers
    return document


def per_call(function: Callable[[], object]) -> float:
    """Seconds per call: the best of five runs, each long enough to be measured well."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=5, number=number)) / number


def main() -> None:
    documents = {n: offers_document(n) for n in (2, 3, 10)}
    sets = {n: OfferSet.from_dict(d) for n, d in documents.items()}
    json_text = dump_text(sets[3], "json")
    yaml_text = dump_text(sets[3], "yaml")
    document_json = json.dumps(documents[3])
    rows = [
        ("evaluate, 2 offers", lambda: evaluate(sets[2], NOW)),
        ("evaluate, 3 offers", lambda: evaluate(sets[3], NOW)),
        ("evaluate, 10 offers", lambda: evaluate(sets[10], NOW)),
        ("evaluate + view, 3 offers", lambda: build_view(evaluate(sets[3], NOW))),
        ("read JSON file, 3 offers", lambda: load_text(json_text, "offers.json")),
        ("read YAML file, 3 offers", lambda: load_text(yaml_text, "offers.yaml")),
        ("bridge.evaluate, 3 offers", lambda: bridge.evaluate(document_json, NOW.isoformat())),
    ]
    timings = [(name, per_call(fn)) for name, fn in rows]
    reference = timings[0][1]
    width = max(len(name) for name, _ in timings)
    print(f"{'what':<{width}}  {'ratio':>7}  {'per call':>10}")
    print(f"{'-' * width}  {'-' * 7}  {'-' * 10}")
    for name, seconds in timings:
        print(f"{name:<{width}}  {seconds / reference:>6.2f}x  {seconds * 1e3:>8.3f}ms")


if __name__ == "__main__":
    main()
