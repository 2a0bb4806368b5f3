"""The state tax data is complete: every state and DC, every figure with its source."""

from __future__ import annotations

import pathlib
import re

import pytest

from offereval._tax import us_states
from offereval._tax._core import FederalFigures, Source
from offereval._tax._us_rules import Allowance, StateIncomeTax

FIFTY_STATES_AND_DC = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
]

# The states whose official figures for the latest year were not found; the README lists them.
OLDER_TABLES = {"AK", "AR", "CA", "DC", "HI", "ID", "IL", "MA", "MD", "ME", "OR", "UT", "VT"}


def test_every_state_and_dc_has_a_code() -> None:
    assert sorted(us_states.STATE_CODES) == sorted(FIFTY_STATES_AND_DC)
    assert us_states.STATE_CODES[-1] == "DC"
    assert us_states.LOCALS == {"NY": ("NYC",)}


def _allowance_sources(allowance: Allowance | None) -> list[Source]:
    if allowance is None:
        return []
    found = [allowance.amount.source]
    if allowance.phase_out is not None:
        phase = allowance.phase_out
        found += [phase.source, phase.start.source]
        found += [s.source for s in (phase.per_step, phase.minimum, phase.start2) if s]
    return found


def _figure_sources(tax: StateIncomeTax) -> list[Source]:
    found = [schedule.source for schedule in tax.schedules.values()]
    for allowance in (tax.standard_deduction, tax.exemption, tax.exemption_credit):
        found += _allowance_sources(allowance)
    for surtax in tax.surtaxes:
        found += [schedule.source for schedule in surtax.schedules.values()]
    assert (tax.subtraction is None) == (tax.subtraction_source is None), tax.name
    assert (tax.adjustment is None) == (tax.adjustment_source is None), tax.name
    found += [s for s in (tax.subtraction_source, tax.adjustment_source) if s]
    return found


@pytest.mark.parametrize("state", FIFTY_STATES_AND_DC)
def test_every_figure_has_a_source(state: str) -> None:
    data = us_states.tables_for(state, us_states.latest_year())
    taxes = [data.income_tax] if data.income_tax else []
    taxes += list(data.locals.values())
    sources = [s for tax in taxes for s in _figure_sources(tax)]
    sources += [program.source for program in data.payroll]
    for source in sources:
        assert source.title.strip(), f"{state}: a figure without a source"
    # What the breakdown cites is exactly what the figures were read from.
    assert set(us_states.income_tax_sources(state, us_states.latest_year())) == set(sources)


@pytest.mark.parametrize("state", FIFTY_STATES_AND_DC)
def test_older_tables_are_named_in_every_line(state: str) -> None:
    year = us_states.latest_year()
    data = us_states.tables_for(state, year)
    taxes = [data.income_tax] if data.income_tax else []
    used = {tax.tables_year for tax in taxes} | {program.tables_year for program in data.payroll}
    assert used <= {year, year - 1}
    assert (state in OLDER_TABLES) == (year - 1 in used)
    fed = FederalFigures(
        agi=80_000, taxable_income=63_900, income_tax=8_000, social_security=0, medicare=0
    )
    for line in us_states.state_taxes(state, year, "single", 80_000, fed):
        older = f"({year - 1} tables)" in line.name
        assert older or "tables)" not in line.name
    for tax in taxes:
        if tax.tables_year != year:
            lines = us_states.state_taxes(state, year, "single", 80_000, fed)
            assert f"{tax.name} ({tax.tables_year} tables)" in {line.name for line in lines}


def test_the_readme_lists_the_states_on_older_tables() -> None:
    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### US state and local taxes\n", 1)[1].split("\n#", 1)[0]
    paragraph = section.split("No figure is", 1)[0].rsplit("\n\n", 1)[1]
    assert set(re.findall(r"\*\*([A-Z]{2})\*\*", paragraph)) == OLDER_TABLES
