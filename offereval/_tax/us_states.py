"""US state and local taxes on wages: every state's income tax, its employee payroll programs,
and New York City's resident income tax, each as a TaxLine with its source.

The figures live in one data module per census region (`_us_northeast`, `_us_midwest`,
`_us_south`, `_us_west`), each state's entry citing the publication it was read from; the
rules that compute them are in `_us_rules` and, for the few states no table describes,
`_us_special`.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import _us_midwest, _us_northeast, _us_south, _us_west
from ._core import FederalFigures, FilingStatus, Source, TaxLine
from ._us_rules import StateIncomeTax, StateYear

_DATA: dict[str, Mapping[int, StateYear]] = {
    **_us_northeast.STATES,
    **_us_midwest.STATES,
    **_us_south.STATES,
    **_us_west.STATES,
}

STATE_CODES: tuple[str, ...] = (*sorted(code for code in _DATA if code != "DC"), "DC")

LOCALS: Mapping[str, tuple[str, ...]] = {
    state: tuple(sorted(years[max(years)].locals))
    for state, years in sorted(_DATA.items())
    if years[max(years)].locals
}


def latest_year() -> int:
    """The latest tax year this module answers for every state and DC.

    It is the latest year any state's official tables are for. A state whose official tables for
    that year could not be found uses its tables of the year before, and every line computed
    from them says so in its name ("California income tax (2025 tables)"); no figure is ever
    projected from an older year.
    """
    return max(max(years) for years in _DATA.values())


def tables_for(state: str, year: int) -> StateYear:
    """The state's data used for ``year``: that year's tables or, for the latest year only,
    the year before's (see `latest_year`)."""
    years = _DATA[_checked_state(state)]
    if year in years:
        return years[year]
    if year == latest_year() and year - 1 in years:
        return years[year - 1]
    known = ", ".join(str(y) for y in sorted(years))
    raise ValueError(f"year: no tables for {state} in {year}; years available: {known}")


def state_taxes(
    state: str,
    year: int,
    status: FilingStatus,
    wages: float,
    federal: FederalFigures,
    local: str = "",
) -> tuple[TaxLine, ...]:
    """The state's (and the city's) taxes on a year's wages, one TaxLine per tax, in USD.

    ``wages`` is the year's taxable pay; ``federal`` the federal figures of the same return,
    which states starting from federal taxable income or deducting federal tax use. ``local``
    is a code from ``LOCALS[state]`` ("NYC") or empty. A state with no income tax has no
    income tax line; a payroll program has a line even when it comes to zero.
    """
    problems = []
    if status not in ("single", "married_joint"):
        problems.append(f"status: must be single or married_joint, got {status!r}")
    if not wages >= 0:
        problems.append(f"wages: must be a number of at least 0, got {wages!r}")
    if local and local not in LOCALS.get(state, ()):
        allowed = ", ".join(LOCALS.get(state, ())) or "none"
        problems.append(f"local: {state} has no local tax {local!r} (known: {allowed})")
    if problems:
        raise ValueError("; ".join(problems))
    data = tables_for(state, year)
    region = f"US-{state}"
    lines: list[TaxLine] = []
    if data.income_tax:
        lines += _income_lines(data.income_tax, year, status, federal, region)
    for program in data.payroll:
        name = _named(program.name, program.tables_year, year)
        amount = _cents(program.amount(wages))
        lines.append(TaxLine(name=name, amount=amount, jurisdiction=region, source=program.source))
    if local:
        lines += _income_lines(data.locals[local], year, status, federal, f"{region}-{local}")
    return tuple(lines)


def income_tax_sources(state: str, year: int) -> tuple[Source, ...]:
    """Every source of the figures the state's (and its cities') taxes use in ``year``."""
    data = tables_for(state, year)
    found = list(data.income_tax.sources) if data.income_tax else []
    found += [p.source for p in data.payroll]
    for tax in data.locals.values():
        found += tax.sources
    return tuple(dict.fromkeys(found))


def _income_lines(
    tax: StateIncomeTax, year: int, status: FilingStatus, federal: FederalFigures, region: str
) -> list[TaxLine]:
    return [
        TaxLine(
            name=_named(line.name, tax.tables_year, year),
            amount=_cents(line.amount),
            jurisdiction=region,
            source=_combined(line.sources),
        )
        for line in tax.compute(status, federal)
    ]


def _combined(sources: tuple[Source, ...]) -> Source:
    """One Source naming every publication a line's figures come from."""
    return Source(
        title="; ".join(str(s) for s in sources),
        url=next((s.url for s in sources if s.url), ""),
    )


def _named(name: str, tables_year: int, year: int) -> str:
    return name if tables_year == year else f"{name} ({tables_year} tables)"


def _cents(amount: float) -> float:
    return round(max(amount, 0.0), 2)


def _checked_state(state: str) -> str:
    if state not in _DATA:
        raise ValueError(f"state: must be a US state's two-letter code or DC, got {state!r}")
    return state
