"""How Canada's taxes on a year's employment income are computed from its data.

The employee's contributions come first, because the income taxes depend on them:

- **CPP or QPP** (Quebec): the base contribution and the first additional contribution on
  earnings between the basic exemption and the year's maximum pensionable earnings (YMPE), and
  the second additional contribution on earnings between the YMPE and the year's additional
  maximum (YAMPE).
- **EI** premiums on insurable earnings up to the maximum (at Quebec's reduced rate there), and
  in Quebec **QPIP** premiums.

As the law does, the *enhanced* pension contributions (the first and second additional ones)
are a deduction from income (Income Tax Act s. 60(e.1), line 22215; Quebec's line 248), and the
*base* contribution and the premiums are non-refundable credits (s. 118.7: lines 30800, 31200
and, for QPIP, 31205), converted at the lowest rate of the schedule they reduce.

Every figure sits in a value that carries its Source.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from ._core import Figure, Schedule, Source


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class PensionPlan:
    """The CPP or the QPP for one year: rates of pensionable earnings."""

    name: str  # "CPP" or "QPP"
    exemption: Figure  # the basic exemption, on the year as a whole
    ympe: Figure  # year's maximum pensionable earnings
    yampe: Figure  # year's additional maximum pensionable earnings
    base_rate: Figure
    first_additional_rate: Figure
    second_additional_rate: Figure
    split_source: Source  # where the base and enhanced parts are told apart for income tax

    def contributions(self, pay: float) -> Contributions:
        """The employee's contributions on a year's ``pay``.

        >>> s = Source(title="t")
        >>> plan = PensionPlan(name="CPP", exemption=Figure(3_500, s), ympe=Figure(74_600, s),
        ...     yampe=Figure(85_000, s), base_rate=Figure(0.0495, s),
        ...     first_additional_rate=Figure(0.01, s), second_additional_rate=Figure(0.04, s),
        ...     split_source=s)
        >>> c = plan.contributions(100_000)  # 71,100 x 4.95%, 71,100 x 1%, 10,400 x 4%
        >>> round(c.base, 2), round(c.first_additional, 2), round(c.second_additional, 2)
        (3519.45, 711.0, 416.0)
        """
        pensionable = max(0.0, min(pay, self.ympe.value) - self.exemption.value)
        additional = max(0.0, min(pay, self.yampe.value) - self.ympe.value)
        return Contributions(
            base=pensionable * self.base_rate.value,
            first_additional=pensionable * self.first_additional_rate.value,
            second_additional=additional * self.second_additional_rate.value,
        )


class Contributions(NamedTuple):
    """A year's pension contributions, split as the income tax treats them."""

    base: float
    first_additional: float
    second_additional: float

    @property
    def enhanced(self) -> float:
        """The part deducted from income: the first and second additional contributions."""
        return self.first_additional + self.second_additional


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Premium:
    """A premium of ``rate`` on earnings up to ``max_insurable`` (EI, QPIP)."""

    rate: Figure
    max_insurable: Figure

    def on(self, pay: float) -> float:
        return max(0.0, min(pay, self.max_insurable.value)) * self.rate.value


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class PhaseDown:
    """An amount that falls in a straight line from ``full`` at net income ``start`` to
    ``least`` at ``end`` (the federal basic personal amount; Manitoba's, to nothing).

    >>> s = Source(title="t")
    >>> p = PhaseDown(full=Figure(16_452, s), least=Figure(14_829, s),
    ...               start=Figure(181_440, s), end=Figure(258_482, s))
    >>> p.at(100_000), p.at(300_000), round(p.at(219_961), 2)  # halfway: 16,452 - 1,623 / 2
    (16452.0, 14829.0, 15640.5)
    """

    full: Figure
    least: Figure
    start: Figure
    end: Figure

    def at(self, net_income: float) -> float:
        span = self.end.value - self.start.value
        share = min(1.0, max(0.0, (net_income - self.start.value) / span))
        return float(self.full.value - (self.full.value - self.least.value) * share)

    @property
    def sources(self) -> tuple[Source, ...]:
        figures = (self.full, self.least, self.start, self.end)
        return tuple(dict.fromkeys(f.source for f in figures))


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class LowIncomeReduction:
    """A reduction of provincial tax of ``amount``, less ``rate`` of net income over
    ``threshold`` (British Columbia's tax reduction credit); it never makes the tax negative."""

    amount: Figure
    threshold: Figure
    rate: Figure

    def at(self, net_income: float) -> float:
        clawback = max(0.0, net_income - self.threshold.value) * self.rate.value
        return max(0.0, self.amount.value - clawback)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Tier:
    """One step of a premium: ``rate`` of income over ``start``, at most ``cap``."""

    start: float
    rate: float
    cap: float


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Ontario:
    """What Ontario adds to its income tax: the surtax, the Ontario Tax Reduction, the LIFT
    credit, and the Ontario Health Premium (a separate line)."""

    surtax: tuple[tuple[Figure, Figure], ...]  # (threshold of Ontario tax, rate) pairs
    reduction_basic: Figure  # the reduction is twice this, less the Ontario tax
    lift_max: Figure
    lift_rate: Figure  # of employment income
    lift_threshold: Figure
    lift_clawback: Figure  # of adjusted net income over the threshold
    health_premium: tuple[Tier, ...]
    health_premium_source: Source

    def surtax_on(self, basic_tax: float) -> float:
        return sum(max(0.0, basic_tax - t.value) * r.value for t, r in self.surtax)

    def lift(self, employment_income: float, net_income: float) -> float:
        credit = min(self.lift_max.value, employment_income * self.lift_rate.value)
        over = max(0.0, net_income - self.lift_threshold.value)
        return max(0.0, credit - over * self.lift_clawback.value)

    def premium(self, taxable_income: float) -> float:
        """The Ontario Health Premium on taxable income.

        >>> on = Ontario(surtax=(), reduction_basic=Figure(0, Source(title="t")),
        ...     lift_max=Figure(0, Source(title="t")), lift_rate=Figure(0, Source(title="t")),
        ...     lift_threshold=Figure(0, Source(title="t")),
        ...     lift_clawback=Figure(0, Source(title="t")),
        ...     health_premium=(Tier(start=20_000, rate=0.06, cap=300),
        ...                     Tier(start=36_000, rate=0.06, cap=150)),
        ...     health_premium_source=Source(title="t"))
        >>> on.premium(37_000)  # 300 (capped) + 1,000 x 6%
        360.0
        """
        return sum(
            min(t.cap, max(0.0, taxable_income - t.start) * t.rate) for t in self.health_premium
        )

    @property
    def sources(self) -> tuple[Source, ...]:
        figures = [f for pair in self.surtax for f in pair]
        figures += [self.reduction_basic, self.lift_max, self.lift_rate]
        figures += [self.lift_threshold, self.lift_clawback]
        return tuple(dict.fromkeys(f.source for f in figures))


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class ProvincialTax:
    """A province's or territory's income tax (every one but Quebec's) for one year.

    Its taxable income is the federal one; its non-refundable credits (the basic personal
    amount, the base CPP contribution and the EI premium, and in Yukon the Canada employment
    amount) are converted at its lowest rate. ``older`` names the figures read from an earlier
    year's tables, because that year's were not found; the line's name says so.
    """

    name: str  # "Ontario income tax"
    tables_year: int
    schedule: Schedule
    basic_personal_amount: Figure | PhaseDown
    employment_amount: Figure | None = None
    reduction: LowIncomeReduction | None = None
    ontario: Ontario | None = None
    older: tuple[str, ...] = ()

    def personal_amount(self, net_income: float) -> float:
        bpa = self.basic_personal_amount
        return bpa.at(net_income) if isinstance(bpa, PhaseDown) else bpa.value

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source of a figure this tax uses."""
        bpa = self.basic_personal_amount
        found = [self.schedule.source]
        found += list(bpa.sources) if isinstance(bpa, PhaseDown) else [bpa.source]
        if self.employment_amount:
            found.append(self.employment_amount.source)
        if self.reduction:
            found += [self.reduction.amount.source, self.reduction.threshold.source]
        if self.ontario:
            found += list(self.ontario.sources)
        return tuple(dict.fromkeys(found))


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class QuebecTax:
    """Quebec's own income tax for one year, on Quebec's taxable income: pay less the
    deduction for workers (line 201) and the enhanced QPP contributions (line 248).

    Quebec's return has no credit for QPP, EI or QPIP contributions; its one credit here is the
    basic personal amount, converted at the lowest rate.
    """

    name: str
    tables_year: int
    schedule: Schedule
    basic_personal_amount: Figure
    workers_rate: Figure
    workers_max: Figure
    older: tuple[str, ...] = ()

    def workers_deduction(self, pay: float) -> float:
        return min(pay * self.workers_rate.value, self.workers_max.value)

    @property
    def sources(self) -> tuple[Source, ...]:
        figures = (self.basic_personal_amount, self.workers_rate, self.workers_max)
        return tuple(dict.fromkeys((self.schedule.source, *(f.source for f in figures))))


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class FederalTax:
    """The federal income tax for one year: the schedule, the basic personal amount and its
    phase-down, the Canada employment amount, and the Quebec abatement."""

    schedule: Schedule
    basic_personal_amount: PhaseDown
    employment_amount: Figure
    quebec_abatement: Figure
    credits_source: Source  # the law converting credits at the lowest rate
    older: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        found = [self.schedule.source, *self.basic_personal_amount.sources]
        found += [self.employment_amount.source, self.credits_source]
        return tuple(dict.fromkeys(found))


def lowest_rate(schedule: Schedule) -> float:
    """The rate at which a schedule's non-refundable credits are converted."""
    return schedule.brackets[0].rate


def named(name: str, tables_year: int, year: int, older: tuple[str, ...] = ()) -> str:
    """A line's name, saying which of its figures come from an earlier year's tables.

    >>> named("Nunavut income tax", 2025, 2026)
    'Nunavut income tax (2025 tables)'
    >>> named("Federal income tax", 2026, 2026, ("Canada employment amount from 2025 tables",))
    'Federal income tax (Canada employment amount from 2025 tables)'
    """
    notes = ([f"{tables_year} tables"] if tables_year != year else []) + list(older)
    return f"{name} ({'; '.join(notes)})" if notes else name
