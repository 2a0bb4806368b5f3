"""Cross-check offereval's taxes against PolicyEngine on a grid of pays and filing statuses.

    .venv/bin/python scripts/crosscheck_tax.py [--venv build/crosscheck-venv]

PolicyEngine (policyengine-us, policyengine-uk, policyengine-canada) is installed into a
throwaway virtual environment of its own (by default build/crosscheck-venv, made on the first
run), never into the project's; scripts/crosscheck_policyengine.py runs there and answers with
JSON. The table printed gives, for each case and tax, offereval's figure, PolicyEngine's and
the difference. Not part of the tests: PolicyEngine projects ("uprates") figures that are not
yet published, so a difference can be theirs; read each one before calling it ours.

PolicyEngine Canada models neither CPP/QPP nor EI nor their credits, so for Canada the figures
compared are the rate schedules applied to the pay itself ("before credits") and the federal
basic personal amount: a check of the brackets and amounts, not of the whole computation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import subprocess
import sys
import venv
from typing import Any

from offereval._tax import canada, jurisdictions, liability, uk, us_federal, us_states
from offereval._tax._canada_data import FEDERAL_2026, PROVINCES_2026, QUEBEC_2026
from offereval._tax._core import FilingStatus, TaxLine

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGES = ("policyengine-us==2.68.0", "policyengine-uk==2.162.10", "policyengine-canada==0.99.1")
YEAR = 2026
PAYS = (10_000, 30_000, 50_000, 75_000, 100_000, 150_000, 200_000, 275_000, 355_000, 600_000)
UK_PAYS = (12_000, 20_000, 30_000, 50_000, 60_000, 100_000, 110_000, 125_140, 150_000, 300_000)
UK_COUNTRIES = {
    "GB-ENG": "ENGLAND",
    "GB-SCT": "SCOTLAND",
    "GB-WLS": "WALES",
    "GB-NIR": "NORTHERN_IRELAND",
}
CA_PAYS = (20_000, 40_000, 60_000, 75_000, 100_000, 150_000, 250_000, 400_000)
STATUSES: tuple[FilingStatus, ...] = ("single", "married_joint")
COUNTRIES = ("us", "uk", "ca")
TOLERANCE = 1.0  # a difference under a pound or a dollar is rounding


def ensure_venv(path: pathlib.Path) -> pathlib.Path:
    """The throwaway environment's Python, with PolicyEngine installed on the first run."""
    python = path / "bin" / "python"
    if not python.exists():
        print(f"Installing {', '.join(PACKAGES)} into {path} (once)...", file=sys.stderr)
        venv.create(path, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "-q", *PACKAGES], check=True)
    return python


def _us_states() -> list[str]:
    """Every state whose taxes offereval computes (and Texas, the federal taxes alone)."""
    states = []
    for state in us_states.STATE_CODES:
        place = jurisdictions.find(f"US-{state}")
        if isinstance(place, jurisdictions.Place) and liability.computes(place):
            states.append(state)
    return states


def _ours_us(state: str, status: FilingStatus, pay: float) -> dict[str, float]:
    lines = us_federal.federal_taxes(YEAR, status, pay)
    figures = us_federal.federal_figures(YEAR, status, pay)
    named = {t.name: t.amount for t in lines}
    state_lines: tuple[TaxLine, ...] = us_states.state_taxes(state, YEAR, status, pay, figures)
    return {
        "income_tax": named["Federal income tax"],
        "social_security": named["Social Security"],
        "medicare": named["Medicare"],
        "additional_medicare": named.get("Additional Medicare Tax", 0.0),
        "state_income_tax": sum(t.amount for t in state_lines if "income tax" in t.name.lower()),
    }


def _ours_uk(region: str, pay: float) -> dict[str, float]:
    income_tax, ni = uk.uk_taxes(region, YEAR, pay)
    return {"income_tax": income_tax.amount, "ni": ni.amount}


def _pe_province(region: str) -> str:
    """PolicyEngine Canada's code for a province: its own, but ONT for Ontario."""
    code = region.removeprefix("CA-")
    return "ONT" if code == "ON" else code


