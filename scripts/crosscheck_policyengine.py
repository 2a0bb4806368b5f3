"""Run inside the cross-check's own virtual environment (never the project's): PolicyEngine's
figures for a grid of pays, read as JSON on standard input and written as JSON on standard
output. ``scripts/crosscheck_tax.py`` starts it; it is not part of the package or its tests.

Input: {"year": 2026, "us": [[state, status, pay], ...], "uk": [[country, pay], ...],
        "ca": [[province, pay], ...]}
Output: {"us": [{"income_tax": ..., ...}, ...], "uk": [{"income_tax": ..., "ni": ...}, ...],
         "ca": [{"federal_before_credits": ..., ...}, ...]}
A country missing from the input is missing from the output.
"""

from __future__ import annotations

import json
import sys
from typing import Any

US_VARIABLES = {
    "income_tax": "income_tax_before_credits",
    "social_security": "employee_social_security_tax",
    "medicare": "employee_medicare_tax",
    "additional_medicare": "additional_medicare_tax",
    "state_income_tax": "state_income_tax",
}


def us_figures(year: int, cases: list[list[Any]]) -> list[dict[str, float]]:
    """One household per case; a married couple is two people, the spouse earning nothing."""
    from policyengine_us import Simulation

    y = str(year)
    people: dict[str, Any] = {}
    units: dict[str, dict[str, Any]] = {
        k: {} for k in ("tax_units", "families", "spm_units", "marital_units", "households")
    }
    earners = []
    for i, (state, status, pay) in enumerate(cases):
        members = [f"p{i}"]
        people[f"p{i}"] = {"age": {y: 35}, "employment_income": {y: pay}}
        if status == "married_joint":
            members.append(f"s{i}")
            people[f"s{i}"] = {"age": {y: 35}, "employment_income": {y: 0}}
        for kind in ("tax_units", "families", "spm_units", "marital_units"):
            units[kind][f"{kind}{i}"] = {"members": members}
        units["households"][f"h{i}"] = {"members": members, "state_name": {y: state}}
        earners.append(len(people) - len(members))
    sim = Simulation(situation={"people": people, **units})
    out: list[dict[str, float]] = [{} for _ in cases]
    for key, variable in US_VARIABLES.items():
        values = sim.calculate(variable, year)
        if len(values) == len(people):  # a person's variable: read the earner's
            values = [values[i] for i in earners]
        for row, value in zip(out, values, strict=True):
            row[key] = float(value)
    return out


def uk_figures(year: int, cases: list[list[Any]]) -> list[dict[str, float]]:
    from policyengine_uk import Simulation

    people = {
        f"p{i}": {"age": {year: 35}, "employment_income": {year: p}}
        for i, (_, p) in enumerate(cases)
    }
    sim = Simulation(
        situation={
            "people": people,
            "benunits": {f"b{i}": {"members": [f"p{i}"]} for i in range(len(cases))},
            "households": {
                f"h{i}": {"members": [f"p{i}"], "country": {year: country}}
                for i, (country, _) in enumerate(cases)
            },
        }
    )
    tax = sim.calculate("income_tax", year)
    ni = sim.calculate("ni_employee", year)
    return [{"income_tax": float(t), "ni": float(n)} for t, n in zip(tax, ni, strict=True)]


def ca_figures(year: int, cases: list[list[Any]]) -> list[dict[str, float]]:
    """PolicyEngine Canada's schedules on the pay (it models no CPP, EI or their credits),
    and its federal basic personal amount."""
    from policyengine_canada import Simulation

    y = str(year)
    sim = Simulation(
        situation={
            "people": {
                f"p{i}": {"age": {y: 35}, "employment_income": {y: p}}
                for i, (_, p) in enumerate(cases)
            },
            "households": {
                f"h{i}": {"members": [f"p{i}"], "province_name": {y: province}}
                for i, (province, _) in enumerate(cases)
            },
        }
    )
    federal = sim.calculate("income_tax_before_credits", year)
    bpa = sim.calculate("basic_personal_amount", year)
    provincial: dict[str, Any] = {}
    for province in sorted({p for p, _ in cases}):
        code = "on" if province == "ONT" else province.lower()
        provincial[province] = sim.calculate(f"{code}_income_tax_before_credits", year)
    return [
        {
            "federal_before_credits": float(federal[i]),
            "provincial_before_credits": float(provincial[province][i]),
            "federal_basic_personal_amount": float(bpa[i]),
        }
        for i, (province, _) in enumerate(cases)
    ]


FIGURES = {"us": us_figures, "uk": uk_figures, "ca": ca_figures}


def main() -> None:
    grid = json.load(sys.stdin)
    year = grid["year"]
    answer = {key: figures(year, grid[key]) for key, figures in FIGURES.items() if key in grid}
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
