"""How the engine's cost grows with the work it is given, measured in one run.

    .venv/bin/python scripts/benchmark.py

Each row is timed with the same clock in the same process and reported as a ratio to a
reference row, so the tables read the same on a fast or a slow machine. What they show:

- up to the limit of offers, the cost of an evaluation grows in proportion to the number of
  offers (the "per offer" column stays near 1), the same for reading JSON or YAML and for the
  page's bridge.evaluate;
- a file far over the limits (100,000 offers, 50 MB) is refused in a small multiple of a
  2-offer evaluation, and faster than reading the whole file would take;
- `offereval compare - < /dev/zero` ends at once, with the memory of a small Python program.

Absolute times are printed for context only.
"""

from __future__ import annotations

import copy
import datetime
import io
import json
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path

from offereval import OfferSet, bridge, build_view, dump_text, evaluate, example, load_text
from offereval._cli import main as cli_main
from offereval._limits import MAX_OFFERS

NOW = datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC)
OFFER_COUNTS = (2, 5, 10, 25, MAX_OFFERS)
HUGE_OFFERS = 100_000
# Rounds of timing: every row is timed once per round, in turn, and keeps its best time, so that
# a machine busy with other work slows every row alike instead of skewing a few.
ROUNDS = 7


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


def best_times(functions: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Seconds per call of each function: timed in turn, ROUNDS times, each run long enough to
    be measured well; the best run of each counts."""
    timers = {name: timeit.Timer(function) for name, function in functions.items()}
    numbers = {name: timer.autorange()[0] for name, timer in timers.items()}
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(ROUNDS):
        for name, timer in timers.items():
            best[name] = min(best[name], timer.timeit(numbers[name]) / numbers[name])
    return best


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """Rows under their headers: the first column on the left, figures on the right."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        first, *rest = zip(cells, widths, strict=True)
        return "  ".join([first[0].ljust(first[1]), *(cell.rjust(w) for cell, w in rest)])

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))
    print()


def _pipelines(n: int) -> dict[str, Callable[[], object]]:
    """What is timed for ``n`` offers: the engine alone, reading files, and the page's path."""
    document = offers_document(n)
    offer_set = OfferSet.from_dict(document)
    json_text = dump_text(offer_set, "json")
    yaml_text = dump_text(offer_set, "yaml")
    document_json = json.dumps(document)
    return {
        "evaluate + view": lambda: build_view(evaluate(offer_set, NOW)),
        "read JSON file": lambda: load_text(json_text, "offers.json"),
        "read YAML file": lambda: load_text(yaml_text, "offers.yaml"),
        "bridge.evaluate": lambda: bridge.evaluate(document_json, NOW.isoformat()),
    }


def _refusals(path: Path, huge: dict[str, object]) -> dict[str, Callable[[], object]]:
    """A file far over the limits, refused by the command line and by the engine; and, for
    scale, what merely reading the whole file costs."""
    size = f"{path.stat().st_size / 1e6:.0f} MB"

    def compare() -> None:
        assert cli_main(["compare", str(path)], io.StringIO(), io.StringIO()) == 2

    def from_dict() -> None:
        try:
            OfferSet.from_dict(huge)
        except ValueError:
            return
        raise AssertionError("a document over the limits was accepted")

    return {
        f"offereval compare, {HUGE_OFFERS:,} offers, {size} (refused)": compare,
        f"OfferSet.from_dict, {HUGE_OFFERS:,} offers (refused)": from_dict,
        f"for scale: read the whole {size} file": path.read_bytes,
    }


def timed_tables() -> None:
    """Both tables of timings, every row timed in the same rounds."""
    pipelines = {n: _pipelines(n) for n in OFFER_COUNTS}
    growth = {f"{name}, {n} offers": f for n, p in pipelines.items() for name, f in p.items()}
    huge = offers_document(HUGE_OFFERS)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "offers.json"
        path.write_text(json.dumps(huge), encoding="utf-8")  # about 50 MB
        refusals = _refusals(path, huge)
        times = best_times(growth | refusals)
    first = OFFER_COUNTS[0]
    reference = times[f"evaluate + view, {first} offers"]

    def per_offer(name: str, n: int) -> float:
        return (times[f"{name}, {n} offers"] / n) / (times[f"{name}, {first} offers"] / first)

    rows = [
        [
            f"{name}, {n} offers",
            f"{times[f'{name}, {n} offers'] / reference:.2f}x",
            f"{per_offer(name, n):.2f}x",
            f"{times[f'{name}, {n} offers'] * 1e3:.3f}ms",
        ]
        for name in pipelines[first]
        for n in OFFER_COUNTS
    ]
    print("Cost by number of offers, up to the limit of offers. Ratio: to a 2-offer evaluation.")
    print("Per offer: the cost per offer, as a ratio to the same work on 2 offers; it stays near")
    print("1 when the cost grows in proportion to the number of offers.\n")
    print_table(["what", "ratio", "per offer", "per call"], rows)
    print("Input far over the limits (ratios to a 2-offer evaluation)\n")
    print_table(
        ["what", "ratio", "per call"],
        [
            [name, f"{times[name] / reference:.2f}x", f"{times[name] * 1e3:.3f}ms"]
            for name in refusals
        ],
    )


# Runs a command in a process of its own and prints its exit status, seconds and peak resident
# memory (KiB on Linux), so that no other run's memory is counted.
_MEASURE = """
import resource, subprocess, sys, time
stdin = open(sys.argv[1], "rb") if sys.argv[1] else subprocess.DEVNULL
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], stdin=stdin, capture_output=True)
seconds = time.perf_counter() - start
print(done.returncode, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
_OFFEREVAL = [sys.executable, "-c", "import sys; from offereval._cli import main; sys.exit(main())"]


def _measured(stdin: str, *args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, stdin, *_OFFEREVAL, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    status, seconds, peak_kib = done.stdout.split()
    return [status, f"{float(seconds):.2f}", f"{int(peak_kib) / 1024:.0f} MiB"]


def endless_input() -> None:
    """`offereval compare - < /dev/zero`: it ends at once, with the memory of a small program."""
    print("Endless standard input (peak memory: the process's largest resident size)\n")
    print_table(
        ["what", "exit", "seconds", "peak memory"],
        [
            ["offereval compare - < /dev/zero", *_measured("/dev/zero", "compare", "-")],
            ["for scale: offereval --help", *_measured("", "--help")],
        ],
    )


def main() -> None:
    timed_tables()
    endless_input()


if __name__ == "__main__":
    main()
