"""How a US state's taxes on wages are computed from its data: the table-driven rules.

A state's income tax for a year is a `StateIncomeTax`: where it starts (federal adjusted gross
income or federal taxable income), its standard deduction and personal exemption (each possibly
phased out as income rises), a credit that stands in for the personal exemption (California's
exemption credit), its rate schedule per filing status, surtaxes reported on their own line, and,
for the few states whose rules fit no table, a short function (see `_us_special`). Payroll
programs are a rate on wages up to a wage base, or up to a yearly maximum.

Every figure sits in a value that carries its Source.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from typing import Literal, NamedTuple

from ._core import FILING_STATUSES, Bracket, FederalFigures, FilingStatus, Schedule, Source


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class PerStatus:
    """An amount that depends on the filing status, with its source.

    >>> PerStatus(single=5_706, married_joint=11_412, source=Source(title="t"))["married_joint"]
    11412
    """

    single: float
    married_joint: float
    source: Source

    def __getitem__(self, status: FilingStatus) -> float:
        return self.single if status == "single" else self.married_joint


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class PhaseOut:
    """How an allowance shrinks once federal AGI passes ``start``.

    ``linear``: by ``rate`` of every dollar over the start (and ``rate2`` more of every dollar
    over ``start2``, where there is one). ``stepped``: by ``per_step`` for each
    ``step`` of income over the start or part of one. ``cliff``: entirely, as soon as AGI passes
    the start. The allowance never falls below ``minimum`` (nothing, where there is none).

    >>> s = Source(title="t")
    >>> p = PhaseOut(kind="stepped", start=PerStatus(single=100, married_joint=200, source=s),
    ...              step=10, per_step=PerStatus(single=6, married_joint=12, source=s), source=s)
    >>> p.apply(144, "single", agi=121)  # 21 over is 3 steps (the last one part of a step): 18
    126
    """

    kind: Literal["linear", "stepped", "cliff"]
    start: PerStatus
    rate: PerStatus | float = 0.0
    step: float = 0.0
    per_step: PerStatus | None = None
    minimum: PerStatus | None = None
    start2: PerStatus | None = None
    rate2: float = 0.0
    source: Source

    def apply(self, full: float, status: FilingStatus, agi: float) -> float:
        """The allowance left of ``full`` at this AGI."""
        excess = agi - self.start[status]
        if excess <= 0:
            return full
        if self.kind == "cliff":
            reduction = full
        elif self.kind == "linear":
            rate = self.rate[status] if isinstance(self.rate, PerStatus) else self.rate
            reduction = rate * excess
            if self.start2 is not None:
                reduction += self.rate2 * max(agi - self.start2[status], 0.0)
        else:
            assert self.per_step is not None, "a stepped phase-out needs per_step"
            reduction = self.per_step[status] * math.ceil(excess / self.step)
        least = self.minimum[status] if self.minimum is not None else 0.0
        return max(full - reduction, least, 0.0)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Allowance:
    """A standard deduction, personal exemption or exemption credit, and its phase-out if any."""

    amount: PerStatus
    phase_out: PhaseOut | None = None

    def at(self, status: FilingStatus, agi: float) -> float:
        full = self.amount[status]
        return self.phase_out.apply(full, status, agi) if self.phase_out else full

    @property
    def sources(self) -> tuple[Source, ...]:
        phase = (self.phase_out.source,) if self.phase_out else ()
        return (self.amount.source, *phase)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Surtax:
    """A tax on the state's taxable income reported on its own line (a millionaires' tax)."""

    name: str
    schedules: Mapping[FilingStatus, Schedule]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Income:
    """What a state's special rules are given: the federal figures and the state's own so far."""

    status: FilingStatus
    federal: FederalFigures
    taxable: float  # the state's taxable income
    tax: float  # the tax from the schedule, before the exemption credit


# A rule that fits no table: given the computation so far, the state's taxable income or tax.
Subtraction = Callable[[FilingStatus, FederalFigures], float]
Adjustment = Callable[[Income], float]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class StateIncomeTax:
    """One state's income tax on wages for one year's tables."""

    name: str  # "California income tax"
    tables_year: int
    starts_from: Literal["federal_agi", "federal_taxable_income"]
    schedules: Mapping[FilingStatus, Schedule]
    standard_deduction: Allowance | None = None
    exemption: Allowance | None = None
    exemption_credit: Allowance | None = None
    surtaxes: tuple[Surtax, ...] = ()
    # A subtraction no table describes (federal income tax in Alabama, Missouri and Oregon;
    # Colorado's add-back, negative), computed by a special rule.
    subtraction: Subtraction | None = None
    subtraction_source: Source | None = None
    # A rule applied to the schedule's tax (New York's supplemental tax, Utah's credit).
    adjustment: Adjustment | None = None
    adjustment_source: Source | None = None

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source of a figure this tax uses, for either filing status."""
        found = [s for status in FILING_STATUSES for s in self.sources_for(status)]
        found += [
            s for t in self.surtaxes for st in FILING_STATUSES for s in self.sources_for(st, t)
        ]
        return tuple(dict.fromkeys(found))

    def sources_for(self, status: FilingStatus, surtax: Surtax | None = None) -> tuple[Source, ...]:
        """The sources of the figures the tax (or one surtax) uses for one filing status."""
        found = [(surtax.schedules if surtax else self.schedules)[status].source]
        for allowance in (self.standard_deduction, self.exemption, self.exemption_credit):
            found += allowance.sources if allowance else ()
        found += [s for s in (self.subtraction_source, self.adjustment_source) if s]
        return tuple(dict.fromkeys(found))

    def taxable_income(self, status: FilingStatus, federal: FederalFigures) -> float:
        """The income the state's schedule applies to (never below zero)."""
        agi = federal.agi
        base = agi if self.starts_from == "federal_agi" else federal.taxable_income
        for allowance in (self.standard_deduction, self.exemption):
            base -= allowance.at(status, agi) if allowance else 0.0
        if self.subtraction:
            base -= self.subtraction(status, federal)
        return max(base, 0.0)

    def compute(self, status: FilingStatus, federal: FederalFigures) -> list[Computed]:
        """The income tax, then each surtax that is owed, in dollars (never below zero)."""
        taxable = self.taxable_income(status, federal)
        tax = self.schedules[status].tax(taxable)
        if self.adjustment:
            tax = self.adjustment(Income(status=status, federal=federal, taxable=taxable, tax=tax))
        if self.exemption_credit:
            tax -= self.exemption_credit.at(status, federal.agi)
        lines = [Computed(self.name, max(tax, 0.0), self.sources_for(status))]
        for surtax in self.surtaxes:
            owed = surtax.schedules[status].tax(taxable)
            if owed > 0:
                lines.append(Computed(surtax.name, owed, self.sources_for(status, surtax)))
        return lines