def _ours_ca(region: str, pay: float) -> dict[str, float]:
    """offereval's schedules on the pay itself, as PolicyEngine Canada computes them."""
    code = region.removeprefix("CA-")
    schedule = QUEBEC_2026.schedule if code == "QC" else PROVINCES_2026[code].schedule
    return {
        "federal_before_credits": FEDERAL_2026.schedule.tax(pay),
        "provincial_before_credits": schedule.tax(pay),
        "federal_basic_personal_amount": FEDERAL_2026.basic_personal_amount.at(pay),
    }


def policyengine(python: pathlib.Path, grid: dict[str, Any]) -> dict[str, Any]:
    """PolicyEngine's figures for ``grid``, kept beside the environment for the next run (its
    simulations take minutes; a changed grid or version is computed again)."""
    question = json.dumps({"packages": PACKAGES, **grid}, sort_keys=True)
    cache = (
        python.parent.parent / f"answer-{hashlib.sha256(question.encode()).hexdigest()[:16]}.json"
    )
    if cache.exists():
        answer: dict[str, Any] = json.loads(cache.read_text())
        return answer
    run = subprocess.run(
        [python, ROOT / "scripts" / "crosscheck_policyengine.py"],
        input=json.dumps(grid),
        capture_output=True,
        text=True,
        check=True,
    )
    cache.write_text(run.stdout)
    answer = json.loads(run.stdout)
    return answer


def compare(python: pathlib.Path, countries: tuple[str, ...] = COUNTRIES) -> list[list[str]]:
    us_cases = [[s, status, p] for s in _us_states() for status in STATUSES for p in PAYS]
    uk_cases = [[UK_COUNTRIES[r], p] for r in uk.REGIONS for p in UK_PAYS]
    ca_cases = [[_pe_province(r), p] for r in canada.REGIONS for p in CA_PAYS]
    grid = {"us": us_cases, "uk": uk_cases, "ca": ca_cases}
    theirs = policyengine(python, {"year": YEAR, **{k: grid[k] for k in countries}})
    rows = []
    for (state, status, pay), pe in zip(us_cases, theirs.get("us", []), strict=False):
        for tax, ours in _ours_us(state, status, pay).items():
            rows.append([f"US-{state}", status, f"{pay:,}", tax, ours, pe[tax]])
    for (country, pay), pe in zip(uk_cases, theirs.get("uk", []), strict=False):
        region = next(r for r, c in UK_COUNTRIES.items() if c == country)
        for tax, ours in _ours_uk(region, pay).items():
            rows.append([region, "-", f"{pay:,}", tax, ours, pe[tax]])
    for region, (_, pay), pe in zip(
        [r for r in canada.REGIONS for _ in CA_PAYS], ca_cases, theirs.get("ca", []), strict=False
    ):
        for tax, ours in _ours_ca(region, pay).items():
            rows.append([region, "-", f"{pay:,}", tax, ours, pe[tax]])
    return [
        [place, status, pay, tax, f"{ours:,.2f}", f"{pe:,.2f}", f"{ours - pe:+,.2f}"]
        for place, status, pay, tax, ours, pe in rows
    ]


def _differs(row: list[str]) -> bool:
    return abs(float(row[6].replace(",", ""))) >= TOLERANCE


def print_table(rows: list[list[str]], only_differences: bool) -> None:
    columns = ["Place", "Status", "Pay", "Tax", "offereval", "PolicyEngine", "Difference"]
    shown = [r for r in rows if _differs(r)] if only_differences else rows
    widths = [max(len(c), *(len(r[i]) for r in shown)) for i, c in enumerate(columns)]
    for line in [columns, ["-" * w for w in widths], *shown]:
        print(
            "  ".join(
                c.rjust(w) if i >= 4 else c.ljust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
        )
    off = sum(1 for r in rows if _differs(r))
    print(f"\n{len(rows) - off} of {len(rows)} figures agree within {TOLERANCE:g}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv", type=pathlib.Path, default=ROOT / "build" / "crosscheck-venv")
    parser.add_argument("--only-differences", action="store_true")
    parser.add_argument(
        "--country", choices=COUNTRIES, action="append", help="only these (default: all)"
    )
    args = parser.parse_args()
    countries = tuple(args.country) if args.country else COUNTRIES
    print_table(compare(ensure_venv(args.venv), countries), args.only_differences)


if __name__ == "__main__":
    main()