class Computed(NamedTuple):
    """One line of a state's income tax: its name, amount and the sources of its figures."""

    name: str
    amount: float
    sources: tuple[Source, ...]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class PayrollProgram:
    """An employee contribution withheld from wages: ``rate`` of wages up to ``wage_base``, and
    never more than ``yearly_max`` (programs capped per week are given as 52 weeks' cap).

    >>> PayrollProgram(name="x", tables_year=2026, rate=0.005, yearly_max=31.2,
    ...                source=Source(title="t")).amount(100_000)
    31.2
    """

    name: str
    tables_year: int
    rate: float
    wage_base: float | None = None
    yearly_max: float | None = None
    source: Source

    def amount(self, wages: float) -> float:
        covered = min(wages, self.wage_base) if self.wage_base is not None else wages
        owed = max(covered, 0.0) * self.rate
        return min(owed, self.yearly_max) if self.yearly_max is not None else owed


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class StateYear:
    """Everything a state levies on wages in one year: income tax (None where there is none),
    payroll programs, and local income taxes by code."""

    income_tax: StateIncomeTax | None
    payroll: tuple[PayrollProgram, ...] = ()
    locals: Mapping[str, StateIncomeTax] = dataclasses.field(default_factory=dict)


def flat(rate: float, source: Source) -> Mapping[FilingStatus, Schedule]:
    """The same single rate for both filing statuses."""
    schedule = Schedule(brackets=(Bracket(0, rate),), source=source)
    return {"single": schedule, "married_joint": schedule}


def same(amount: float, source: Source) -> PerStatus:
    """An amount that is the same for both filing statuses."""
    return PerStatus(single=amount, married_joint=amount, source=source)


def rates(source: Source, *pairs: tuple[float, float]) -> Schedule:
    """A schedule from (floor, rate) pairs: ``rates(s, (0, 0.01), (11_079, 0.02))``."""
    return Schedule(brackets=tuple(Bracket(floor, rate) for floor, rate in pairs), source=source)
